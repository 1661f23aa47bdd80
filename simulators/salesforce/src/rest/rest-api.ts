import { canonicalField, canonicalType, OBJECTS } from '../store/objects.js';
import { MultipleMatches, type Fields, type OrgStore, type WriteContext, type WriteResult } from '../store/org-store.js';
import { QueryEngine } from './query-engine.js';
import { SalesforceError, notFound } from './sf-error.js';

export interface RestRequest {
  method: string;
  /** Path segments after `/services/data/vXX.X`, already URL-decoded. */
  segments: string[];
  query: URLSearchParams;
  body: unknown;
  version: string;
  batchSize?: number | undefined;
}

export interface RestReply {
  status: number;
  body?: unknown;
}

export interface RestFaults {
  /** The next N upserts that would create a record find that a concurrent writer just created it: DUPLICATE_VALUE. */
  upsertRace: number;
}

const MAX_COLLECTION = 200;
const MAX_SUBREQUESTS = 25;

const errorReply = (error: SalesforceError): RestReply => ({ status: error.status, body: [error.entry()] });

const asRecord = (body: unknown): Fields => {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) throw new SalesforceError(400, 'JSON_PARSER_ERROR', 'The request body must be a JSON object');
  return body as Fields;
};

const sobjectType = (name: string | undefined): string => {
  const type = name ? canonicalType(name) : undefined;
  if (!type) throw new SalesforceError(404, 'NOT_FOUND', 'The requested resource does not exist');
  return type;
};

class Rollback extends Error {}

/** `/services/data/vXX.X/**`: sObjects, upsert by external id, query, composite and sObject collections, limits. */
export class RestApi {
  readonly queries: QueryEngine;
  readonly faults: RestFaults = { upsertRace: 0 };

  constructor(
    private readonly store: OrgStore,
    pageSize: number,
    private readonly limits: () => { used: number; max: number },
  ) {
    this.queries = new QueryEngine(store, pageSize);
  }

  handle(request: RestRequest, context: WriteContext): RestReply {
    try {
      return this.route(request, context);
    } catch (error) {
      if (error instanceof SalesforceError) return errorReply(error);
      if (error instanceof MultipleMatches) return this.multipleChoices(error, request.version);
      throw error;
    }
  }

  private multipleChoices(error: MultipleMatches, version: string): RestReply {
    return { status: 300, body: error.ids.map((id) => `/services/data/v${version}/sobjects/${this.store.typeOf(id) ?? 'Account'}/${id}`) };
  }

  private route(request: RestRequest, context: WriteContext): RestReply {
    const [head, ...rest] = request.segments;
    const method = request.method;
    if (head === undefined || head === '') {
      return { status: 200, body: { sobjects: `/services/data/v${request.version}/sobjects`, query: `/services/data/v${request.version}/query`, composite: `/services/data/v${request.version}/composite`, limits: `/services/data/v${request.version}/limits` } };
    }
    switch (head) {
      case 'limits': {
        const { used, max } = this.limits();
        return { status: 200, body: { DailyApiRequests: { Max: max, Remaining: Math.max(0, max - used) } } };
      }
      case 'query':
      case 'queryAll': {
        if (method !== 'GET') throw notFound();
        if (rest.length === 1) return { status: 200, body: this.queries.more(rest[0]!, request.version) };
        const soql = request.query.get('q');
        if (!soql) throw new SalesforceError(400, 'MALFORMED_QUERY', 'A query string has to be specified');
        return { status: 200, body: this.queries.run(soql, request.version, head === 'queryAll', request.batchSize) };
      }
      case 'sobjects':
        return this.sobjects(method, rest, request, context);
      case 'composite':
        if (rest[0] === 'sobjects') return this.collections(method, rest.slice(1), request, context);
        if (rest.length === 0 && method === 'POST') return this.composite(request, context);
        throw notFound();
      default:
        throw notFound();
    }
  }

  // ---- sObject rows ------------------------------------------------------------------------

