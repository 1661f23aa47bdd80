import type { IncomingMessage, ServerResponse } from 'node:http';
import { ZodError } from 'zod';
import { boiMessage } from '../boi-message.js';
import type { FaultInjector } from '../faults/fault-injector.js';
import type { FacadeContext } from '../facade/facade-context.js';
import { SimulatorError } from '../facade/facade-error.js';
import { matchOperation } from '../facade/operations.js';
import type { CompanyBooks } from '../state/company-books.js';
import type { RecordLocks } from '../state/locks.js';
import { BodyTooLargeError, readBody, sleep } from './http-io.js';
import type { StatsRecorder } from './simulator-stats.js';

export interface FacadeRouteDeps {
  maxConcurrent: number;
  timeoutHangMs: number;
  faults: FaultInjector;
  stats: StatsRecorder;
  locks: RecordLocks;
  /** API key → the companies it may use (undefined: all). */
  apiKeys: ReadonlyMap<string, ReadonlySet<string> | undefined>;
  company: (code: string) => CompanyBooks | undefined;
  offline: () => boolean;
  now: () => Date;
}

const RETRY_AFTER_SECONDS = '1';

const header = (request: IncomingMessage, name: string): string | undefined => {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
};

const zodMessage = (error: ZodError) => error.issues.map((issue) => `${issue.path.join('.') || '(body)'}: ${issue.message}`).join('; ');

/**
 * The facade over HTTP: authentication, company, the concurrency cap, injected faults, then the
 * operation. In-flight requests are counted from arrival until the response ends or the client
 * goes away.
 */
export const createFacadeRoute = (deps: FacadeRouteDeps) => {
  let inFlight = 0;
  const hanging = new Set<() => void>();

  const send = (response: ServerResponse, status: number, body?: unknown, headers: Record<string, string> = {}) => {
    if (response.destroyed) return deps.stats.answered('no-response');
    deps.stats.answered(status);
    response.writeHead(status, { 'content-type': 'application/json', ...headers }).end(body === undefined ? undefined : JSON.stringify(body));
  };
  const fail = (response: ServerResponse, error: SimulatorError, headers: Record<string, string> = {}) => send(response, error.status, error.body(), headers);

  const hang = (response: ServerResponse) => {
    deps.stats.answered('no-response');
    const drop = () => {
      clearTimeout(timer);
      hanging.delete(drop);
      response.destroy();
    };
    const timer = setTimeout(drop, deps.timeoutHangMs);
    hanging.add(drop);
    response.on('close', drop);
  };

  const handle = async (request: IncomingMessage, response: ServerResponse, url: URL): Promise<void> => {
    const matched = matchOperation(request.method ?? 'GET', url.pathname);
    if (!matched) return fail(response, new SimulatorError('not_found', `no route ${url.pathname}`));
    if ('allowed' in matched) {
      return fail(response, new SimulatorError('bad_request', `${request.method} is not allowed on ${url.pathname}`), { allow: matched.allowed.join(', ') });
    }
    const { operation, params } = matched;
    inFlight += 1;
    let released = false;
    response.on('close', () => {
      if (!released) inFlight -= 1;
      released = true;
    });
    deps.stats.requestArrived(operation.operationId, inFlight);
    const overLimit = inFlight > deps.maxConcurrent;

    let raw: string;
    try {
      raw = await readBody(request);
    } catch (error) {
      if (error instanceof BodyTooLargeError) return fail(response, new SimulatorError('bad_request', error.message));
      throw error;
    }

    const key = header(request, 'x-api-key');
    if (!key || !deps.apiKeys.has(key)) return fail(response, new SimulatorError('unauthorized', 'X-API-Key is missing or not known'));
    const code = header(request, 'x-company-code');
    if (!code) return fail(response, new SimulatorError('bad_request', 'X-Company-Code is required', 'X-Company-Code'));
    const books = deps.company(code);
    const allowedCompanies = deps.apiKeys.get(key);
    if (!books || (allowedCompanies && !allowedCompanies.has(code))) {
      return fail(response, new SimulatorError('forbidden', `company ${code} is not available to this key`));
    }
    if (deps.offline()) return fail(response, new SimulatorError('offline', boiMessage('offline')));

    const throttled = () => fail(response, new SimulatorError('throttled', 'Too many requests in flight for the Sage 100 agent'), { 'retry-after': RETRY_AFTER_SECONDS });
    if (overLimit) return throttled();
    const fault = deps.faults.drawRequestFault();
    if (fault === 'throttle') return throttled();
    await sleep(deps.faults.latencyMs);
    if (fault === 'http5xx') return fail(response, new SimulatorError('internal', 'The Sage 100 agent failed'));
    if (fault === 'timeout') return hang(response);

    let body: unknown;
    if (operation.write) {
      try {
        body = raw.trim() === '' ? undefined : JSON.parse(raw);
      } catch {
        return fail(response, new SimulatorError('bad_request', 'the body is not JSON'));
      }
    }
    const query = Object.fromEntries(url.searchParams);
    const context: FacadeContext = { books, locks: deps.locks, now: deps.now() };
    let result: { status: number; body: unknown };
    try {
      if (operation.write && deps.faults.drawLocked()) {
        throw new SimulatorError('locked', boiMessage('recordLocked', { key: operation.operationId, table: 'SY_Session' }));
      }
      result = operation.run(context, { params, query, body });
    } catch (error) {
      if (error instanceof ZodError) return fail(response, new SimulatorError('bad_request', zodMessage(error)));
      if (error instanceof SimulatorError) return fail(response, error);
      throw error;
    }
    if (operation.write && deps.faults.drawCommitThenFail()) {
      // Committed above; the client never learns it. This is the unknown-outcome case.
      if (deps.faults.commitThenFailMode === 'hang') return hang(response);
      return fail(response, new SimulatorError('internal', 'The Sage 100 agent failed after writing'));
    }
    send(response, result.status, result.body);
  };

  return {
    handle,
    dropHanging: () => [...hanging].forEach((drop) => drop()),
  };
};

