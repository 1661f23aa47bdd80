import { SalesforceError, fieldIntegrity, invalidField, notFound, requiredFieldMissing } from '../rest/sf-error.js';
import { salesforceId } from './ids.js';
import { OBJECTS, canonicalField, isCustomField, typeOfId } from './objects.js';

export type Fields = Record<string, unknown>;

/** One stored record: its object type and every field, system fields included. */
export interface StoredRecord {
  type: string;
  fields: Fields;
}

/** Who writes: the user id (CDC `commitUser`) and the `changeOrigin` CDC reports. */
export interface WriteContext {
  userId: string;
  changeOrigin: string;
}

/** A committed change, as CDC will report it. */
export interface RecordChange {
  changeType: 'CREATE' | 'UPDATE' | 'DELETE' | 'UNDELETE';
  type: string;
  id: string;
  /** CREATE: every non-null field; UPDATE: only the fields whose value changed. */
  fields: Fields;
  at: number;
}

export interface ExternalIdField {
  unique: boolean;
}

export type ExternalIdConfig = Readonly<Record<string, Readonly<Record<string, ExternalIdField>>>>;

export const DEFAULT_EXTERNAL_IDS: ExternalIdConfig = {
  Account: { Clarity_Customer_Id__c: { unique: true }, Legacy_Customer_Number__c: { unique: false } },
  Contact: { Clarity_Customer_Id__c: { unique: true }, Clarity_Contact_Id__c: { unique: true } },
  Order: { Clarity_Order_Id__c: { unique: true } },
  Product2: { Clarity_Product_Id__c: { unique: true } },
  Opportunity: { Clarity_Order_Id__c: { unique: true } },
};

export interface WriteResult {
  id: string;
  created: boolean;
}

/** Salesforce's REST date-time format, `2026-11-25T10:00:00.000+0000`. */
export const sfDateTime = (ms: number) => new Date(ms).toISOString().replace('Z', '+0000');

const isBlank = (value: unknown) => value === undefined || value === null || value === '';

const sameValue = (a: unknown, b: unknown) => (isBlank(a) && isBlank(b)) || a === b;

const numberField = (fields: Fields, field: string): number | undefined => {
  const value = fields[field];
  if (isBlank(value)) return undefined;
  const n = typeof value === 'number' ? value : Number(value);
  if (!Number.isFinite(n)) throw new SalesforceError(400, 'INVALID_TYPE_ON_FIELD_IN_RECORD', `${field}: value not of required type: ${String(value)}`, [field]);
  return n;
};

const round2 = (n: number) => Math.round(n * 100) / 100;

/**
 * The org's records. Writes are synchronous and journalled so a transaction (a request, a
 * composite with allOrNone, one record of a collection) can be rolled back to a mark; committed
 * changes go to `onCommit` (CDC) with the writer's context.
 */
export class OrgStore {
  private records = new Map<string, StoredRecord>();
  private sequence = new Map<string, number>();
  private undo: { id: string; previous: StoredRecord | undefined }[] = [];
  private pending: RecordChange[] = [];
  private clock = 0;
  private depth = 0;
  standardPricebookId = '';

  constructor(
    readonly externalIds: ExternalIdConfig,
    private readonly onCommit: (changes: RecordChange[], context: WriteContext) => void,
    readonly integrationUserId: string,
  ) {}

  /** Milliseconds, strictly increasing, so SystemModstamp orders every write. */
  now(): number {
    this.clock = Math.max(Date.now(), this.clock + 1);
    return this.clock;
  }

  newId(type: string): string {
    const spec = OBJECTS[type];
    if (!spec) throw notFound();
    const n = (this.sequence.get(type) ?? 0) + 1;
    this.sequence.set(type, n);
    return salesforceId(spec.prefix, 4000 + n);
  }

  get(id: string): StoredRecord | undefined {
    const record = this.records.get(id) ?? (id.length === 15 ? [...this.records.values()].find((r) => String(r.fields['Id']).startsWith(id)) : undefined);
    return record;
  }

  live(id: string, type?: string): StoredRecord | undefined {
    const record = this.get(id);
    return record && record.fields['IsDeleted'] !== true && (!type || record.type === type) ? record : undefined;
  }

  all(type: string, includeDeleted = false): StoredRecord[] {
    return [...this.records.values()].filter((r) => r.type === type && (includeDeleted || r.fields['IsDeleted'] !== true));
  }

