import { randomUUID } from 'node:crypto';
import { IntegrationError } from '@tributary/core';
import { IntacctErrorCode } from './intacct-error-codes.js';
import type {
  IntacctArPayment,
  IntacctArPaymentRef,
  IntacctClientOptions,
  IntacctCustomer,
  IntacctCustomerRef,
  IntacctDate,
  IntacctSalesDocumentRef,
  IntacctSalesOrder,
  IntacctSalesOrderChange,
  IntacctStockLevel,
} from './intacct-types.js';
import { arPaymentsByDocNumber, createArPaymentFunction } from './request/create-arpymt.js';
import { createCustomerFunction } from './request/create-customer.js';
import { createSoTransactionFunction } from './request/create-sotransaction.js';
import { customersBy, type CustomerLookup } from './request/customer-lookup.js';
import { queryFunction } from './request/query.js';
import { getApiSessionFunction, readByQueryFunction, readMoreFunction, salesDocumentsByReference, salesDocumentsCreatedBetween } from './request/read-by-query.js';
import { buildRequestXml, type Authentication, type IntacctFunction } from './request/request-envelope.js';
import { stockChangedSince } from './request/stock-changes.js';
import { deleteSoTransactionFunction, updateSoTransactionFunction } from './request/update-sotransaction.js';
import { apiSessionFrom, type ApiSession } from './response/api-session.js';
import { arPaymentRows } from './response/ar-payment-rows.js';
import { authenticationFailure, controlFailure, functionFailure } from './response/classify-failure.js';
import { createdRecord } from './response/created-record.js';
import { customerRefs } from './response/customer-rows.js';
import { parseIntacctResponse, type IntacctFunctionResult } from './response/intacct-response.js';
import { createdArPaymentSchema, createdCustomerSchema } from './response/response-schema.js';
import { remainingResultId, salesDocumentRefs } from './response/sales-document-rows.js';
import { stockLevels } from './response/stock-level-rows.js';
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

const recordNoOrder = (a: { recordNo: string }, b: { recordNo: string }) => Number(a.recordNo) - Number(b.recordNo);

