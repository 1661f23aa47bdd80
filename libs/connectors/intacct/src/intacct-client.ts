import { randomUUID } from 'node:crypto';
import { IntegrationError } from '@tributary/core';
import { IntacctErrorCode } from './intacct-error-codes.js';
import type { IntacctClientOptions, IntacctSalesDocumentRef, IntacctSalesOrder } from './intacct-types.js';
import { createSoTransactionFunction } from './request/create-sotransaction.js';
import { getApiSessionFunction, readByQueryFunction, salesDocumentsByReference } from './request/read-by-query.js';
import { buildRequestXml, type Authentication, type IntacctFunction } from './request/request-envelope.js';
import { apiSessionFrom, type ApiSession } from './response/api-session.js';
import { authenticationFailure, controlFailure, functionFailure } from './response/classify-failure.js';
import { parseIntacctResponse, type IntacctFunctionResult } from './response/intacct-response.js';
import { salesDocumentRefs } from './response/sales-document-rows.js';
import { HttpTransport } from './transport/http-transport.js';

const DEFAULT_TIMEOUT_MS = 30_000;

/** What one HTTP exchange produced: a function result, or a session the gateway no longer accepts. */
type Exchange = { kind: 'result'; result: IntacctFunctionResult } | { kind: 'session-rejected'; error: IntegrationError };

/** Reads and other calls that are safe to repeat get fresh controlids, so uniqueid=true never refuses them. */
const freshControlId = (purpose: string) => `${purpose}-${randomUUID()}`;

/** A sign-in in progress or done; `settled` is set once it succeeded. */
interface SessionEntry {
  promise: Promise<ApiSession>;
  settled?: ApiSession;
}

const recordNoOrder = (a: IntacctSalesDocumentRef, b: IntacctSalesDocumentRef) => Number(a.recordNo) - Number(b.recordNo);

/**
 * Sage Intacct XML gateway client: one function per request, session authentication, every
 * failure thrown as a classified IntegrationError.
 */
export class IntacctClient {
  private readonly transport: HttpTransport;
  private session: SessionEntry | undefined;

  constructor(private readonly options: IntacctClientOptions) {
    this.transport = new HttpTransport(options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  }

  /**
   * Creates the document. `controlId` must be the same on every retry of the same order: with
   * uniqueid=true Intacct then refuses a second execution (INTACCT.DUPLICATE_CONTROLID).
   */
  async createSalesOrder(order: IntacctSalesOrder, opts: { controlId: string }): Promise<{ key: string }> {
    const result = await this.execute(createSoTransactionFunction(order, opts.controlId));
    if (!result.key) {
      throw IntegrationError.transient(IntacctErrorCode.unavailable, 'Intacct reported success but returned no document key', {
        outcomeUnknown: true,
        controlId: opts.controlId,
      });
    }
    return { key: result.key };
  }

  /** The first-created document of that type whose reference number (PONUMBER) matches, or null. */
  async findSalesDocumentByReference(transactionType: string, referenceNo: string): Promise<IntacctSalesDocumentRef | null> {
    const read = readByQueryFunction(salesDocumentsByReference(transactionType, referenceNo), freshControlId('so-find'));
    const result = await this.execute(read);
    const refs = salesDocumentRefs(result.data);
    if (!refs.ok) throw refs.error;
    // The gateway may compare case-insensitively; only an exact reference is ours.
    const matches = refs.value.filter((ref) => ref.referenceNo === referenceNo).sort(recordNoOrder);
    return matches[0] ?? null;
  }

  async close(): Promise<void> {
    await this.transport.close();
  }

  /** Runs one function under the cached session, signing in again once if the session was refused. */
  private async execute(fn: IntacctFunction): Promise<IntacctFunctionResult> {
    const session = await this.currentSession();
    const first = await this.exchange(session.endpoint, { kind: 'session', sessionId: session.sessionId }, fn);
    if (first.kind === 'result') return first.result;

    this.forgetSession(session);
    const renewed = await this.currentSession();
    const second = await this.exchange(renewed.endpoint, { kind: 'session', sessionId: renewed.sessionId }, fn);
    if (second.kind === 'result') return second.result;
    this.forgetSession(renewed);
    throw second.error;
  }

  /** Concurrent callers share one sign-in; a failed sign-in is not cached. */
  private currentSession(): Promise<ApiSession> {
    if (!this.session) {
      const entry: SessionEntry = {
        promise: this.signIn().then(
          (session) => {
            entry.settled = session;
            return session;
          },
          (error: unknown) => {
            if (this.session === entry) this.session = undefined;
            throw error;
          },
        ),
      };
      this.session = entry;
    }
    return this.session.promise;
  }

  /** Drops the cached session only if it is the one refused; another caller may have renewed it already. */
  private forgetSession(rejected: ApiSession): void {
    if (this.session?.settled === rejected) this.session = undefined;
  }

  private async signIn(): Promise<ApiSession> {
    const { credentials, endpointUrl } = this.options;
    const login: Authentication = {
      kind: 'login',
      userId: credentials.userId,
      companyId: credentials.companyId,
      password: credentials.userPassword,
      ...(credentials.entityId ? { locationId: credentials.entityId } : {}),
    };
    const outcome = await this.exchange(endpointUrl, login, getApiSessionFunction(freshControlId('session'), credentials.entityId));
    if (outcome.kind === 'session-rejected') throw outcome.error;
    const session = apiSessionFrom(outcome.result.data);
    if (!session.ok) throw session.error;
    return session.value;
  }

  /** One HTTP round trip, classified, reported to `onRequest`. */
  private async exchange(url: string, auth: Authentication, fn: IntacctFunction): Promise<Exchange> {
    const started = performance.now();
    const report = (status: string) =>
      this.options.onRequest?.({ operation: fn.name, status, durationMs: Math.round(performance.now() - started) });
    try {
      const outcome = await this.roundTrip(url, auth, fn);
      report(outcome.kind === 'result' ? 'success' : outcome.error.code);
      return outcome;
    } catch (error) {
      report(error instanceof IntegrationError ? error.code : 'UNCLASSIFIED');
      throw error;
    }
  }

  private async roundTrip(url: string, auth: Authentication, fn: IntacctFunction): Promise<Exchange> {
    const { credentials } = this.options;
    const xml = buildRequestXml(
      { senderId: credentials.senderId, senderPassword: credentials.senderPassword, requestControlId: randomUUID() },
      auth,
      [fn],
    );
    const reply = await this.transport.post(url, xml);
    const parsed = parseIntacctResponse(reply.body);
    if (!parsed.ok) throw parsed.error;

    const response = parsed.value;
    switch (response.kind) {
      case 'control-failure':
        throw controlFailure(response.errors, reply.retryAfterMs);
      case 'authentication-failure': {
        const error = authenticationFailure(response.errors);
        // Only a session can go stale; refused login credentials will not get better by retrying now.
        if (auth.kind === 'session') return { kind: 'session-rejected', error };
        throw error;
      }
      case 'operation': {
        const result = response.results.find((r) => r.controlId === fn.controlId);
        if (!result) {
          throw IntegrationError.transient(IntacctErrorCode.unavailable, `Intacct returned no result for function ${fn.controlId}`, {
            outcomeUnknown: true,
          });
        }
        if (result.status !== 'success') {
          // A getAPISession that fails is a sign-in problem, not a business rule.
          if (fn.name === 'getAPISession') throw authenticationFailure(result.errors);
          throw functionFailure(result, reply.retryAfterMs);
        }
        return { kind: 'result', result };
      }
    }
  }
}
