import { randomUUID } from 'node:crypto';
import type { Customer, CustomerAddress, CustomerEvent } from '@tributary/canonical-model';

/** Fields read from an Account or Contact to build the canonical snapshot. */
export const ACCOUNT_FIELDS = ['Id', 'Name', 'FirstName', 'LastName', 'PersonEmail', 'Phone', 'IsPersonAccount', 'OwnerId', 'BillingStreet', 'BillingCity', 'BillingState', 'BillingPostalCode', 'BillingCountry', 'ShippingStreet', 'ShippingCity', 'ShippingState', 'ShippingPostalCode', 'ShippingCountry', 'SystemModstamp', 'LastModifiedById', 'IsDeleted'] as const;
export const CONTACT_FIELDS = ['Id', 'AccountId', 'FirstName', 'LastName', 'Email', 'Phone', 'OwnerId', 'HasOptedOutOfEmail', 'MailingStreet', 'MailingCity', 'MailingState', 'MailingPostalCode', 'MailingCountry', 'SystemModstamp', 'LastModifiedById', 'IsDeleted'] as const;

type Row = Record<string, unknown>;
const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() !== '' ? value : null);

/** A Salesforce country name back to ISO (the inverse of salesforce.address.countryNames). */
const isoCountry = (value: string | null, countryNames: Readonly<Record<string, string>>): string | null => {
  if (!value) return null;
  const hit = Object.entries(countryNames).find(([, name]) => name.toLowerCase() === value.toLowerCase());
  return hit ? hit[0] : value.length === 2 ? value.toUpperCase() : value;
};

const address = (row: Row, prefix: string, countryNames: Readonly<Record<string, string>>): CustomerAddress | null => {
  const street = text(row[`${prefix}Street`]);
  const city = text(row[`${prefix}City`]);
  if (!street && !city) return null;
  const [line1, ...rest] = (street ?? '').split('\n');
  return {
    name: null, line1: line1 ?? '', line2: rest.length > 0 ? rest.join(' ') : null, city: city ?? '', region: text(row[`${prefix}State`]),
    postalCode: text(row[`${prefix}PostalCode`]) ?? '', country: isoCountry(text(row[`${prefix}Country`]), countryNames) ?? '',
  };
};

/** SystemModstamp (ISO, or +0000 offsets as Salesforce writes them) in ms. */
export const modstampOf = (row: Row): number => {
  const raw = text(row['SystemModstamp']) ?? text(row['LastModifiedDate']);
  if (!raw) return 0;
  const ms = Date.parse(raw.replace(/\+0000$/, 'Z'));
  return Number.isFinite(ms) ? ms : 0;
};

/** The per-record version of a Salesforce snapshot: `sf:<record id>:<SystemModstamp ms>` (never emitted twice). */
export const salesforceVersion = (recordId: string, modstampMs: number): string => `sf:${recordId}:${modstampMs}`;
export const parseSalesforceVersion = (version: string): { recordId: string; modstampMs: number } | undefined => {
  const match = /^sf:([A-Za-z0-9]{15,18}):(\d+)$/.exec(version);
  return match ? { recordId: match[1]!, modstampMs: Number(match[2]) } : undefined;
};

export interface InboundContext {
  readonly extIdField: string;
  readonly countryNames: Readonly<Record<string, string>>;
  readonly changedFields: readonly string[];
  readonly correlationId?: string;
}

/**
 * A full Account or Contact read after a change event → `commerce.customer.v1` (source
 * salesforce). The canonical id is the Clarity customer id when the record carries one, else
 * `salesforce:<record id>`. Which of these fields win is decided by the field masters downstream.
 */
export const toCanonicalCustomer = (entity: 'Account' | 'Contact', row: Row, context: InboundContext & { account?: Row | null }): CustomerEvent => {
  const id = String(row['Id']);
  const clarityId = text(row[context.extIdField]);
  const modifiedAt = modstampOf(row);
  const isAccount = entity === 'Account';
  const person = isAccount && row['IsPersonAccount'] === true;
  const account = isAccount ? row : context.account ?? null;
  const company = person ? null : text(account?.['Name']);
  const firstName = text(row['FirstName']);
  const lastName = text(row['LastName']);
  const kind = person || (!isAccount && (company === null || company === [firstName, lastName].filter(Boolean).join(' '))) ? 'b2c' : 'b2b';
  const customer: Customer = {
    customerId: clarityId ?? `salesforce:${id}`,
    clarityId,
    salesforceAccountId: isAccount ? id : text(row['AccountId']),
    salesforceContactId: isAccount ? (person ? text(row['PersonContactId']) : null) : id,
    kind,
    email: isAccount ? text(row['PersonEmail']) : text(row['Email']),
    firstName,
    lastName: lastName ?? (isAccount && !person ? null : null),
    company: kind === 'b2b' ? company : null,
    phone: text(row['Phone']),
    billingAddress: address(row, isAccount ? 'Billing' : 'Mailing', context.countryNames),
    shippingAddress: isAccount ? address(row, 'Shipping', context.countryNames) : null,
    marketingOptIn: typeof row['HasOptedOutOfEmail'] === 'boolean' ? !row['HasOptedOutOfEmail'] : null,
    accountOwner: text(row['OwnerId']),
    modifiedAt,
    version: salesforceVersion(id, modifiedAt),
    changedFields: [...context.changedFields],
  };
  return {
    eventId: randomUUID(), eventType: 'customer.updated', occurredAt: modifiedAt || Date.now(), source: 'salesforce',
    correlationId: context.correlationId ?? randomUUID(), causationId: null, schemaVersion: 1, customer,
  };
};

/** CDC changed-field names (compound ones as `MailingAddress.City`) → the canonical fields they touch. A Contact's `Name` is the person's compound name, an Account's the company. */
export const canonicalChangedFields = (changed: readonly string[], entity: 'Account' | 'Contact' = 'Account'): string[] => {
  const map: Record<string, string> = {
    FirstName: 'firstName', LastName: 'lastName', Email: 'email', PersonEmail: 'email', Phone: 'phone', OwnerId: 'accountOwner',
    BillingAddress: 'billingAddress', MailingAddress: 'billingAddress', PersonMailingAddress: 'billingAddress', ShippingAddress: 'shippingAddress', HasOptedOutOfEmail: 'marketingOptIn',
  };
  const out = new Set<string>();
  for (const field of changed) {
    const [head, part] = field.split('.') as [string, string | undefined];
    if (head === 'Name') {
      if (part === 'FirstName') out.add('firstName');
      else if (part === 'LastName') out.add('lastName');
      else if (!part && entity === 'Account') out.add('company');
      continue;
    }
    const hit = map[head];
    if (hit) out.add(hit);
  }
  return [...out];
};
