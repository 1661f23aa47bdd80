import { createHash } from 'node:crypto';
import type { Order } from '@tributary/canonical-model';
import type { Sage100NewCustomer } from '@tributary/connectors-sage100';
import { dedupeKeys, standardiseAddress, type MappingConfig } from '@tributary/mapping-core';
import { countryCode3, fit } from './text.js';

const MAX_CUSTOMER_NO = 20;

/**
 * The deterministic CustomerNo (20 characters, upper case, no spaces) of a Clarity customer: the
 * same customer always gets the same key, so two orders of a new customer racing to create it end
 * with one customer (the second create is refused as a duplicate key and adopts the first).
 */
export const sage100CustomerNo = (clarityCustomerId: string, prefix = ''): string => {
  const candidate = `${prefix}${clarityCustomerId}`.toUpperCase();
  if (candidate.length <= MAX_CUSTOMER_NO && /^[A-Z0-9_-]+$/.test(candidate)) return candidate;
  return `${prefix}H${createHash('sha256').update(clarityCustomerId).digest('hex').slice(0, 12)}`.toUpperCase().slice(0, MAX_CUSTOMER_NO);
};

/** The order's customer under the mapping library's dedupe keys: e-mail, then name + postcode. */
export const customerSearchKeys = (order: Order, customers: MappingConfig['customers']) => {
  const { customer, billingAddress } = order;
  const keys = dedupeKeys({ email: customer.email, firstName: customer.firstName, lastName: customer.lastName, postalCode: billingAddress.postalCode, country: billingAddress.country }, customers);
  const name = sage100CustomerName(order);
  return { keys, email: customer.email, name, zip: fit(billingAddress.postalCode.replace(/\s+/g, ' ').trim(), 10) };
};

/** CustomerName (30): the company, else "First Last". */
export const sage100CustomerName = (order: Order): string => {
  const { customer } = order;
  return fit(customer.company ?? (`${customer.firstName} ${customer.lastName}`.trim() || customer.email), 30);
};

/** The order's customer as a new AR customer, billing address standardised and cut to Sage's lengths. */
export const toSage100Customer = (order: Order, rules: MappingConfig['sage100']): Sage100NewCustomer => {
  const { customer } = order;
  const standard = standardiseAddress(order.billingAddress);
  const address = standard.ok ? standard.value : undefined;
  return {
    CustomerName: sage100CustomerName(order),
    EmailAddress: fit(customer.email, 250),
    ...(customer.phone ? { TelephoneNo: fit(customer.phone, 17) } : {}),
    AddressLine1: fit(address?.line1 ?? order.billingAddress.line1, 30),
    ...((address?.line2 ?? order.billingAddress.line2) ? { AddressLine2: fit((address?.line2 ?? order.billingAddress.line2)!, 30) } : {}),
    City: fit(address?.city ?? order.billingAddress.city, 20),
    ...((address?.region ?? order.billingAddress.region) ? { State: fit((address?.region ?? order.billingAddress.region)!, 2) } : {}),
    ZipCode: fit(address?.postalCode ?? order.billingAddress.postalCode, 10),
    CountryCode: countryCode3(address?.country ?? order.billingAddress.country),
    ...(rules.termsCode ? { TermsCode: rules.termsCode } : {}),
    ...(rules.taxSchedule ? { TaxSchedule: rules.taxSchedule } : {}),
  };
};
