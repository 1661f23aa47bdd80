import type { EqualityQuery } from './query.js';

export type CustomerLookup = { clarityId: string } | { email: string } | { customerId: string };

export const CUSTOMER_FIELDS = ['RECORDNO', 'CUSTOMERID', 'NAME', 'DISPLAYCONTACT.EMAIL1', 'CLARITY_ID'] as const;

/** CUSTOMER rows matching one key; e-mail addresses are compared case-insensitively. */
export const customersBy = (by: CustomerLookup): EqualityQuery => {
  const [field, value, caseInsensitive] =
    'clarityId' in by
      ? ['CLARITY_ID', by.clarityId, false]
      : 'email' in by
        ? ['DISPLAYCONTACT.EMAIL1', by.email, true]
        : ['CUSTOMERID', by.customerId, false];
  // More than a handful means duplicates someone must merge; we want to see them, not page.
  return { object: 'CUSTOMER', fields: CUSTOMER_FIELDS, field, value, caseInsensitive, pageSize: 100 };
};
