import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FaultInjector } from '../faults/fault-injector.js';
import { ErrorNo, gatewayError } from '../gateway/gateway-errors.js';
import { processGatewayRequest, type GatewayEnvironment } from '../gateway/process-request.js';
import { blankControl, controlFailureXml } from '../gateway/reply-xml.js';
import { BodyTooLargeError, readBody, sleep } from './http-io.js';
import type { StatsRecorder } from './simulator-stats.js';

export const GATEWAY_PATH = '/ia/xml/xmlgw.phtml';

export interface GatewayRouteDeps {
  maxConcurrent: number;
  timeoutHangMs: number;
  faults: FaultInjector;
  stats: StatsRecorder;
  /** The per-request environment; `endpointUrl` depends on how the client reached us. */
  environment: (request: IncomingMessage) => GatewayEnvironment;
}

const RETRY_AFTER_SECONDS = '1';

/** Verbs that change the books; commitThenFail applies to requests containing one. */
const WRITE_VERBS: ReadonlySet<string> = new Set(['create_sotransaction', 'update_sotransaction', 'delete_sotransaction', 'create', 'update']);

const throttledXml = controlFailureXml(blankControl, [
  gatewayError(ErrorNo.throttled, 'Rate limit exceeded', 'Too many concurrent requests for this company. Retry later.'),
]);

/** What gateways and load balancers send when they fall over: HTML, not XML. */
const errorPage = (status: number, title: string) =>
  `<!DOCTYPE html><html><head><title>${status} ${title}</title></head><body><h1>${title}</h1></body></html>`;

/**
 * The XML gateway over HTTP: concurrency limit, injected faults, then the Intacct request itself.
 * In-flight requests are counted from arrival until the response ends or the client goes away.
 */
export const createGatewayRoute = (deps: GatewayRouteDeps) => {
  let inFlight = 0;
  const hanging = new Set<() => void>();

  const send = (response: ServerResponse, status: number, headers: Record<string, string>, body: string) => {
    if (response.destroyed) {
      deps.stats.answered('no-response');
      return;
    }
    deps.stats.answered(status);
    response.writeHead(status, headers).end(body);
  };

  /** Holds the request unanswered, then drops the connection: a gateway that never replies. */
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

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    inFlight += 1;
    let released = false;
    response.on('close', () => {
      if (!released) inFlight -= 1;
      released = true;
    });
    deps.stats.requestArrived(inFlight);
    const overLimit = inFlight > deps.maxConcurrent;

    let body: string;
    try {
      body = await readBody(request);
    } catch (error) {
      if (error instanceof BodyTooLargeError) return send(response, 413, { 'content-type': 'text/plain' }, error.message);
      throw error;
    }
    const xmlHeaders = { 'content-type': 'text/xml; charset=UTF-8' };
    const throttled = () => send(response, 429, { ...xmlHeaders, 'retry-after': RETRY_AFTER_SECONDS }, throttledXml);
    if (overLimit) return throttled();

    const fault = deps.faults.drawRequestFault();
    if (fault === 'throttle') return throttled();
    await sleep(deps.faults.latencyMs);
    if (fault === 'http5xx') return send(response, 503, { 'content-type': 'text/html' }, errorPage(503, 'Service Unavailable'));
    if (fault === 'timeout') return hang(response);

    const reply = processGatewayRequest(body, deps.environment(request));
    deps.stats.functionsRan(reply.functions);
    if (reply.functions.some((verb) => WRITE_VERBS.has(verb)) && deps.faults.drawCommitThenFail()) {
      // Committed above; the client never learns it. This is the unknown-outcome case.
      if (deps.faults.commitThenFailMode === 'hang') return hang(response);
      return send(response, 500, { 'content-type': 'text/html' }, errorPage(500, 'Internal Server Error'));
    }
    send(response, 200, xmlHeaders, reply.xml);
  };

  return {
    handle,
    /** Drops every held request, for shutdown. */
    dropHanging: () => [...hanging].forEach((drop) => drop()),
  };
};
