import { z } from 'zod';
import { toCountryCode } from './countries.js';
import { removeDiacritics } from './text.js';

export const customerIdentitySchema = z.object({
  email: z.string().nullish(),
  firstName: z.string().nullish(),
  lastName: z.string().nullish(),
  postalCode: z.string().nullish(),
  country: z.string().nullish(),
});
export type CustomerIdentity = z.infer<typeof customerIdentitySchema>;

export const dedupeOptionsSchema = z.object({
  /** "jane+shop@example.com" and "jane@example.com" reach the same mailbox on most providers. */
  plusAddressing: z.enum(['strip', 'keep']),
  /** Gmail ignores dots in the local part, and googlemail.com is the same mailbox. */
  gmailDots: z.boolean().optional(),
});
export type DedupeOptions = z.infer<typeof dedupeOptionsSchema>;

export interface DedupeKeys {
  /** Lower-case mailbox, with the +tag and Gmail dots removed when the options say so. */
  email?: string;
  /** "lastname|firstname|postal", letters and digits only, diacritics removed. */
  namePostal?: string;
}

const GMAIL_DOMAINS: ReadonlySet<string> = new Set(['gmail.com', 'googlemail.com']);

const emailKey = (email: string, options: DedupeOptions): string | undefined => {
  const address = email.trim().toLowerCase();
  const at = address.lastIndexOf('@');
  let local = address.slice(0, at);
  let domain = address.slice(at + 1);
  if (at <= 0 || domain === '' || /\s/u.test(address)) return undefined;
  if (options.plusAddressing === 'strip') {
    const untagged = local.split('+')[0] ?? '';
    if (untagged !== '') local = untagged;
  }
  if (options.gmailDots && GMAIL_DOMAINS.has(domain)) {
    local = local.replace(/\./gu, '');
    domain = 'gmail.com';
  }
  return `${local}@${domain}`;
};

// Hyphens, apostrophes and spaces come and go between systems ("O'Brien-Smith", "OBrien Smith").
const nameKey = (name: string): string => removeDiacritics(name).toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');

const postalKey = (postalCode: string, country: string | null | undefined): string => {
  const compact = postalCode.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
  // A ZIP+4 and its five-digit ZIP are the same place; storefronts rarely capture the +4.
  const isUs = country ? toCountryCode(country) === 'US' : false;
  return isUs && /^\d{9}$/u.test(compact) ? compact.slice(0, 5) : compact;
};

/**
 * The keys under which one customer is found again in another system. A key is left out when
 * its parts are missing: a partial key ("smith||") would match strangers.
 */
export const dedupeKeys = (customer: CustomerIdentity, options: DedupeOptions): DedupeKeys => {
  const email = customer.email ? emailKey(customer.email, options) : undefined;
  const last = nameKey(customer.lastName ?? '');
  const first = nameKey(customer.firstName ?? '');
  const postal = postalKey(customer.postalCode ?? '', customer.country);
  const namePostal = last && first && postal ? `${last}|${first}|${postal}` : undefined;
  return { ...(email ? { email } : {}), ...(namePostal ? { namePostal } : {}) };
};

/**
 * Whether two records are the same customer. The same mailbox is decisive. Two different
 * mailboxes are taken as two people even when name and postal code agree (a parent and child at
 * one address): merging two customers posts one's invoices to the other's account, which is
 * worse than a duplicate someone can merge by hand. Name and postal code decide only when at
 * least one side has no email.
 */
export const sameCustomer = (a: CustomerIdentity, b: CustomerIdentity, options: DedupeOptions): boolean => {
  const keysA = dedupeKeys(a, options);
  const keysB = dedupeKeys(b, options);
  if (keysA.email && keysB.email) return keysA.email === keysB.email;
  return keysA.namePostal !== undefined && keysA.namePostal === keysB.namePostal;
};
