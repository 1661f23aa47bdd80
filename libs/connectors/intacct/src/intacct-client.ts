import { randomUUID } from 'node:crypto';
import { err, ok, IntegrationError, retryAfterMs, type Result } from '@tributary/core';
import { IntacctErrorCode } from './intacct-error-codes.js';
import type {
  IntacctArPayment,
  IntacctArPaymentRef,
  IntacctClientOptions,
  IntacctContact,
  IntacctContactRef,
  IntacctCustomer,
  IntacctCustomerRef,
  IntacctDate,
  IntacctGlBatch,
  IntacctGlBatchRef,
  IntacctGlEntryRow,
  IntacctItem,
  IntacctItemUpdate,
  IntacctSalesDocumentRef,
  IntacctSalesOrder,
  IntacctSalesOrderChange,
  IntacctStockLevel,
} from './intacct-types.js';
import { arPaymentsByDocNumber, arPaymentsReceivedBetween, createArPaymentFunction } from './request/create-arpymt.js';
import { contactsByName, createContactFunction } from './request/create-contact.js';
import { createCustomerFunction } from './request/create-customer.js';
import { createGlBatchFunction, glBatchesByReference, glEntriesOfBatch } from './request/create-glbatch.js';
import { createSoTransactionFunction } from './request/create-sotransaction.js';
import { customersBy, type CustomerLookup } from './request/customer-lookup.js';
import { queryFunction } from './request/query.js';
import { getApiSessionFunction, readByQueryFunction, readMoreFunction, salesDocumentsByReference, salesDocumentsCreatedBetween } from './request/read-by-query.js';
import { buildRequestXml, type Authentication, type IntacctFunction } from './request/request-envelope.js';
import { salesDocumentsChangedSince } from './request/sales-document-changes.js';
import { salesDocumentLinesOf } from './request/sales-document-lines.js';
import { stockChangedSince } from './request/stock-changes.js';
import { itemsChangedSince, updateItemFunction } from './request/update-item.js';
import { deleteSoTransactionFunction, updateSoTransactionFunction } from './request/update-sotransaction.js';
import { apiSessionFrom, type ApiSession } from './response/api-session.js';
import { arPaymentRows } from './response/ar-payment-rows.js';
import { authenticationFailure, controlFailure, functionFailure } from './response/classify-failure.js';
import { createdRecord } from './response/created-record.js';
import { contactRefs } from './response/contact-rows.js';
import { customerRefs } from './response/customer-rows.js';
import { createdGlBatchSchema, glBatchRefs, glEntryRows } from './response/gl-batch-rows.js';
import { parseIntacctResponse, type IntacctFunctionResult } from './response/intacct-response.js';
import { itemRows } from './response/item-rows.js';
import { createdArPaymentSchema, createdContactSchema, createdCustomerSchema } from './response/response-schema.js';
import { changedSalesDocumentRefs, remainingResultId, salesDocumentRefs, type ChangedSalesDocumentRef } from './response/sales-document-rows.js';
import { countLinesByDocId, salesDocumentLineDocIds } from './response/sales-document-line-rows.js';
import { stockLevels } from './response/stock-level-rows.js';
import { FunctionBatcher } from './transport/function-batcher.js';
import { HttpTransport } from './transport/http-transport.js';
import { joinCompanySlots, type RequestSlots } from './transport/request-slots.js';

const DEFAULT_TIMEOUT_MS = 30_000;
/** Intacct's usual performance tier allows 2 concurrent requests per company (external-apis §1.7). */
const DEFAULT_MAX_CONCURRENT_REQUESTS = 2;
const DEFAULT_MAX_FUNCTIONS_PER_REQUEST = 20;
const DEFAULT_BATCH_WINDOW_MS = 2;
/** A throttled reply without Retry-After still holds the company's next requests this long. */
const DEFAULT_THROTTLE_HOLD_MS = 1_000;

/** One function's own outcome, classified as if it had been sent alone. */
type FunctionOutcome = Result<IntacctFunctionResult, IntegrationError>;