/** Whether a found customer really has the key asked for; the gateway may match more loosely. */
const hasKey = (ref: IntacctCustomerRef, by: CustomerLookup): boolean =>
  'clarityId' in by
    ? ref.clarityId === by.clarityId
    : 'email' in by
      ? ref.email?.toLowerCase() === by.email.toLowerCase()
      : ref.customerId === by.customerId;

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

  /**
   * Changes a Draft or Pending document (update_sotransaction): header fields, line edits, new
   * lines, subtotals. Same controlId rules as createSalesOrder. A Closed, converted or paid
   * document is refused as INTACCT.BUSINESS_ERROR.
   */
  async updateSalesOrder(docId: string, change: IntacctSalesOrderChange, opts: { controlId: string }): Promise<void> {
    await this.execute(updateSoTransactionFunction(docId, change, opts.controlId));
  }

  /** Deletes a Draft or Pending document (delete_sotransaction). Same controlId and error rules as updateSalesOrder. */
  async deleteSalesOrder(docId: string, opts: { controlId: string }): Promise<void> {
    await this.execute(deleteSoTransactionFunction(docId, opts.controlId));
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

  /**
   * Every sales document of the given transaction definitions created between two dates
   * (inclusive), page by page (readByQuery, then readMore while rows remain). For reconciliation.
   */
  async listSalesDocuments(transactionTypes: readonly string[], from: IntacctDate, to: IntacctDate): Promise<IntacctSalesDocumentRef[]> {
    const documents: IntacctSalesDocumentRef[] = [];
    let result = await this.execute(readByQueryFunction(salesDocumentsCreatedBetween(transactionTypes, from, to), freshControlId('so-list')));
    for (;;) {
      const page = salesDocumentRefs(result.data);
      if (!page.ok) throw page.error;
      documents.push(...page.value);
      const resultId = remainingResultId(result.data);
      if (!resultId) return documents;
      result = await this.execute(readMoreFunction(resultId, freshControlId('so-list-more')));
    }
  }

  /**
   * ITEMWAREHOUSEINFO rows modified at or after `sinceMs` (inclusive: WHENMODIFIED has one-second
   * precision, so `sinceMs` is truncated to the second and the caller dedupes), all pages, sorted
   * by modifiedAt then recordNo. For a polling source.
   */
  async listStockChangedSince(sinceMs: number): Promise<IntacctStockLevel[]> {
    if (!Number.isFinite(sinceMs)) throw new RangeError(`sinceMs must be a finite epoch ms, got ${sinceMs}`);
    const levels: IntacctStockLevel[] = [];
    let result = await this.execute(readByQueryFunction(stockChangedSince(sinceMs), freshControlId('stock-poll')));
    for (;;) {
      const page = stockLevels(result.data);
      if (!page.ok) throw page.error;
      levels.push(...page.value);
      const resultId = remainingResultId(result.data);
      if (!resultId) return levels.sort((a, b) => a.modifiedAt - b.modifiedAt || recordNoOrder(a, b) || a.recordNo.localeCompare(b.recordNo));
      result = await this.execute(readMoreFunction(resultId, freshControlId('stock-poll-more')));
    }
  }

  /**
   * Creates a customer (generic CUSTOMER create). Retries must reuse `controlId`, like
   * createSalesOrder; after an unknown outcome, look the customer up by clarityId first.
   */
  async createCustomer(customer: IntacctCustomer, opts: { controlId: string }): Promise<IntacctCustomerRef> {
    const result = await this.execute(createCustomerFunction(customer, opts.controlId));
    const created = createdRecord(result.data, createdCustomerSchema, 'CUSTOMER', opts.controlId);
    if (!created.ok) throw created.error;
    return {
      customerId: created.value.CUSTOMERID,
      recordNo: created.value.RECORDNO,
      name: customer.name,
      ...(customer.email ? { email: customer.email } : {}),
      ...(customer.clarityId ? { clarityId: customer.clarityId } : {}),
    };
  }

  /** Customers with that CLARITY_ID, CUSTOMERID or e-mail (case-insensitive), oldest first. */
  async findCustomers(by: CustomerLookup): Promise<IntacctCustomerRef[]> {
    const result = await this.execute(queryFunction(customersBy(by), freshControlId('customer-find')));
    const refs = customerRefs(result.data);
    if (!refs.ok) throw refs.error;
    return refs.value.filter((ref) => hasKey(ref, by)).sort(recordNoOrder);
  }

  /**
   * Records a cash receipt applied to AR invoices (generic ARPYMT create). `applyTo[].recordKey`
   * is the AR invoice RECORDNO (prRecordKey), not the sales document key. Same controlId rules
   * as createSalesOrder; after an unknown outcome, look the payment up by docNumber.
   */
  async createArPayment(payment: IntacctArPayment, opts: { controlId: string }): Promise<{ recordNo: string }> {
    const result = await this.execute(createArPaymentFunction(payment, opts.controlId));
    const created = createdRecord(result.data, createdArPaymentSchema, 'ARPYMT', opts.controlId);
    if (!created.ok) throw created.error;
    return { recordNo: created.value.RECORDNO };
  }

  /** The first-created payment whose DOCNUMBER is exactly `docNumber`, or null. */
  async findArPaymentByDocNumber(docNumber: string): Promise<IntacctArPaymentRef | null> {
    const result = await this.execute(readByQueryFunction(arPaymentsByDocNumber(docNumber), freshControlId('arpymt-find')));
    const rows = arPaymentRows(result.data);
    if (!rows.ok) throw rows.error;
    const [first] = rows.value.filter((row) => row.docNumber === docNumber).sort(recordNoOrder);
    return first ? { recordNo: first.recordNo, amount: first.amount, customerId: first.customerId } : null;
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