  clear(): void {
    this.records.clear();
    this.sequence.clear();
    this.undo = [];
    this.pending = [];
  }

  // ---- transactions ------------------------------------------------------------------------

  mark(): { undo: number; pending: number } {
    return { undo: this.undo.length, pending: this.pending.length };
  }

  rollbackTo(mark: { undo: number; pending: number }): void {
    while (this.undo.length > mark.undo) {
      const entry = this.undo.pop()!;
      if (entry.previous) this.records.set(entry.id, entry.previous);
      else this.records.delete(entry.id);
    }
    this.pending.length = mark.pending;
  }

  /**
   * Runs `work` as one transaction: rolled back to its start if it throws; the outermost one, when
   * it returns, commits and reports its changes to CDC (so nested ones act as savepoints).
   */
  transaction<T>(context: WriteContext, work: () => T): T {
    const mark = this.mark();
    this.depth += 1;
    try {
      const result = work();
      this.depth -= 1;
      if (this.depth === 0) this.commit(context);
      return result;
    } catch (error) {
      this.depth -= 1;
      this.rollbackTo(mark);
      if (this.depth === 0) this.undo = [];
      throw error;
    }
  }

  private commit(context: WriteContext): void {
    const changes = this.pending;
    this.undo = [];
    this.pending = [];
    if (changes.length > 0) this.onCommit(changes, context);
  }

  private put(record: StoredRecord): void {
    const id = String(record.fields['Id']);
    this.undo.push({ id, previous: this.records.get(id) });
    this.records.set(id, record);
  }

  // ---- writes ------------------------------------------------------------------------------

  /** Seeds or edits a record without validation or CDC (admin use); returns its id. */
  seed(type: string, fields: Fields): string {
    const at = this.now();
    const id = typeof fields['Id'] === 'string' ? fields['Id'] : this.newId(type);
    const existing = this.records.get(id);
    const record: StoredRecord = {
      type,
      fields: existing
        ? { ...existing.fields, ...fields, LastModifiedDate: sfDateTime(at), SystemModstamp: sfDateTime(at) }
        : { Id: id, IsDeleted: false, ...this.systemFields(at, this.integrationUserId), ...fields },
    };
    this.derive(record);
    this.records.set(id, record);
    return id;
  }

  create(type: string, body: Fields, context: WriteContext): WriteResult {
    const fields = this.writableFields(type, body, 'insert');
    const at = this.now();
    const id = this.newId(type);
    const record: StoredRecord = { type, fields: { Id: id, IsDeleted: false, ...this.systemFields(at, context.userId), ...fields } };
    this.validate(record, undefined);
    this.derive(record);
    this.put(record);
    this.afterWrite(record);
    this.pending.push({ changeType: 'CREATE', type, id, fields: nonNull(record.fields), at });
    return { id, created: true };
  }

  update(type: string, id: string, body: Fields, context: WriteContext): WriteResult {
    const existing = this.live(id, type);
    if (!existing) throw new SalesforceError(404, 'NOT_FOUND', 'The requested resource does not exist');
    const fields = this.writableFields(type, body, 'update');
    const merged: StoredRecord = { type, fields: { ...existing.fields, ...fields } };
    this.validate(merged, existing);
    this.derive(merged);
    const changed: Fields = {};
    for (const [field, value] of Object.entries(merged.fields)) {
      if (!sameValue(existing.fields[field], value)) changed[field] = value ?? null;
    }
    const realId = String(existing.fields['Id']);
    if (Object.keys(changed).length === 0) return { id: realId, created: false };
    const at = this.now();
    merged.fields['LastModifiedDate'] = sfDateTime(at);
    merged.fields['LastModifiedById'] = context.userId;
    merged.fields['SystemModstamp'] = sfDateTime(at);
    this.put(merged);
    this.afterWrite(merged);
    this.pending.push({ changeType: 'UPDATE', type, id: realId, fields: { ...changed, LastModifiedDate: merged.fields['LastModifiedDate'] }, at });
    return { id: realId, created: false };
  }

  remove(type: string, id: string, _context: WriteContext): void {
    const existing = this.live(id, type);
    if (!existing) throw new SalesforceError(404, 'ENTITY_IS_DELETED', 'entity is deleted');
    const at = this.now();
    const realId = String(existing.fields['Id']);
    const removed: StoredRecord = { type, fields: { ...existing.fields, IsDeleted: true, SystemModstamp: sfDateTime(at) } };
    this.put(removed);
    this.afterWrite(removed);
    this.pending.push({ changeType: 'DELETE', type, id: realId, fields: {}, at });
  }

