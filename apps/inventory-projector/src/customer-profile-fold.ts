import type { CrossReference, CustomerEvent, CustomerProfile, FieldProvenance } from '@tributary/canonical-model';
import type { ProfileField, ProfileSource } from '@tributary/mapping-core';

export type Masters = Partial<Record<ProfileField, ProfileSource>>;

const ERPS = new Set(['intacct', 'sage100']);
const FIELDS = ['kind', 'email', 'firstName', 'lastName', 'company', 'phone', 'billingAddress', 'shippingAddress', 'accountOwner', 'creditLimit'] as const satisfies readonly ProfileField[];

const isMaster = (masters: Masters, field: ProfileField, source: string): boolean => {
  const master = masters[field];
  return master === source || (master === 'erp' && ERPS.has(source));
};

/** Versions compare numerically when both are numbers, else as text. */
const compareVersion = (a: string, b: string): number => {
  if (/^\d+$/.test(a) && /^\d+$/.test(b)) return a.length !== b.length ? a.length - b.length : a < b ? -1 : a > b ? 1 : 0;
  return a < b ? -1 : a > b ? 1 : 0;
};

/**
 * Whether a candidate value beats the field's current one. A total order, so the merge is the
 * same whatever order the updates arrive in: master over non-master, then newer change time,
 * then higher version, then source name (a stable tie-break between two non-masters).
 */
export const beats = (masters: Masters, field: ProfileField, candidate: FieldProvenance, current: FieldProvenance | undefined): boolean => {
  if (!current) return true;
  const cm = isMaster(masters, field, candidate.source);
  const om = isMaster(masters, field, current.source);
  if (cm !== om) return cm;
  if (candidate.changedAt !== current.changedAt) return candidate.changedAt > current.changedAt;
  const byVersion = compareVersion(candidate.version, current.version);
  if (byVersion !== 0) return byVersion > 0;
  return candidate.source > current.source;
};

export const emptyProfile = (customerId: string): CustomerProfile => ({
  customerId, kind: null, email: null, firstName: null, lastName: null, company: null, phone: null,
  billingAddress: null, shippingAddress: null, accountOwner: null, creditLimit: null, ids: {}, provenance: {},
});

const sameValue = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/**
 * Folds a customer change from Clarity or Salesforce into the golden record. A field counts as
 * given when the source listed it as changed, or (no list) when it carries a value. Returns the
 * new profile, or undefined when nothing changed.
 */
export const applyCustomer = (profile: CustomerProfile | undefined, event: CustomerEvent, masters: Masters): CustomerProfile | undefined => {
  const { customer } = event;
  const source = event.source;
  const next: CustomerProfile = profile ? { ...profile, ids: { ...profile.ids }, provenance: { ...profile.provenance } } : emptyProfile(customer.customerId);
  let changed = !profile;
  const ids: Record<string, string | null> = { clarity: customer.clarityId, salesforceAccount: customer.salesforceAccountId, salesforceContact: customer.salesforceContactId };
  for (const [system, id] of Object.entries(ids)) {
    if (id && next.ids[system] !== id) { next.ids[system] = id; changed = true; }
  }
  const listed = new Set(customer.changedFields);
  const provenance: FieldProvenance = { source, changedAt: customer.modifiedAt, version: customer.version };
  for (const field of FIELDS) {
    if (field === 'creditLimit') continue; // no customer event carries it (ERP-mastered)
    const value = customer[field];
    const given = listed.size > 0 ? listed.has(field) : value !== null;
    if (!given) continue;
    if (!beats(masters, field, provenance, next.provenance[field])) continue;
    const current = next.provenance[field];
    if (sameValue(next[field], value) && current && sameValue(current, provenance)) continue;
    (next as unknown as Record<string, unknown>)[field] = value ?? null;
    next.provenance[field] = provenance;
    changed = true;
  }
  return changed ? sorted(next) : undefined;
};

/** Maps in key order, so the same merge always encodes to the same bytes. */
const sorted = (profile: CustomerProfile): CustomerProfile => ({
  ...profile,
  ids: Object.fromEntries(Object.entries(profile.ids).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
  provenance: Object.fromEntries(Object.entries(profile.provenance).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
});

/** An ERP/CRM record the customer became (`<system>:customer:<customer id>` in the xref ledger): its id joins the profile. */
export const applyCustomerXref = (profile: CustomerProfile | undefined, entry: CrossReference): CustomerProfile | undefined => {
  if (entry.entity !== 'customer' || entry.status !== 'DONE' || !entry.externalId) return undefined;
  if (profile?.ids[entry.system] === entry.externalId) return undefined;
  const next = profile ? { ...profile, ids: { ...profile.ids } } : emptyProfile(entry.sourceId);
  next.ids[entry.system] = entry.externalId;
  return sorted(next);
};
