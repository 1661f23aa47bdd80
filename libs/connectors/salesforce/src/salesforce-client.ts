import jsforce, { type Connection } from 'jsforce';
import { IntegrationError } from '@tributary/core';
import { ChangeStream, type ChangeSubscription, type SubscribeOptions } from './change-subscription.js';
import type { SalesforceChangeEvent } from './change-events.js';
import { classifyEntry, classifyError, isInvalidSession, type SalesforceErrorEntry } from './classify-error.js';
import { SalesforceErrorCode } from './salesforce-error-codes.js';
import type {
  CompositeSubrequest,
  CompositeSubresponse,
  PricebookEntryRef,
  QueryResult,
  RecordOutcome,
  SalesforceApiUsage,
  SalesforceClientOptions,
  SalesforceIdentity,
  SalesforceRecord,
} from './salesforce-types.js';

const DEFAULT_VERSION = '62.0';
const DEFAULT_TIMEOUT_MS = 30_000;
const DEFAULT_PRICE_BOOK_TTL_MS = 10 * 60 * 1000;
/** sObject collections take at most 200 records per call. */
export const MAX_COLLECTION_RECORDS = 200;
/** A composite request takes at most 25 subrequests. */
export const MAX_COMPOSITE_SUBREQUESTS = 25;
/** Product codes per PricebookEntry query, to keep the SOQL in a URL well under limits. */
const CODES_PER_QUERY = 100;