  /** Live records of `type` whose external id `field` equals `value` (case-insensitively, as Salesforce does by default). */
  findByExternalId(type: string, field: string, value: string): StoredRecord[] {
    if (field === 'Id') {
      const record = this.live(value, type);
      return record ? [record] : [];
    }
    const wanted = value.toLowerCase();
    return this.all(type).filter((r) => typeof r.fields[field] === 'string' && (r.fields[field] as string).toLowerCase() === wanted);
  }

  /** Whether `field` may key an upsert of `type`. */
  isExternalId(type: string, field: string): boolean {
    return field === 'Id' || Boolean(this.externalIds[type]?.[field]);
  }

  /**
   * Upsert by external id: a 300 (several matches) throws `MultipleMatches`; none creates with the
   * value from the URL; one updates it.
   */
  upsert(type: string, field: string, value: string, body: Fields, context: WriteContext): WriteResult {
    if (!this.isExternalId(type, field)) throw notFound();
    const matched = this.findByExternalId(type, field, value);
    if (matched.length > 1) throw new MultipleMatches(matched.map((r) => String(r.fields['Id'])));
    const { [field]: _ignored, Id: _id, ...rest } = body;
    if (matched.length === 1) return this.update(type, String(matched[0]!.fields['Id']), rest, context);
    if (field === 'Id') throw notFound();
    return this.create(type, { ...rest, [field]: value }, context);
  }

  // ---- rules -------------------------------------------------------------------------------

  private systemFields(at: number, userId: string): Fields {
    const stamp = sfDateTime(at);
    return { CreatedDate: stamp, CreatedById: userId, LastModifiedDate: stamp, LastModifiedById: userId, SystemModstamp: stamp };
  }

  /** The body's fields with canonical names; unknown and read-only fields are refused as Salesforce does. */
  private writableFields(type: string, body: Fields, verb: 'insert' | 'update'): Fields {
    const spec = OBJECTS[type];
    if (!spec) throw notFound();
    const fields: Fields = {};
    for (const [name, value] of Object.entries(body)) {
      if (name === 'attributes' || (name === 'Id' && verb === 'update')) continue;
      const field = canonicalField(type, name);
      if (!field) throw invalidField(name, type);
      if (!isCustomField(field) && !spec.writable.includes(field)) {
        throw new SalesforceError(400, 'INVALID_FIELD_FOR_INSERT_UPDATE', `Unable to create/update fields: ${field}. Please check the security settings of this field and verify that it is read/write for your profile or permission set.`, [field]);
      }
      fields[field] = value;
    }
    return fields;
  }

  private reference(record: StoredRecord, field: string, type: string, required: boolean): StoredRecord | undefined {
    const value = record.fields[field];
    if (isBlank(value)) {
      if (required) throw requiredFieldMissing([field]);
      return undefined;
    }
    const target = typeof value === 'string' ? this.live(value) : undefined;
    if (!target || target.type !== type) {
      throw new SalesforceError(400, 'INVALID_CROSS_REFERENCE_KEY', `invalid cross reference id`, [field]);
    }
    return target;
  }

  private isPersonRecordType(id: unknown): boolean {
    return typeof id === 'string' && this.live(id)?.fields['IsPersonType'] === true;
  }