  private sobjects(method: string, rest: string[], request: RestRequest, context: WriteContext): RestReply {
    if (rest.length === 0) return { status: 200, body: { sobjects: Object.keys(OBJECTS).map((name) => ({ name, keyPrefix: OBJECTS[name]!.prefix })) } };
    const type = sobjectType(rest[0]);
    if (rest.length === 1) {
      if (method === 'POST') {
        const result = this.store.transaction(context, () => this.store.create(type, asRecord(request.body), context));
        return { status: 201, body: { id: result.id, success: true, errors: [] } };
      }
      if (method === 'GET') return { status: 200, body: { objectDescribe: { name: type, keyPrefix: OBJECTS[type]!.prefix } } };
      throw notFound();
    }
    if (rest.length === 2 && rest[1] === 'describe') {
      const spec = OBJECTS[type]!;
      return { status: 200, body: { name: type, keyPrefix: spec.prefix, fields: [...spec.writable, ...spec.computed].map((name) => ({ name })) } };
    }
    if (rest.length === 2) {
      const id = rest[1]!;
      switch (method) {
        case 'GET':
          return { status: 200, body: this.retrieve(type, id, request) };
        case 'PATCH':
          this.store.transaction(context, () => this.store.update(type, id, asRecord(request.body), context));
          return { status: 204 };
        case 'DELETE':
          this.store.transaction(context, () => this.store.remove(type, id, context));
          return { status: 204 };
        default:
          throw notFound();
      }
    }
    if (rest.length === 3) {
      const field = canonicalField(type, rest[1]!) ?? rest[1]!;
      const value = rest[2]!;
      if (!this.store.isExternalId(type, field)) throw notFound();
      if (method === 'GET') {
        const found = this.store.findByExternalId(type, field, value);
        if (found.length > 1) throw new MultipleMatches(found.map((r) => String(r.fields['Id'])));
        if (found.length === 0) throw notFound();
        return { status: 200, body: this.retrieve(type, String(found[0]!.fields['Id']), request) };
      }
      if (method === 'PATCH' || method === 'POST') {
        const result = this.upsertOne(type, field, value, asRecord(request.body), context);
        if (!result.created && Number(request.version) < 46) return { status: 204 };
        return { status: result.created ? 201 : 200, body: { id: result.id, success: true, errors: [], created: result.created } };
      }
      if (method === 'DELETE') {
        const found = this.store.findByExternalId(type, field, value);
        if (found.length !== 1) throw found.length > 1 ? new MultipleMatches(found.map((r) => String(r.fields['Id']))) : notFound();
        this.store.transaction(context, () => this.store.remove(type, String(found[0]!.fields['Id']), context));
        return { status: 204 };
      }
    }
    throw notFound();
  }

  private upsertOne(type: string, field: string, value: string, body: Fields, context: WriteContext): WriteResult {
    if (this.faults.upsertRace > 0 && field !== 'Id' && this.store.findByExternalId(type, field, value).length === 0) {
      this.faults.upsertRace -= 1;
      const { attributes: _attributes, ...fields } = body;
      const raced = this.store.seed(type, { ...fields, [field]: value });
      throw new SalesforceError(400, 'DUPLICATE_VALUE', `duplicate value found: ${field} duplicates value on record with id: ${raced}`, [field]);
    }
    return this.store.transaction(context, () => this.store.upsert(type, field, value, body, context));
  }

  private retrieve(type: string, id: string, request: RestRequest): Fields {
    const record = this.store.live(id, type);
    if (!record) throw notFound();
    const wanted = request.query.get('fields')?.split(',').map((f) => f.trim()).filter(Boolean);
    const out: Fields = { attributes: { type, url: `/services/data/v${request.version}/sobjects/${type}/${String(record.fields['Id'])}` } };
    for (const name of wanted ?? Object.keys(record.fields)) {
      const field = canonicalField(type, name);
      if (!field) throw new SalesforceError(400, 'INVALID_FIELD', `No such column '${name}' on entity '${type}'.`, [name]);
      out[field] = record.fields[field] ?? null;
    }
    return out;
  }

  // ---- sObject collections -----------------------------------------------------------------