/** A SOQL string literal: quotes and backslashes escaped. */
export const soqlString = (value: string): string => `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

interface Authorised {
  conn: Connection;
  identity: SalesforceIdentity;
  generation: number;
}

interface CollectionResult {
  id?: string;
  success: boolean;
  created?: boolean;
  errors?: SalesforceErrorEntry[];
}

type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

const parseIdentity = (idUrl: string | undefined, instanceUrl: string): SalesforceIdentity => {
  const parts = (idUrl ?? '').split('/');
  return { userId: parts.at(-1) ?? '', organizationId: parts.at(-2) ?? '', instanceUrl };
};

/** Splits a list into chunks of at most `size`. */
export const chunk = <T>(items: readonly T[], size: number): T[][] => {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
};

/** Maps a collection reply back onto the records sent, index by index. */
export const collectionOutcomes = (results: unknown, expected: number, limitRetryAfterMs?: number): RecordOutcome[] => {
  const list = Array.isArray(results) ? (results as CollectionResult[]) : [];
  return Array.from({ length: expected }, (_, index): RecordOutcome => {
    const result = list[index];
    if (!result) {
      return { kind: 'failed', error: IntegrationError.transient(SalesforceErrorCode.unavailable, `Salesforce returned no result for record ${index}`, { outcomeUnknown: true }) };
    }
    if (result.success && result.id) return { kind: 'saved', id: result.id, created: result.created ?? false };
    const errors = result.errors ?? [];
    const first = classifyEntry(errors[0] ?? { statusCode: 'UNKNOWN', message: 'record failed without an error' }, limitRetryAfterMs === undefined ? {} : { limitRetryAfterMs });
    return { kind: 'failed', error: errors.length > 1 ? new IntegrationError(first.code, errors.map((e) => e.message).join('; '), first.transient, { ...first.details, errors }) : first };
  });
};

/**
 * Salesforce REST and CDC client on jsforce. Authorises with the OAuth client-credentials flow
 * (or username-password), and since that flow has no refresh token, a call refused with
 * INVALID_SESSION_ID authorises again (once, shared by concurrent callers) and is retried once.
 * Every call carries `Sforce-Call-Options: client=<clientName>`; every failure is thrown as a
 * classified IntegrationError (`SALESFORCE.*`). Secrets are never logged or put in errors.
 */
export class SalesforceClient {
  private readonly oauth2: InstanceType<typeof jsforce.OAuth2>;
  private readonly version: string;
  private current: Authorised | undefined;
  private authorising: Promise<Authorised> | undefined;
  private generation = 0;
  private usage: SalesforceApiUsage | undefined;
  private standardPricebook: { id: string; at: number } | undefined;
  private readonly entries = new Map<string, { entry: PricebookEntryRef | null; at: number }>();
  private readonly subscriptions = new Set<ChangeSubscription>();

  constructor(private readonly options: SalesforceClientOptions) {
    this.version = options.apiVersion ?? DEFAULT_VERSION;
    this.oauth2 = new jsforce.OAuth2({ loginUrl: options.loginUrl, clientId: options.clientId, clientSecret: options.clientSecret });
  }

  // ---- session -----------------------------------------------------------------------------

  /** Authorises now (the first call does it anyway) and says who we are. */
  async authorize(): Promise<SalesforceIdentity> {
    return (await this.session()).identity;
  }

  /** The integration user and org, once authorised (CDC echo suppression compares `commitUser` with it). */
  identity(): SalesforceIdentity | undefined {
    return this.current?.identity;
  }

  private session(): Promise<Authorised> {
    if (this.current) return Promise.resolve(this.current);
    return this.reauthorise(this.generation);
  }

  /** Authorises again unless someone already did since `seenGeneration`; concurrent callers share one request. */
  private reauthorise(seenGeneration: number): Promise<Authorised> {
    if (this.current && this.current.generation > seenGeneration) return Promise.resolve(this.current);
    this.authorising ??= (async () => {
      const started = performance.now();
      try {
        const { username, password } = this.options;
        const token = username && password ? await this.oauth2.authenticate(username, password) : await this.oauth2.requestToken({ grant_type: 'client_credentials' });
        // No oauth2 client on the Connection: jsforce would otherwise try a refresh-token flow on 401
        // (this flow has none) and hide INVALID_SESSION_ID behind "Unable to refresh session".
        const conn = new jsforce.Connection({
          instanceUrl: token.instance_url,
          accessToken: token.access_token,
          version: this.version,
          callOptions: { client: this.options.clientName },
        });
        this.generation += 1;
        this.current = { conn, identity: parseIdentity(token.id, token.instance_url), generation: this.generation };
        this.options.onRequest?.({ operation: 'authorize', status: 'success', durationMs: performance.now() - started });
        return this.current;
      } catch (error) {
        const classified = classifyError(error, { operation: 'authorize', write: false });
        this.options.onRequest?.({ operation: 'authorize', status: classified.code, durationMs: performance.now() - started });
        throw classified.code === SalesforceErrorCode.authFailed
          ? classified
          : IntegrationError.transient(SalesforceErrorCode.authFailed, `Salesforce authorisation failed: ${classified.message}`, { ...classified.details, cause: classified.code });
      } finally {
        this.authorising = undefined;
      }
    })();
    return this.authorising;
  }

  // ---- transport ---------------------------------------------------------------------------

  private path(url: string): string {
    return url.startsWith('/services/') ? url : `/services/data/v${this.version}${url}`;
  }

  /**
   * One REST call through jsforce: our timeout, no hidden retries (the pipeline's retry policy
   * decides), one re-authorisation on INVALID_SESSION_ID, the limit header read after it.
   */
  private async call<T>(operation: string, request: { method: HttpMethod; url: string; body?: unknown; headers?: Record<string, string> }, meta: { write: boolean; records?: number; noContent?: unknown }): Promise<T> {
    const started = performance.now();
    let status = 'success';
    const send = (auth: Authorised) =>
      auth.conn.request<T>(
        {
          method: request.method,
          url: this.path(request.url),
          ...(request.body === undefined ? {} : { body: JSON.stringify(request.body) }),
          headers: { ...(request.body === undefined ? {} : { 'content-type': 'application/json' }), ...request.headers },
        },
        { timeout: this.options.timeoutMs ?? DEFAULT_TIMEOUT_MS, retry: { maxRetries: 0 }, ...(meta.noContent === undefined ? {} : { noContentResponse: meta.noContent }) },
      );
    let auth: Authorised | undefined;
    try {
      auth = await this.session();
      try {
        return await send(auth);
      } catch (error) {
        if (!isInvalidSession(error)) throw error;
        this.readLimits(auth);
        auth = await this.reauthorise(auth.generation);
        return await send(auth);
      }
    } catch (error) {
      const classified = classifyError(error, { operation, write: meta.write, ...(this.options.limitRetryAfterMs === undefined ? {} : { limitRetryAfterMs: this.options.limitRetryAfterMs }) });
      status = classified.code;
      throw classified;
    } finally {
      if (auth) this.readLimits(auth);
      this.options.onRequest?.({ operation, status, durationMs: performance.now() - started, ...(meta.records === undefined ? {} : { records: meta.records }) });
    }
  }

  private readLimits(auth: Authorised): void {
    const apiUsage = auth.conn.limitInfo.apiUsage;
    if (!apiUsage) return;
    const usage: SalesforceApiUsage = { used: apiUsage.used, limit: apiUsage.limit, remaining: Math.max(0, apiUsage.limit - apiUsage.used), share: apiUsage.limit > 0 ? apiUsage.used / apiUsage.limit : 1 };
    if (this.usage && this.usage.used === usage.used && this.usage.limit === usage.limit) return;
    this.usage = usage;
    this.options.onLimits?.(usage);
  }

  /** The daily API budget as the last reply's `Sforce-Limit-Info` reported it (undefined before any call). */
  limits(): SalesforceApiUsage | undefined {
    return this.usage;
  }

  /** Asks the org (`GET /limits`) for its daily API allocation. */
  async fetchLimits(): Promise<{ max: number; remaining: number }> {
    const limits = await this.call<{ DailyApiRequests?: { Max: number; Remaining: number } }>('limits', { method: 'GET', url: '/limits' }, { write: false });
    return { max: limits.DailyApiRequests?.Max ?? 0, remaining: limits.DailyApiRequests?.Remaining ?? 0 };
  }

  // ---- records -----------------------------------------------------------------------------

  /**
   * Upserts records by an external-id field with sObject collections (≤ 200 per call, split
   * here), allOrNone=false by default: one bad record never fails its batch mates. Returns an
   * outcome per record, in input order. A whole-call failure (network, limit, auth) is thrown.
   */
  async upsertRecords(type: string, records: readonly SalesforceRecord[], extIdField: string, opts: { allOrNone?: boolean } = {}): Promise<RecordOutcome[]> {
    const outcomes: RecordOutcome[] = new Array(records.length);
    const sendable: { index: number; record: SalesforceRecord }[] = [];
    records.forEach((record, index) => {
      const value = record[extIdField];
      if (value === undefined || value === null || value === '') {
        outcomes[index] = { kind: 'failed', error: IntegrationError.permanent(SalesforceErrorCode.missingExternalId, `${type} record ${index} has no ${extIdField}`, { field: extIdField }) };
      } else {
        const { attributes: _attributes, ...fields } = record;
        sendable.push({ index, record: { attributes: { type }, ...fields } });
      }
    });
    for (const batch of chunk(sendable, MAX_COLLECTION_RECORDS)) {
      const results = await this.call<unknown>(
        `upsert ${type}`,
        { method: 'PATCH', url: `/composite/sobjects/${type}/${extIdField}`, body: { allOrNone: opts.allOrNone ?? false, records: batch.map((b) => b.record) } },
        { write: true, records: batch.length },
      );
      collectionOutcomes(results, batch.length, this.options.limitRetryAfterMs).forEach((outcome, i) => {
        outcomes[batch[i]!.index] = outcome;
      });
    }
    return outcomes;
  }

  upsertAccounts(records: readonly SalesforceRecord[], extIdField: string): Promise<RecordOutcome[]> {
    return this.upsertRecords('Account', records, extIdField);
  }

  upsertContacts(records: readonly SalesforceRecord[], extIdField: string): Promise<RecordOutcome[]> {
    return this.upsertRecords('Contact', records, extIdField);
  }

  /** Upserts one record (`PATCH /sobjects/{type}/{field}/{value}`); 300 throws MULTIPLE_MATCHES with the ids. */
  async upsert(type: string, extIdField: string, value: string, fields: SalesforceRecord): Promise<{ id: string; created: boolean }> {
    const { attributes: _a, [extIdField]: _v, Id: _id, ...body } = fields;
    const result = await this.call<{ id?: string; created?: boolean } | undefined>(
      `upsert ${type}`,
      { method: 'PATCH', url: `/sobjects/${type}/${extIdField}/${encodeURIComponent(value)}`, body },
      { write: true, records: 1, noContent: {} },
    );
    if (result?.id) return { id: result.id, created: result.created ?? false };
    // API < 46 answers an update with 204 and no id: read it.
    const found = await this.findByExternalId(type, extIdField, value, ['Id']);
    if (!found) throw IntegrationError.transient(SalesforceErrorCode.unavailable, `upserted ${type} ${extIdField}=${value} but cannot read it back`, { outcomeUnknown: true });
    return { id: String(found['Id']), created: false };
  }

  /** The record with that external id, or null; several matches throw MULTIPLE_MATCHES with their ids. */
  async findByExternalId(type: string, extIdField: string, value: string, fields?: readonly string[]): Promise<SalesforceRecord | null> {
    const query = fields && fields.length > 0 ? `?fields=${fields.map(encodeURIComponent).join(',')}` : '';
    try {
      return await this.call<SalesforceRecord>(`find ${type}`, { method: 'GET', url: `/sobjects/${type}/${extIdField}/${encodeURIComponent(value)}${query}` }, { write: false });
    } catch (error) {
      if (error instanceof IntegrationError && error.code === SalesforceErrorCode.notFound) return null;
      throw error;
    }
  }

  async create(type: string, fields: SalesforceRecord): Promise<string> {
    const result = await this.call<{ id: string }>(`create ${type}`, { method: 'POST', url: `/sobjects/${type}`, body: fields }, { write: true, records: 1 });
    return result.id;
  }

  async update(type: string, id: string, fields: SalesforceRecord): Promise<void> {
    const { attributes: _a, Id: _id, ...body } = fields;
    await this.call(`update ${type}`, { method: 'PATCH', url: `/sobjects/${type}/${id}`, body }, { write: true, records: 1, noContent: {} });
  }

  /** The record by id, or null when it does not exist (or was deleted). */
  async retrieve(type: string, id: string, fields?: readonly string[]): Promise<SalesforceRecord | null> {
    const query = fields && fields.length > 0 ? `?fields=${fields.join(',')}` : '';
    try {
      return await this.call<SalesforceRecord>(`retrieve ${type}`, { method: 'GET', url: `/sobjects/${type}/${id}${query}` }, { write: false });
    } catch (error) {
      if (error instanceof IntegrationError && error.code === SalesforceErrorCode.notFound) return null;
      throw error;
    }
  }

  // ---- queries -----------------------------------------------------------------------------

  /** Every record the SOQL selects, following `nextRecordsUrl` page by page. */
  query<T extends SalesforceRecord = SalesforceRecord>(soql: string): Promise<QueryResult<T>> {
    return this.queryPages<T>('query', soql);
  }

  /** Like query, including deleted and archived rows (`/queryAll`). */
  queryAll<T extends SalesforceRecord = SalesforceRecord>(soql: string): Promise<QueryResult<T>> {
    return this.queryPages<T>('queryAll', soql);
  }

  private async queryPages<T>(resource: 'query' | 'queryAll', soql: string): Promise<QueryResult<T>> {
    type Page = { totalSize: number; done?: boolean; records: T[]; nextRecordsUrl?: string };
    let page = await this.call<Page>(resource, { method: 'GET', url: `/${resource}?q=${encodeURIComponent(soql)}` }, { write: false });
    const records = [...page.records];
    while (page.done === false && page.nextRecordsUrl) {
      page = await this.call<Page>(`${resource}More`, { method: 'GET', url: page.nextRecordsUrl }, { write: false });
      records.push(...page.records);
    }
    return { totalSize: page.totalSize, records };
  }

  // ---- composite ---------------------------------------------------------------------------

  /**
   * Runs up to 25 subrequests in one call (`@{ref.id}` references allowed). With allOrNone, one
   * failure rolls all back: the culprit carries its error, the others PROCESSING_HALTED.
   */
  async composite(subrequests: readonly CompositeSubrequest[], allOrNone: boolean): Promise<CompositeSubresponse[]> {
    if (subrequests.length > MAX_COMPOSITE_SUBREQUESTS) {
      throw IntegrationError.permanent(SalesforceErrorCode.rejected, `a composite request takes at most ${MAX_COMPOSITE_SUBREQUESTS} subrequests, got ${subrequests.length}`, { subrequests: subrequests.length });
    }
    const reply = await this.call<{ compositeResponse: { referenceId: string; httpStatusCode: number; body: unknown }[] }>(
      'composite',
      { method: 'POST', url: '/composite', body: { allOrNone, compositeRequest: subrequests.map((s) => ({ ...s, url: this.path(s.url) })) } },
      { write: true, records: subrequests.length },
    );
    return reply.compositeResponse.map((sub) => {
      if (sub.httpStatusCode < 400) return sub;
      const entries = Array.isArray(sub.body) ? (sub.body as SalesforceErrorEntry[]) : [{ errorCode: `ERROR_HTTP_${sub.httpStatusCode}`, message: JSON.stringify(sub.body) }];
      const error = classifyEntry(entries[0] ?? {}, this.options.limitRetryAfterMs === undefined ? {} : { limitRetryAfterMs: this.options.limitRetryAfterMs });
      return { ...sub, error: entries[0]?.errorCode === 'PROCESSING_HALTED' ? IntegrationError.transient('SALESFORCE.PROCESSING_HALTED', entries[0].message ?? 'processing halted', { referenceId: sub.referenceId }) : error };
    });
  }

  // ---- price books -------------------------------------------------------------------------

  private fresh(at: number): boolean {
    return Date.now() - at < (this.options.priceBookCacheTtlMs ?? DEFAULT_PRICE_BOOK_TTL_MS);
  }

  /** The standard price book's id, cached. */
  async standardPricebookId(): Promise<string> {
    if (this.standardPricebook && this.fresh(this.standardPricebook.at)) return this.standardPricebook.id;
    const result = await this.query<{ Id: string }>('SELECT Id FROM Pricebook2 WHERE IsStandard = true LIMIT 1');
    const id = result.records[0]?.Id;
    if (!id) throw IntegrationError.permanent(SalesforceErrorCode.notFound, 'the org has no standard price book', {});
    this.standardPricebook = { id, at: Date.now() };
    return id;
  }

  /**
   * PricebookEntries by Product2.ProductCode (= SKU) in a price book (default: the standard one),
   * cached; codes with no entry are absent from the map (an unknown SKU).
   */
  async pricebookEntries(productCodes: readonly string[], pricebookId?: string): Promise<Map<string, PricebookEntryRef>> {
    const book = pricebookId ?? (await this.standardPricebookId());
    const found = new Map<string, PricebookEntryRef>();
    const missing: string[] = [];
    for (const code of new Set(productCodes)) {
      const cached = this.entries.get(`${book}|${code}`);
      if (cached && this.fresh(cached.at)) {
        if (cached.entry) found.set(code, cached.entry);
      } else {
        missing.push(code);
      }
    }
    for (const codes of chunk(missing, CODES_PER_QUERY)) {
      const result = await this.query<{ Id: string; Product2Id: string; UnitPrice: number; IsActive: boolean; Pricebook2Id: string; Product2: { ProductCode: string } | null }>(
        `SELECT Id, Product2Id, UnitPrice, IsActive, Pricebook2Id, Product2.ProductCode FROM PricebookEntry WHERE Pricebook2Id = ${soqlString(book)} AND Product2.ProductCode IN (${codes.map(soqlString).join(', ')})`,
      );
      const now = Date.now();
      for (const code of codes) this.entries.set(`${book}|${code}`, { entry: null, at: now });
      for (const row of result.records) {
        const code = row.Product2?.ProductCode;
        if (!code) continue;
        const entry: PricebookEntryRef = { id: row.Id, product2Id: row.Product2Id, productCode: code, unitPrice: Number(row.UnitPrice), isActive: row.IsActive !== false, pricebook2Id: row.Pricebook2Id };
        const previous = this.entries.get(`${book}|${code}`)?.entry;
        // Several products may share a ProductCode (it is not unique): prefer an active entry.
        if (!previous || (!previous.isActive && entry.isActive)) this.entries.set(`${book}|${code}`, { entry, at: now });
      }
      for (const code of codes) {
        const entry = this.entries.get(`${book}|${code}`)?.entry;
        if (entry) found.set(code, entry);
      }
    }
    return found;
  }

  /** Forgets cached price book ids and entries (after a product change, or a FIELD_INTEGRITY_EXCEPTION). */
  invalidatePriceBooks(): void {
    this.standardPricebook = undefined;
    this.entries.clear();
  }

  // ---- change data capture -----------------------------------------------------------------

  /**
   * Subscribes to CDC channels (`/data/AccountChangeEvent`, …) over CometD with jsforce's Replay
   * and AuthFailure extensions, from a replay id per channel (-1 new only, -2 all retained, or the
   * checkpoint). Resolves once every channel is subscribed; rejects with REPLAY_ID_INVALID when an
   * id is outside the retention window. `onEvent` runs one event at a time per subscription.
   */
  async subscribeChanges(
    channels: readonly string[],
    fromReplayId: number | Readonly<Record<string, number>>,
    onEvent: (event: SalesforceChangeEvent) => Promise<void> | void,
    options: SubscribeOptions = {},
  ): Promise<ChangeSubscription> {
    const start = typeof fromReplayId === 'number' ? Object.fromEntries(channels.map((c) => [c, fromReplayId])) : fromReplayId;
    // The generation the stream's token came from: a streaming auth failure re-authorises only if
    // nobody has since (REST calls may already have).
    let used = 0;
    const stream = new ChangeStream(channels, start, onEvent, async (fresh) => {
      const auth = fresh ? await this.reauthorise(used) : await this.session();
      used = auth.generation;
      return auth.conn;
    }, options);
    try {
      await stream.open();
    } catch (error) {
      await stream.close();
      throw error instanceof IntegrationError ? error : classifyError(error, { operation: 'subscribe', write: false });
    }
    this.subscriptions.add(stream);
    return {
      lastReplayIds: () => stream.lastReplayIds(),
      resubscriptions: () => stream.resubscriptions(),
      close: async () => {
        this.subscriptions.delete(stream);
        await stream.close();
      },
    };
  }

  /** Ends every change subscription. */
  async close(): Promise<void> {
    await Promise.all([...this.subscriptions].map((s) => s.close()));
    this.subscriptions.clear();
  }
}