  private validate(record: StoredRecord, existing: StoredRecord | undefined): void {
    const f = record.fields;
    const missing = (names: string[]) => names.filter((name) => isBlank(f[name]));
    const require = (names: string[]) => {
      const absent = missing(names);
      if (absent.length > 0) throw requiredFieldMissing(absent);
    };
    switch (record.type) {
      case 'Account':
        if (!isBlank(f['RecordTypeId'])) this.reference(record, 'RecordTypeId', 'RecordType', false);
        require(this.isPersonRecordType(f['RecordTypeId']) ? ['LastName'] : ['Name']);
        break;
      case 'Contact':
        require(['LastName']);
        this.reference(record, 'AccountId', 'Account', false);
        break;
      case 'Product2':
        require(['Name']);
        break;
      case 'Pricebook2':
        require(['Name']);
        break;
      case 'Order': {
        require(['AccountId', 'EffectiveDate', 'Status']);
        this.reference(record, 'AccountId', 'Account', true);
        if (!existing && f['Status'] !== 'Draft') {
          throw fieldIntegrity(`Status: an order must be created in a Draft status (got '${String(f['Status'])}')`, ['Status']);
        }
        if (!isBlank(f['Pricebook2Id'])) this.reference(record, 'Pricebook2Id', 'Pricebook2', false);
        if (existing && existing.fields['Pricebook2Id'] !== f['Pricebook2Id'] && this.children('OrderItem', 'OrderId', String(f['Id'])).length > 0) {
          throw fieldIntegrity('Price Book cannot be changed on an order that has products.', ['Pricebook2Id']);
        }
        break;
      }
      case 'PricebookEntry': {
        require(['Pricebook2Id', 'Product2Id', 'UnitPrice']);
        const book = this.reference(record, 'Pricebook2Id', 'Pricebook2', true)!;
        const product = this.reference(record, 'Product2Id', 'Product2', true)!;
        numberField(f, 'UnitPrice');
        if (!existing) {
          const entries = this.all('PricebookEntry').filter((e) => e.fields['Product2Id'] === product.fields['Id']);
          if (entries.some((e) => e.fields['Pricebook2Id'] === book.fields['Id'])) {
            throw new SalesforceError(400, 'DUPLICATE_VALUE', 'This price definition already exists in this price book', []);
          }
          if (book.fields['IsStandard'] !== true && !entries.some((e) => e.fields['Pricebook2Id'] === this.standardPricebookId)) {
            throw fieldIntegrity('Before creating a custom price, create a standard price.', ['Pricebook2Id']);
          }
        }
        break;
      }
      case 'OrderItem': {
        require(['OrderId', 'PricebookEntryId', 'Quantity', 'UnitPrice']);
        const order = this.reference(record, 'OrderId', 'Order', true)!;
        const entry = this.reference(record, 'PricebookEntryId', 'PricebookEntry', true)!;
        if (existing && existing.fields['PricebookEntryId'] !== f['PricebookEntryId']) {
          throw new SalesforceError(400, 'FIELD_INTEGRITY_EXCEPTION', 'field integrity exception: PricebookEntryId (pricebook entry cannot be changed)', ['PricebookEntryId']);
        }
        if (isBlank(order.fields['Pricebook2Id']) || order.fields['Pricebook2Id'] !== entry.fields['Pricebook2Id']) {
          throw fieldIntegrity('Order Products must have a Price Book Entry that belongs to the Price Book related to the parent Order.', ['PricebookEntryId']);
        }
        numberField(f, 'Quantity');
        numberField(f, 'UnitPrice');
        break;
      }
      case 'Opportunity':
        require(['Name', 'StageName', 'CloseDate']);
        this.reference(record, 'AccountId', 'Account', false);
        break;
      case 'OpportunityLineItem': {
        require(['OpportunityId', 'PricebookEntryId', 'Quantity']);
        if (missing(['UnitPrice']).length > 0 && missing(['TotalPrice']).length > 0) throw requiredFieldMissing(['UnitPrice']);
        const opportunity = this.reference(record, 'OpportunityId', 'Opportunity', true)!;
        const entry = this.reference(record, 'PricebookEntryId', 'PricebookEntry', true)!;
        const book = opportunity.fields['Pricebook2Id'];
        if (!isBlank(book) && book !== entry.fields['Pricebook2Id']) {
          throw fieldIntegrity('field integrity exception: PricebookEntryId (pricebook entry is in a different pricebook than the one assigned to the opportunity)', ['PricebookEntryId']);
        }
        break;
      }
      default:
        break;
    }
    this.checkUnique(record);
  }

  private checkUnique(record: StoredRecord): void {
    const unique = Object.entries(this.externalIds[record.type] ?? {}).filter(([, spec]) => spec.unique);
    for (const [field] of unique) {
      const value = record.fields[field];
      if (isBlank(value)) continue;
      const clash = this.findByExternalId(record.type, field, String(value)).find((r) => r.fields['Id'] !== record.fields['Id']);
      if (clash) {
        throw new SalesforceError(400, 'DUPLICATE_VALUE', `duplicate value found: ${field} duplicates value on record with id: ${String(clash.fields['Id'])}`, [field]);
      }
    }
  }

  private children(type: string, parentField: string, parentId: string): StoredRecord[] {
    return this.all(type).filter((r) => r.fields[parentField] === parentId);
  }