  private collections(method: string, rest: string[], request: RestRequest, context: WriteContext): RestReply {
    if (method === 'GET' && rest.length === 1) {
      const type = sobjectType(rest[0]);
      const ids = (request.query.get('ids') ?? '').split(',').filter(Boolean);
      return { status: 200, body: ids.map((id) => (this.store.live(id, type) ? this.retrieve(type, id, request) : null)) };
    }
    if (method === 'DELETE' && rest.length === 0) {
      const ids = (request.query.get('ids') ?? '').split(',').filter(Boolean);
      const allOrNone = request.query.get('allOrNone') === 'true';
      return this.runCollection(ids, allOrNone, context, (id) => {
        const type = this.store.typeOf(id);
        if (!type) throw new SalesforceError(400, 'MALFORMED_ID', `malformed id ${id}`);
        this.store.remove(type, id, context);
        return { id, created: false };
      }, false);
    }
    const body = asRecord(request.body);
    const records = Array.isArray(body['records']) ? (body['records'] as unknown[]) : undefined;
    if (!records) throw new SalesforceError(400, 'JSON_PARSER_ERROR', "Required field 'records' is missing");
    if (records.length > MAX_COLLECTION) throw new SalesforceError(400, 'EXCEEDED_ID_LIMIT', `record limit reached. cannot submit more than ${MAX_COLLECTION} records into this call`);
    const allOrNone = body['allOrNone'] === true;
    const typeOfRecord = (record: Fields, fallback?: string) => {
      const declared = (record['attributes'] as { type?: unknown } | undefined)?.type;
      const type = typeof declared === 'string' ? canonicalType(declared) : fallback;
      if (!type) throw new SalesforceError(400, 'INVALID_TYPE', 'Must send a concrete entity type.');
      return type;
    };
    if (method === 'POST' && rest.length === 0) {
      return this.runCollection(records, allOrNone, context, (raw) => {
        const record = asRecord(raw);
        if (record['Id'] !== undefined || record['id'] !== undefined) throw new SalesforceError(400, 'INVALID_FIELD_FOR_INSERT_UPDATE', 'cannot specify Id in an insert call', ['Id']);
        const { attributes: _a, ...fields } = record;
        return this.store.create(typeOfRecord(record), fields, context);
      }, false);
    }
    if (method === 'PATCH' && rest.length === 0) {
      return this.runCollection(records, allOrNone, context, (raw) => {
        const record = asRecord(raw);
        const id = record['Id'] ?? record['id'];
        if (typeof id !== 'string') throw new SalesforceError(400, 'MISSING_ARGUMENT', 'Id not specified in an update call', ['Id']);
        const { attributes: _a, Id: _i, id: _j, ...fields } = record;
        return this.store.update(typeOfRecord(record, this.store.typeOf(id)), id, fields, context);
      }, false);
    }
    if (method === 'PATCH' && rest.length === 2) {
      const type = sobjectType(rest[0]);
      const field = canonicalField(type, rest[1]!) ?? rest[1]!;
      if (!this.store.isExternalId(type, field)) throw notFound();
      return this.runCollection(records, allOrNone, context, (raw) => {
        const record = asRecord(raw);
        const value = record[field];
        if (value === undefined || value === null || value === '') throw new SalesforceError(400, 'MISSING_ARGUMENT', `${field} not specified`, [field]);
        const { attributes: _a, ...fields } = record;
        const matched = this.store.findByExternalId(type, field, String(value));
        if (matched.length > 1) {
          throw new SalesforceError(300, 'DUPLICATE_EXTERNAL_ID', `${field}: more than one record found for external id field: [${matched.map((r) => String(r.fields['Id'])).join(', ')}]`, [field]);
        }
        return this.upsertOne(typeOfRecord(record, type), field, String(value), fields, context);
      }, true);
    }
    throw notFound();
  }

  /** One transaction for the whole call; each record is a savepoint; allOrNone rolls all back if one fails. */
  private runCollection<T>(items: T[], allOrNone: boolean, context: WriteContext, apply: (item: T) => WriteResult, reportCreated: boolean): RestReply {
    type Outcome = { ok: true; result: WriteResult } | { ok: false; error: SalesforceError };
    const outcomes: Outcome[] = [];
    try {
      this.store.transaction(context, () => {
        for (const item of items) {
          try {
            outcomes.push({ ok: true, result: this.store.transaction(context, () => apply(item)) });
          } catch (error) {
            if (!(error instanceof SalesforceError)) throw error;
            outcomes.push({ ok: false, error });
          }
        }
        if (allOrNone && outcomes.some((o) => !o.ok)) throw new Rollback();
      });
    } catch (error) {
      if (!(error instanceof Rollback)) throw error;
      const rolledBack = { statusCode: 'ALL_OR_NONE_OPERATION_ROLLED_BACK', message: 'Record rolled back because not all records were valid and the request was using AllOrNone header', fields: [] };
      return { status: 200, body: outcomes.map((o) => ({ success: false, errors: [o.ok ? rolledBack : o.error.collectionEntry()] })) };
    }
    return {
      status: 200,
      body: outcomes.map((o) =>
        o.ok
          ? { id: o.result.id, success: true, errors: [], ...(reportCreated ? { created: o.result.created } : {}) }
          : { success: false, errors: [o.error.collectionEntry()] }),
    };
  }