/** What one HTTP exchange produced: an outcome per function sent, or a session the gateway no longer accepts. */
type Exchange = { kind: 'results'; outcomes: FunctionOutcome[] } | { kind: 'session-rejected'; error: IntegrationError };

/** Reads and other calls that are safe to repeat get fresh controlids, so uniqueid=true never refuses them. */
const freshControlId = (purpose: string) => `${purpose}-${randomUUID()}`;

/** A sign-in in progress or done; `settled` is set once it succeeded. */
interface SessionEntry {
  promise: Promise<ApiSession>;
  settled?: ApiSession;
}

const isFailure = (outcome: FunctionOutcome): outcome is { ok: false; error: IntegrationError } => !outcome.ok;

/**
 * The `operation` reported to `onRequest`: the verb of a lone function (as before batching), else
 * `batch`. Joining the verbs would make an unbounded set of metric labels; `functions` says how many.
 */
const requestOperation = (fns: readonly IntacctFunction[]): string => (fns.length === 1 ? fns[0]!.name : 'batch');

/** Picks this function's `<result>` out of a reply to several and classifies it. */
const functionOutcome = (fn: IntacctFunction, result: IntacctFunctionResult | undefined, retryAfter: number | undefined): FunctionOutcome => {
  if (!result) {
    return err(
      IntegrationError.transient(IntacctErrorCode.unavailable, `Intacct returned no result for function ${fn.controlId}`, { outcomeUnknown: true }),
    );
  }
  if (result.status !== 'success') {
    // A getAPISession that fails is a sign-in problem, not a business rule.
    return err(fn.name === 'getAPISession' ? authenticationFailure(result.errors) : functionFailure(result, retryAfter));
  }
  return ok(result);
};

const recordNoOrder = (a: { recordNo: string }, b: { recordNo: string }) => Number(a.recordNo) - Number(b.recordNo);

/** Whether a found customer really has the key asked for; the gateway may match more loosely. */
const hasKey = (ref: IntacctCustomerRef, by: CustomerLookup): boolean =>
  'clarityId' in by
    ? ref.clarityId === by.clarityId
    : 'email' in by
      ? ref.email?.toLowerCase() === by.email.toLowerCase()
      : ref.customerId === by.customerId;

/**
 * Sage Intacct XML gateway client: session authentication, every failure thrown as a classified
 * IntegrationError. Functions that concurrent callers submit together share one request
 * (transaction="false", each commits on its own), and at most `maxConcurrentRequests` requests are
 * in flight per company, counted across every client of that company in the process.
 */
export class IntacctClient {
  private readonly transport: HttpTransport;
  private session: SessionEntry | undefined;
  /** The company's request slots, shared with its other clients (one per entity, say). */
  private readonly slots: RequestSlots;
  private readonly leaveSlots: () => void;
  private readonly batcher: FunctionBatcher<IntacctFunction, IntacctFunctionResult>;