  /** Fields the org computes from others. */
  private derive(record: StoredRecord): void {
    const f = record.fields;
    switch (record.type) {
      case 'Account':
        f['IsPersonAccount'] = this.isPersonRecordType(f['RecordTypeId']);
        if (f['IsPersonAccount'] === true) f['Name'] = [f['FirstName'], f['LastName']].filter((p) => !isBlank(p)).join(' ');
        break;
      case 'Contact':
      case 'User':
        f['Name'] = [f['FirstName'], f['LastName']].filter((p) => !isBlank(p)).join(' ');
        break;
      case 'PricebookEntry': {
        const product = typeof f['Product2Id'] === 'string' ? this.get(f['Product2Id']) : undefined;
        f['ProductCode'] = product?.fields['ProductCode'] ?? null;
        f['Name'] = product?.fields['Name'] ?? null;
        if (f['IsActive'] === undefined) f['IsActive'] = true;
        break;
      }
      case 'Pricebook2':
        if (f['IsStandard'] === undefined) f['IsStandard'] = false;
        if (f['IsActive'] === undefined) f['IsActive'] = true;
        break;
      case 'Product2':
        if (f['IsActive'] === undefined) f['IsActive'] = true;
        break;
      case 'Order':
        f['StatusCode'] = f['Status'] === 'Activated' ? 'Activated' : 'Draft';
        if (isBlank(f['OrderNumber'])) f['OrderNumber'] = String(100 + (this.sequence.get('Order') ?? 0)).padStart(8, '0');
        if (f['TotalAmount'] === undefined) f['TotalAmount'] = 0;
        break;
      case 'OrderItem':
      case 'OpportunityLineItem': {
        const entry = typeof f['PricebookEntryId'] === 'string' ? this.get(f['PricebookEntryId']) : undefined;
        f['Product2Id'] = entry?.fields['Product2Id'] ?? null;
        f['ListPrice'] = entry?.fields['UnitPrice'] ?? null;
        const quantity = numberField(f, 'Quantity') ?? 0;
        if (record.type === 'OpportunityLineItem') {
          f['ProductCode'] = entry?.fields['ProductCode'] ?? null;
          f['Name'] = entry?.fields['Name'] ?? null;
          if (isBlank(f['UnitPrice']) && !isBlank(f['TotalPrice']) && quantity) f['UnitPrice'] = round2((numberField(f, 'TotalPrice') ?? 0) / quantity);
        } else if (isBlank(f['OrderItemNumber'])) {
          f['OrderItemNumber'] = String(this.sequence.get('OrderItem') ?? 0).padStart(10, '0');
        }
        f['TotalPrice'] = round2(quantity * (numberField(f, 'UnitPrice') ?? 0));
        break;
      }
      default:
        break;
    }
  }

  /** Keeps roll-ups (Order.TotalAmount, Opportunity.Amount) in step with their items. */
  private afterWrite(record: StoredRecord): void {
    const rollUp = (parentType: string, parentField: string, childType: string, totalField: string) => {
      const parentId = record.fields[parentField];
      if (typeof parentId !== 'string') return;
      const parent = this.live(parentId, parentType);
      if (!parent) return;
      const total = round2(this.children(childType, parentField, parentId).reduce((sum, item) => sum + Number(item.fields['TotalPrice'] ?? 0), 0));
      if (parent.fields[totalField] !== total) this.put({ type: parentType, fields: { ...parent.fields, [totalField]: total } });
    };
    if (record.type === 'OrderItem') rollUp('Order', 'OrderId', 'OrderItem', 'TotalAmount');
    if (record.type === 'OpportunityLineItem') rollUp('Opportunity', 'OpportunityId', 'OpportunityLineItem', 'Amount');
  }

  /** The type of an id, for relationship reads. */
  typeOf(id: string): string | undefined {
    return this.get(id)?.type ?? typeOfId(id);
  }
}

/** Upsert matched several records: Salesforce answers HTTP 300 with their URLs. */
export class MultipleMatches extends Error {
  constructor(readonly ids: string[]) {
    super(`external id matched ${ids.length} records`);
  }
}

const nonNull = (fields: Fields): Fields => {
  const out: Fields = {};
  for (const [field, value] of Object.entries(fields)) {
    if (!isBlank(value) && field !== 'Id' && field !== 'IsDeleted' && field !== 'SystemModstamp') out[field] = value;
  }
  return out;
};

