import { parseSoql, matches, conditionFields, dateMs } from '../store/soql.js';
import { canonicalField, canonicalType } from '../store/objects.js';
import type { Fields, OrgStore, StoredRecord } from '../store/org-store.js';
import { SalesforceError } from './sf-error.js';

export interface QueryPage {
  totalSize: number;
  done: boolean;
  records: Fields[];
  nextRecordsUrl?: string;
}

interface Cursor {
  rows: Fields[];
  totalSize: number;
  pageSize: number;
}

const relationshipField = (relationship: string) => (relationship.endsWith('__r') ? relationship.replace(/__r$/, '__c') : `${relationship}Id`);

/** Runs SOQL against the store and keeps query cursors for `nextRecordsUrl` paging. */
export class QueryEngine {
  private readonly cursors = new Map<string, Cursor>();
  private sequence = 0;

  constructor(
    private readonly store: OrgStore,
    private readonly pageSize: number,
  ) {}

  private attributes(record: StoredRecord, version: string) {
    return { type: record.type, url: `/services/data/v${version}/sobjects/${record.type}/${String(record.fields['Id'])}` };
  }

  /** Resolves `Field` or `Relationship.Field` on a record; undefined when the path is not a field. */
  private resolver(type: string) {
    return (path: string): { field: string; relation?: string } | undefined => {
      const parts = path.split('.');
      if (parts.length === 1) {
        const field = canonicalField(type, path);
        return field ? { field } : undefined;
      }
      if (parts.length !== 2) return undefined;
      const lookup = canonicalField(type, relationshipField(parts[0]!));
      return lookup ? { field: parts[1]!, relation: lookup } : undefined;
    };
  }

  private read(record: StoredRecord, path: string, type: string): unknown {
    const resolved = this.resolver(type)(path)!;
    if (!resolved.relation) return record.fields[resolved.field];
    const targetId = record.fields[resolved.relation];
    const target = typeof targetId === 'string' ? this.store.get(targetId) : undefined;
    if (!target) return null;
    const field = canonicalField(target.type, resolved.field);
    return field ? target.fields[field] : null;
  }

  run(soql: string, version: string, includeDeleted: boolean, batchSize: number | undefined): QueryPage {
    const query = parseSoql(soql);
    const type = canonicalType(query.from);
    if (!type) {
      throw new SalesforceError(400, 'INVALID_TYPE', `sObject type '${query.from}' is not supported. If you are attempting to use a custom object, be sure to append the '__c' after the entity name.`);
    }
    const resolve = this.resolver(type);
    for (const path of [...query.fields, ...conditionFields(query.where), ...query.orderBy.map((o) => o.field)]) {
      const resolved = resolve(path);
      if (!resolved) throw new SalesforceError(400, 'INVALID_FIELD', `No such column '${path}' on entity '${type}'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name.`);
    }
    let rows = this.store.all(type, includeDeleted);
    if (query.where) {
      const where = query.where;
      rows = rows.filter((record) => matches(where, (path) => this.read(record, path, type)));
    }
    for (const order of [...query.orderBy].reverse()) {
      rows = [...rows].sort((a, b) => {
        const x = this.read(a, order.field, type);
        const y = this.read(b, order.field, type);
        const xNull = x === null || x === undefined;
        const yNull = y === null || y === undefined;
        if (xNull || yNull) return xNull && yNull ? 0 : xNull === order.nullsLast ? 1 : -1;
        const xv = typeof x === 'string' && !Number.isNaN(dateMs(x)) && /^\d{4}-/.test(x) ? dateMs(x) : typeof x === 'string' ? x.toLowerCase() : x;
        const yv = typeof y === 'string' && !Number.isNaN(dateMs(y)) && /^\d{4}-/.test(y) ? dateMs(y) : typeof y === 'string' ? y.toLowerCase() : y;
        const cmp = (xv as number) < (yv as number) ? -1 : (xv as number) > (yv as number) ? 1 : 0;
        return order.descending ? -cmp : cmp;
      });
    }
    if (query.offset) rows = rows.slice(query.offset);
    if (query.limit !== undefined) rows = rows.slice(0, query.limit);
    if (query.count) return { totalSize: rows.length, done: true, records: [] };
    const shaped = rows.map((record) => this.shape(record, query.fields, type, version));
    const size = Math.max(1, Math.min(batchSize ?? this.pageSize, this.pageSize));
    this.sequence += 1;
    const locator = `01g5g0000${String(this.sequence).padStart(6, '0')}`;
    this.cursors.set(locator, { rows: shaped, totalSize: shaped.length, pageSize: size });
    return this.page(locator, 0, version);
  }

  more(locatorAndPosition: string, version: string): QueryPage {
    const match = /^(.+)-(\d+)$/.exec(locatorAndPosition);
    const cursor = match ? this.cursors.get(match[1]!) : undefined;
    if (!match || !cursor) throw new SalesforceError(400, 'INVALID_QUERY_LOCATOR', 'invalid query locator');
    return this.page(match[1]!, Number(match[2]), version);
  }

  private page(locator: string, position: number, version: string): QueryPage {
    const cursor = this.cursors.get(locator)!;
    const size = cursor.pageSize;
    const records = cursor.rows.slice(position, position + size);
    const next = position + size;
    if (next >= cursor.rows.length) {
      this.cursors.delete(locator);
      return { totalSize: cursor.totalSize, done: true, records };
    }
    return { totalSize: cursor.totalSize, done: false, nextRecordsUrl: `/services/data/v${version}/query/${locator}-${next}`, records };
  }

  private shape(record: StoredRecord, fields: string[], type: string, version: string): Fields {
    const out: Fields = { attributes: this.attributes(record, version) };
    for (const path of fields) {
      const resolved = this.resolver(type)(path)!;
      if (!resolved.relation) {
        out[resolved.field] = record.fields[resolved.field] ?? null;
        continue;
      }
      const relationship = path.split('.')[0]!;
      const targetId = record.fields[resolved.relation];
      const target = typeof targetId === 'string' ? this.store.get(targetId) : undefined;
      if (!target) {
        out[relationship] = null;
        continue;
      }
      const nested = (out[relationship] as Fields | undefined) ?? { attributes: this.attributes(target, version) };
      const field = canonicalField(target.type, resolved.field) ?? resolved.field;
      nested[field] = target.fields[field] ?? null;
      out[relationship] = nested;
    }
    return out;
  }

  clear(): void {
    this.cursors.clear();
  }
}