  constructor(private readonly options: IntacctClientOptions) {
    this.transport = new HttpTransport(options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
    const company = joinCompanySlots(
      `${options.credentials.companyId} ${options.endpointUrl}`,
      options.maxConcurrentRequests ?? DEFAULT_MAX_CONCURRENT_REQUESTS,
    );
    this.slots = company.slots;
    this.leaveSlots = company.leave;
    this.batcher = new FunctionBatcher({
      maxBatchSize: options.maxFunctionsPerRequest ?? DEFAULT_MAX_FUNCTIONS_PER_REQUEST,
      windowMs: options.batchWindowMs ?? DEFAULT_BATCH_WINDOW_MS,
      acquireSlot: () => this.slots.acquire(),
      send: (fns) => this.sendBatch(fns),
      // Two functions with one controlid in one request would both read the first one's result.
      keyOf: (fn) => fn.controlId,
    });
  }

  /** The company's concurrent request budget in this process and the requests in flight now (for the metrics). */
  get requestBudget(): { limit: number; inFlight: number } {
    return { limit: this.slots.limit, inFlight: this.slots.inFlight };
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
   * Creates a contact (generic CONTACT create) to name as a document's ship-to or bill-to. Retries
   * must reuse `controlId`, like createSalesOrder; after an unknown outcome, look it up with
   * findContact. A CONTACTNAME the company already has is refused as INTACCT.BUSINESS_ERROR.
   */
  async createContact(contact: IntacctContact, opts: { controlId: string }): Promise<IntacctContactRef> {
    const result = await this.execute(createContactFunction(contact, opts.controlId));
    const created = createdRecord(result.data, createdContactSchema, 'CONTACT', opts.controlId);
    if (!created.ok) throw created.error;
    return { recordNo: created.value.RECORDNO, contactName: contact.contactName };
  }

  /** The contact whose CONTACTNAME is exactly `contactName`, or null. */
  async findContact(contactName: string): Promise<IntacctContactRef | null> {
    const result = await this.execute(queryFunction(contactsByName(contactName), freshControlId('contact-find')));
    const refs = contactRefs(result.data);
    if (!refs.ok) throw refs.error;
    // The gateway may compare case-insensitively or trim; only the exact name is the contact.
    const [first] = refs.value.filter((ref) => ref.contactName === contactName).sort(recordNoOrder);
    return first ?? null;
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

  /**
   * SODOCUMENT rows of the given transaction definitions modified at or after `sinceMs` (inclusive:
   * WHENMODIFIED has one-second precision, so `sinceMs` is truncated to the second and the caller
   * dedupes), all pages, sorted by modifiedAt then recordNo. For a polling source that follows
   * state changes made in Intacct (Closed, Converted, …).
   */
  async listSalesDocumentsChangedSince(transactionTypes: readonly string[], sinceMs: number): Promise<Array<IntacctSalesDocumentRef & { modifiedAt: number }>> {
    if (!Number.isFinite(sinceMs)) throw new RangeError(`sinceMs must be a finite epoch ms, got ${sinceMs}`);
    if (transactionTypes.length === 0) return [];
    const documents: ChangedSalesDocumentRef[] = [];
    let result = await this.execute(readByQueryFunction(salesDocumentsChangedSince(transactionTypes, sinceMs), freshControlId('so-poll')));
    for (;;) {
      const page = changedSalesDocumentRefs(result.data);
      if (!page.ok) throw page.error;
      documents.push(...page.value);
      const resultId = remainingResultId(result.data);
      if (!resultId) return documents.sort((a, b) => a.modifiedAt - b.modifiedAt || recordNoOrder(a, b) || a.recordNo.localeCompare(b.recordNo));
      result = await this.execute(readMoreFunction(resultId, freshControlId('so-poll-more')));
    }
  }

  /**
   * Number of lines (SODOCUMENTENTRY rows) of each document, by DOCID; an id with no lines, or
   * unknown, maps to 0. Reads at most 100 ids per query, every page of each.
   */
  async countSalesDocumentLines(docIds: readonly string[]): Promise<Map<string, number>> {
    const lineDocIds: string[] = [];
    for (const read of salesDocumentLinesOf(docIds)) {
      let result = await this.execute(readByQueryFunction(read, freshControlId('so-lines')));
      for (;;) {
        const page = salesDocumentLineDocIds(result.data);
        if (!page.ok) throw page.error;
        lineDocIds.push(...page.value);
        const resultId = remainingResultId(result.data);
        if (!resultId) break;
        result = await this.execute(readMoreFunction(resultId, freshControlId('so-lines-more')));
      }
    }
    return countLinesByDocId(docIds, lineDocIds);
  }

  /**
   * Posts a journal entry (generic GLBATCH create). Debits must equal credits: an unbalanced batch
   * is refused as INTACCT.BUSINESS_ERROR. Same controlId rules as createSalesOrder; after an
   * unknown outcome, look the batch up by referenceNo.
   */
  async createGlBatch(batch: IntacctGlBatch, opts: { controlId: string }): Promise<{ recordNo: string }> {
    const result = await this.execute(createGlBatchFunction(batch, opts.controlId));
    const created = createdRecord(result.data, createdGlBatchSchema, 'GLBATCH', opts.controlId);
    if (!created.ok) throw created.error;
    return { recordNo: created.value.RECORDNO };
  }

  /** The first-created journal entry whose REFERENCENO is exactly `referenceNo`, or null. */
  async findGlBatchByReference(referenceNo: string): Promise<IntacctGlBatchRef | null> {
    const result = await this.execute(readByQueryFunction(glBatchesByReference(referenceNo), freshControlId('glbatch-find')));
    const refs = glBatchRefs(result.data);
    if (!refs.ok) throw refs.error;
    const [first] = refs.value.filter((ref) => ref.referenceNo === referenceNo).sort(recordNoOrder);
    return first ?? null;
  }

  /** The lines of the journal entry with that RECORDNO (createGlBatch's recordNo), in line order. */
  async listGlEntries(batchRecordNo: string): Promise<IntacctGlEntryRow[]> {
    const entries: IntacctGlEntryRow[] = [];
    let result = await this.execute(readByQueryFunction(glEntriesOfBatch(batchRecordNo), freshControlId('glentry-list')));
    for (;;) {
      const page = glEntryRows(result.data);
      if (!page.ok) throw page.error;
      entries.push(...page.value);
      const resultId = remainingResultId(result.data);
      if (!resultId) return entries.sort((a, b) => a.lineNo - b.lineNo || recordNoOrder(a, b));
      result = await this.execute(readMoreFunction(resultId, freshControlId('glentry-list-more')));
    }
  }

  /**
   * Changes an item's name, base price, sales description or status (generic ITEM update); fields
   * left out stay as they are. An unknown itemId or a bad price is refused as
   * INTACCT.BUSINESS_ERROR. Same controlId rules as updateSalesOrder.
   */
  async updateItem(item: IntacctItemUpdate, opts: { controlId: string }): Promise<void> {
    await this.execute(updateItemFunction(item, opts.controlId));
  }

  /**
   * ITEM records modified at or after `sinceMs` (inclusive: WHENMODIFIED has one-second precision,
   * so `sinceMs` is truncated to the second and the caller dedupes), all pages, sorted by
   * modifiedAt then recordNo. For a polling source.
   */
  async listItemsChangedSince(sinceMs: number): Promise<IntacctItem[]> {
    if (!Number.isFinite(sinceMs)) throw new RangeError(`sinceMs must be a finite epoch ms, got ${sinceMs}`);
    const items: IntacctItem[] = [];
    let result = await this.execute(readByQueryFunction(itemsChangedSince(sinceMs), freshControlId('item-poll')));
    for (;;) {
      const page = itemRows(result.data);
      if (!page.ok) throw page.error;
      items.push(...page.value);
      const resultId = remainingResultId(result.data);
      if (!resultId) return items.sort((a, b) => a.modifiedAt - b.modifiedAt || recordNoOrder(a, b) || a.recordNo.localeCompare(b.recordNo));
      result = await this.execute(readMoreFunction(resultId, freshControlId('item-poll-more')));
    }
  }

  /**
   * Every cash receipt dated (RECEIPTDATE) between two days, inclusive, with its DOCNUMBER, all
   * pages (readByQuery, then readMore). For reconciliation: duplicates show as two rows.
   */
  async listArPayments(from: IntacctDate, to: IntacctDate): Promise<Array<IntacctArPaymentRef & { docNumber: string }>> {
    const payments: Array<IntacctArPaymentRef & { docNumber: string }> = [];
    let result = await this.execute(readByQueryFunction(arPaymentsReceivedBetween(from, to), freshControlId('arpymt-list')));
    for (;;) {
      const page = arPaymentRows(result.data);
      if (!page.ok) throw page.error;
      payments.push(...page.value);
      const resultId = remainingResultId(result.data);
      if (!resultId) return payments;
      result = await this.execute(readMoreFunction(resultId, freshControlId('arpymt-list-more')));
    }
  }

  async close(): Promise<void> {
    this.leaveSlots();
    await this.transport.close();
  }

  /**
   * Runs one function and returns its own result: it travels with the functions other callers
   * submit at the same moment, in a request sent once one of the company's slots is free.
   */
  private async execute(fn: IntacctFunction): Promise<IntacctFunctionResult> {
    return this.batcher.submit(fn);
  }

  /**
   * Sends functions in one request under the cached session, signing in again once if the session
   * was refused. Runs while holding a request slot; a sign-in it needs goes through that same slot.
   * Throws what concerns the whole request (HTTP, control, unreadable reply): every caller gets it.
   */
  private async sendBatch(fns: readonly IntacctFunction[]): Promise<FunctionOutcome[]> {
    const session = await this.currentSession();
    const first = await this.exchange(session.endpoint, { kind: 'session', sessionId: session.sessionId }, fns);
    if (first.kind === 'results') return first.outcomes;

    this.forgetSession(session);
    const renewed = await this.currentSession();
    const second = await this.exchange(renewed.endpoint, { kind: 'session', sessionId: renewed.sessionId }, fns);
    if (second.kind === 'results') return second.outcomes;
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
    // Never batched: getAPISession must be the only function of its request (external-apis §1.6).
    const outcome = await this.exchange(endpointUrl, login, [getApiSessionFunction(freshControlId('session'), credentials.entityId)]);
    if (outcome.kind === 'session-rejected') throw outcome.error;
    const [result] = outcome.outcomes;
    if (!result) throw IntegrationError.transient(IntacctErrorCode.unavailable, 'Intacct returned no result for getAPISession', { outcomeUnknown: false });
    if (!result.ok) throw result.error;
    const session = apiSessionFrom(result.value.data);
    if (!session.ok) throw session.error;
    return session.value;
  }

  /**
   * One HTTP round trip, classified, reported once to `onRequest`. A throttled reply also holds
   * the company's next requests for its Retry-After, so we stop hammering the gateway.
   */
  private async exchange(url: string, auth: Authentication, fns: readonly IntacctFunction[]): Promise<Exchange> {
    const started = performance.now();
    const report = (status: string) =>
      this.options.onRequest?.({
        operation: requestOperation(fns),
        functions: fns.length,
        status,
        durationMs: Math.round(performance.now() - started),
      });
    try {
      const outcome = await this.roundTrip(url, auth, fns);
      if (outcome.kind === 'session-rejected') {
        report(outcome.error.code);
        return outcome;
      }
      const failures = outcome.outcomes.filter(isFailure);
      failures.forEach((failure) => this.holdIfThrottled(failure.error));
      // A lone function reports its own failure code, as before batching; a batch the first one's.
      report(failures[0]?.error.code ?? 'success');
      return outcome;
    } catch (error) {
      if (error instanceof IntegrationError) this.holdIfThrottled(error);
      report(error instanceof IntegrationError ? error.code : 'UNCLASSIFIED');
      throw error;
    }
  }

  private holdIfThrottled(error: IntegrationError): void {
    if (error.code === IntacctErrorCode.throttled) this.slots.holdFor(retryAfterMs(error) ?? DEFAULT_THROTTLE_HOLD_MS);
  }

  private async roundTrip(url: string, auth: Authentication, fns: readonly IntacctFunction[]): Promise<Exchange> {
    const { credentials } = this.options;
    const xml = buildRequestXml(
      { senderId: credentials.senderId, senderPassword: credentials.senderPassword, requestControlId: randomUUID() },
      auth,
      fns,
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
        const byControlId = new Map<string, IntacctFunctionResult>();
        for (const result of response.results) if (!byControlId.has(result.controlId)) byControlId.set(result.controlId, result);
        return { kind: 'results', outcomes: fns.map((fn) => functionOutcome(fn, byControlId.get(fn.controlId), reply.retryAfterMs)) };
      }
    }
  }
}
