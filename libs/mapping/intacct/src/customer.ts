import { createHash } from 'node:crypto';
import type { Order } from '@tributary/canonical-model';
import type { IntacctCustomer } from '@tributary/connectors-intacct';
import { standardiseAddress } from '@tributary/mapping-core';

const MAX_CUSTOMERID = 20;

/**
 * A deterministic Intacct CUSTOMERID for a Clarity customer: the same customer always gets the
 * same id, so a second create is refused by Intacct itself (a last line of defence against
 * duplicates). Ids that would be too long or use odd characters are hashed.
 */
export const intacctCustomerId = (clarityCustomerId: string, prefix = ''): string => {
  const candidate = `${prefix}${clarityCustomerId}`.toUpperCase();
  if (candidate.length <= MAX_CUSTOMERID && /^[A-Z0-9_-]+$/.test(candidate)) return candidate;
  return `${prefix}H${createHash('sha256').update(clarityCustomerId).digest('hex').slice(0, 12)}`.toUpperCase().slice(0, MAX_CUSTOMERID);
};

/** The order's customer as an Intacct CUSTOMER, with the standardised billing address. */
export const toIntacctCustomer = (order: Order, customerId: string): IntacctCustomer => {
  const { customer } = order;
  const person = `${customer.firstName} ${customer.lastName}`.trim();
  const address = standardiseAddress(order.billingAddress);
  const mail = address.ok ? address.value : undefined;
  return {
    customerId,
    name: customer.company ?? (person || customer.email),
    clarityId: customer.customerId,
    firstName: customer.firstName,
    lastName: customer.lastName,
    ...(customer.company ? { companyName: customer.company } : {}),
    email: customer.email,
    ...(customer.phone ? { phone: customer.phone } : {}),
    ...(mail
      ? { mailAddress: { address1: mail.line1, ...(mail.line2 ? { address2: mail.line2 } : {}), city: mail.city, ...(mail.region ? { state: mail.region } : {}), zip: mail.postalCode, isoCountryCode: mail.country } }
      : {}),
  };
};