  // ---- composite ---------------------------------------------------------------------------

  private composite(request: RestRequest, context: WriteContext): RestReply {
    const body = asRecord(request.body);
    const subrequests = Array.isArray(body['compositeRequest']) ? (body['compositeRequest'] as Fields[]) : undefined;
    if (!subrequests) throw new SalesforceError(400, 'JSON_PARSER_ERROR', "Required field 'compositeRequest' is missing");
    if (subrequests.length > MAX_SUBREQUESTS) {
      throw new SalesforceError(400, 'LIMIT_EXCEEDED', `Number of subrequests in a composite request cannot exceed ${MAX_SUBREQUESTS}`);
    }
    const allOrNone = body['allOrNone'] === true;
    const replies: { referenceId: string; reply: RestReply }[] = [];
    const byReference = new Map<string, unknown>();
    const halted = (message: string): RestReply => ({ status: 400, body: [{ errorCode: 'PROCESSING_HALTED', message }] });

    const runOne = (sub: Fields): RestReply => {
      const referenceId = String(sub['referenceId'] ?? '');
      try {
        const url = this.substitute(String(sub['url'] ?? ''), byReference) as string;
        const subBody = sub['body'] === undefined ? undefined : this.substitute(sub['body'], byReference);
        const parsed = new URL(url, 'http://composite');
        const match = /^\/services\/data\/v(\d+\.\d)(\/.*)?$/.exec(parsed.pathname);
        if (!match) throw new SalesforceError(400, 'INVALID_URL', `invalid subrequest url ${url}`);
        const segments = (match[2] ?? '').split('/').slice(1).map((s) => decodeURIComponent(s));
        const reply = this.handle({ method: String(sub['method'] ?? 'GET').toUpperCase(), segments, query: parsed.searchParams, body: subBody, version: match[1]! }, context);
        if (reply.status < 300 && referenceId) byReference.set(referenceId, reply.body ?? {});
        return reply;
      } catch (error) {
        if (error instanceof UnresolvedReference) return halted(`Invalid reference specified. No value for ${error.reference} found in ${error.reference.split('.')[0]}. Provided referenceId ids are case-sensitive.`);
        throw error;
      }
    };

    if (!allOrNone) {
      for (const sub of subrequests) replies.push({ referenceId: String(sub['referenceId'] ?? ''), reply: runOne(sub) });
    } else {
      try {
        this.store.transaction(context, () => {
          for (const sub of subrequests) {
            const reply = runOne(sub);
            replies.push({ referenceId: String(sub['referenceId'] ?? ''), reply });
            if (reply.status >= 400) throw new Rollback();
          }
        });
      } catch (error) {
        if (!(error instanceof Rollback)) throw error;
        const failedAt = replies.length - 1;
        const message = 'The transaction was rolled back since another operation in the same transaction failed.';
        return {
          status: 200,
          body: {
            compositeResponse: subrequests.map((sub, index) => ({
              body: index === failedAt ? replies[index]!.reply.body : halted(message).body,
              httpHeaders: {},
              httpStatusCode: index === failedAt ? replies[index]!.reply.status : 400,
              referenceId: String(sub['referenceId'] ?? ''),
            })),
          },
        };
      }
    }
    return {
      status: 200,
      body: { compositeResponse: replies.map(({ referenceId, reply }) => ({ body: reply.body ?? null, httpHeaders: {}, httpStatusCode: reply.status, referenceId })) },
    };
  }

  /** Replaces `@{ref.path}` in strings of a subrequest (url or body) with values of earlier results. */
  private substitute(value: unknown, byReference: Map<string, unknown>): unknown {
    if (typeof value === 'string') {
      return value.replace(/@\{([^}]+)\}/g, (_all, reference: string) => {
        const [ref, ...path] = reference.split('.');
        let current: unknown = byReference.get(ref ?? '');
        if (current === undefined) throw new UnresolvedReference(reference);
        for (const step of path.join('.').split(/\.|\[(\d+)\]/).filter((s) => s !== undefined && s !== '')) {
          current = (current as Record<string, unknown> | undefined)?.[step];
        }
        if (current === undefined || current === null) throw new UnresolvedReference(reference);
        return String(current);
      });
    }
    if (Array.isArray(value)) return value.map((v) => this.substitute(v, byReference));
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, this.substitute(v, byReference)]));
    return value;
  }
}

class UnresolvedReference extends Error {
  constructor(readonly reference: string) {
    super(reference);
  }
}
