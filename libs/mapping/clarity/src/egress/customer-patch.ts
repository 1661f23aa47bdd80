import type { CustomerProfile, ProfileAddress } from '@tributary/canonical-model';
import type { ClarityCustomerPatch } from '@tributary/connectors-clarity';

/** The golden-record fields Clarity's customer API can change. */
export const clarityPatchableFields = ['email', 'firstName', 'lastName', 'company', 'phone', 'billingAddress', 'shippingAddress'] as const;
export type ClarityPatchableField = (typeof clarityPatchableFields)[number];

/** What was last written to Clarity, per field: the value (as JSON) and the provenance version it came from. */
export type SentFields = Partial<Record<ClarityPatchableField, string>>;

export interface CustomerPatchPlan {
  /** Undefined when nothing needs writing. */
  readonly patch: ClarityCustomerPatch | undefined;
  /** The fields in the patch, each with its value as JSON (to remember as sent). */
  readonly sent: SentFields;
  /** Why the other fields were left alone, for the log. */
  readonly skipped: readonly string[];
}

const address = (a: ProfileAddress) => ({ name: a.name, line1: a.line1, line2: a.line2, city: a.city, region: a.region, postalCode: a.postalCode, country: a.country });

/** The patch value of a field, or undefined when Clarity cannot take it (it has no "unset" for these). */
const patchValue = (profile: CustomerProfile, field: ClarityPatchableField): unknown => {
  switch (field) {
    case 'phone':
    case 'company':
      return profile[field];
    case 'email':
    case 'firstName':
    case 'lastName':
      return profile[field] === null || profile[field] === '' ? undefined : profile[field];
    case 'billingAddress':
    case 'shippingAddress': {
      const value = profile[field];
      return value === null ? undefined : address(value);
    }
  }
};

/**
 * Which fields of the golden record to write to Clarity: only those whose current value was set
 * by another system than Clarity (its provenance), and only when the value differs from what we
 * last sent. A profile that came from Clarity is never written back, and our own write, echoed
 * by Clarity, changes nothing here (the value is the one we sent). Pure.
 */
export const customerPatchFor = (profile: CustomerProfile, lastSent: SentFields = {}): CustomerPatchPlan => {
  const patch: Record<string, unknown> = {};
  const sent: SentFields = {};
  const skipped: string[] = [];
  for (const field of clarityPatchableFields) {
    const source = profile.provenance[field]?.source;
    if (source === undefined) continue;
    if (source === 'clarity') {
      skipped.push(`${field}: mastered by clarity`);
      continue;
    }
    const value = patchValue(profile, field);
    if (value === undefined) {
      skipped.push(`${field}: empty in the profile, Clarity cannot unset it`);
      continue;
    }
    const json = JSON.stringify(value);
    if (lastSent[field] === json) continue;
    patch[field] = value;
    sent[field] = json;
  }
  return { patch: Object.keys(patch).length > 0 ? (patch as ClarityCustomerPatch) : undefined, sent, skipped };
};
