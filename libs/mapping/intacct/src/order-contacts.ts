import { createHash } from 'node:crypto';
import type { Order, OrderCustomer, PostalAddress } from '@tributary/canonical-model';
import type { IntacctContact, IntacctMailAddress } from '@tributary/connectors-intacct';
import { standardiseAddress, type StandardAddress } from '@tributary/mapping-core';

/** CONTACTNAME is the contact's key in Intacct; we keep ours within 200 characters. */
export const MAX_CONTACTNAME = 200;
const HASH_LENGTH = 10;
const SEPARATOR = ' – ';

/** The contacts a sales document names: ship-to and bill-to, one and the same when the addresses are. */
export interface OrderContacts {
  readonly shipTo: IntacctContact;
  readonly billTo: IntacctContact;
}

const tidy = (text: string | null | undefined): string => (text ?? '').replace(/\s+/g, ' ').trim();

/** Code points, not UTF-16 units, so a name is never cut inside a character. */
const truncate = (text: string, length: number): string => [...text].slice(0, length).join('').trimEnd();

const fullName = (customer: OrderCustomer): string => tidy(`${customer.firstName} ${customer.lastName}`);

/** Who the address is for: the name on it, else the customer, their company, their e-mail. */
const recipient = (address: PostalAddress, customer: OrderCustomer): string =>
  tidy(address.name) || fullName(customer) || tidy(customer.company) || tidy(customer.email);

/** The customer's own first and last name when the address is theirs; a gift recipient's split at the last space. */
const personOf = (name: string, customer: OrderCustomer): Pick<IntacctContact, 'firstName' | 'lastName'> => {
  if (name.toLowerCase() === fullName(customer).toLowerCase()) {
    return { ...(tidy(customer.firstName) ? { firstName: tidy(customer.firstName) } : {}), ...(tidy(customer.lastName) ? { lastName: tidy(customer.lastName) } : {}) };
  }
  if (name === tidy(customer.company) || name === tidy(customer.email)) return {};
  const words = name.split(' ');
  const lastName = words.pop() ?? name;
  return words.length > 0 ? { firstName: words.join(' '), lastName } : { lastName };
};

const mailAddressOf = (address: StandardAddress): IntacctMailAddress => ({
  address1: address.line1,
  ...(address.line2 ? { address2: address.line2 } : {}),
  city: address.city,
  ...(address.region ? { state: address.region } : {}),
  zip: address.postalCode,
  isoCountryCode: address.country,
});

/**
 * The address as the contact's key sees it: standardised when it can be, so "500 Congress Avenue,
 * texas" and "500 Congress Ave, TX" are one contact; as typed (tidied) when it cannot.
 */
const addressKey = (address: PostalAddress, standard: StandardAddress | undefined): string[] => {
  const parts = standard ?? address;
  return [parts.line1, parts.line2, parts.city, parts.region, parts.postalCode, parts.country].map((part) => tidy(part).toLowerCase());
};

const contactFor = (address: PostalAddress, order: Order, customerId: string): IntacctContact => {
  const { customer } = order;
  const standardised = standardiseAddress(address);
  const standard = standardised.ok ? standardised.value : undefined;
  const name = recipient(address, customer);
  // The name is part of CONTACTNAME as typed, so it is hashed as typed; the address only through the hash, so its case does not matter.
  const hash = createHash('sha256')
    .update(JSON.stringify([customerId, name, ...addressKey(address, standard)]))
    .digest('hex')
    .slice(0, HASH_LENGTH);
  const head = truncate(`${customerId} ${name}`, MAX_CONTACTNAME - SEPARATOR.length - HASH_LENGTH);
  return {
    contactName: `${head}${SEPARATOR}${hash}`,
    printAs: name,
    ...(tidy(customer.company) ? { companyName: tidy(customer.company) } : {}),
    ...personOf(name, customer),
    ...(tidy(customer.phone) ? { phone: tidy(customer.phone) } : {}),
    ...(tidy(customer.email) ? { email: tidy(customer.email) } : {}),
    // An address we cannot standardise is still a contact (its key uses the address as typed), without MAILADDRESS.
    ...(standard ? { mailAddress: mailAddressOf(standard) } : {}),
  };
};

/**
 * The ship-to and bill-to CONTACTs of an order booked to the Intacct customer `customerId`, from
 * its standardised shipping and billing addresses. CONTACTNAME is deterministic and at most 200
 * characters: `<customerId> <recipient> – <hash of customer, recipient and standardised address>`,
 * so the same address reuses the same contact, a new address gets a new one, and two customers
 * never share one. An order shipped to its billing address names one contact for both.
 */
export const orderContacts = (order: Order, customerId: string): OrderContacts => {
  const shipTo = contactFor(order.shippingAddress, order, customerId);
  const billTo = contactFor(order.billingAddress, order, customerId);
  return { shipTo, billTo: billTo.contactName === shipTo.contactName ? shipTo : billTo };
};
