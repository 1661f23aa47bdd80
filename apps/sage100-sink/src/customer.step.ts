import type { CrossReference, Order } from '@tributary/canonical-model';
import type { Sage100Client, Sage100Customer } from '@tributary/connectors-sage100';
import { IntegrationError } from '@tributary/core';
import { exactlyOnceEffect, type Ledger } from '@tributary/kafka-runtime';
import { dedupeKeys, type MappingConfig } from '@tributary/mapping-core';
import { customerSearchKeys, sage100CustomerNo, toSage100Customer } from '@tributary/mapping-sage100';
import type { LedgerEntryOf } from './ledger-entry.js';

export type Sage100CustomerPort = Pick<Sage100Client, 'findCustomer' | 'searchCustomers' | 'createCustomer'>;

export interface CustomerStepDeps {
  readonly ledger: Ledger<CrossReference>;
  readonly sage: Sage100CustomerPort;
  readonly mapping: MappingConfig;
  readonly ledgerEntry: LedgerEntryOf;
  readonly attempt: number;
}

const keyOf = (c: Pick<Sage100Customer, 'ARDivisionNo' | 'CustomerNo'>) => `${c.ARDivisionNo}-${c.CustomerNo}`;

/**
 * The AR customer of the order, created at most once: the ledger first, then Sage by the
 * deterministic key, then by the dedupe keys of the mapping library (normalised e-mail, then
 * normalised name + postcode), and only then a new customer in the configured ARDivisionNo. Two
 * orders of one new customer racing here both try the same CustomerNo: the second is refused as
 * a duplicate and adopts the first. With `autoCreateCustomers: false` an unknown customer holds
 * the order for review (REVIEW.CUSTOMER_NOT_FOUND) instead.
 */
export const ensureSage100Customer = async (order: Order, deps: CustomerStepDeps): Promise<{ customer: string; created: boolean }> => {
  const rules = deps.mapping.sage100;
  const options = deps.mapping.customers;
  const customerNo = sage100CustomerNo(order.customer.customerId, rules.customerNoPrefix);
  const search = customerSearchKeys(order, options);
  const result = await exactlyOnceEffect({
    ledger: deps.ledger,
    key: deps.ledgerEntry.key,
    entry: deps.ledgerEntry.entry,
    attempt: deps.attempt,
    findFirst: true,
    duplicateCode: 'SAGE100.DUPLICATE',
    find: async () => {
      const byKey = await deps.sage.findCustomer(rules.arDivisionNo, customerNo);
      if (byKey) return keyOf(byKey);
      if (search.keys.email) {
        const match = (await deps.sage.searchCustomers({ email: order.customer.email })).find((c) => dedupeKeys({ email: c.EmailAddress }, options).email === search.keys.email);
        if (match) return keyOf(match);
      }
      if (search.keys.namePostal) {
        // Name + postcode decides only when the customer on file has no other mailbox (mapping library's sameCustomer rule).
        const match = (await deps.sage.searchCustomers({ name: search.name, zip: search.zip })).find((c) => !c.EmailAddress || dedupeKeys({ email: c.EmailAddress }, options).email === search.keys.email);
        if (match) return keyOf(match);
      }
      return null;
    },
    create: async () => {
      if (!rules.autoCreateCustomers) {
        throw IntegrationError.permanent('REVIEW.CUSTOMER_NOT_FOUND', `order ${order.orderNumber}: customer ${order.customer.email} is not in Sage 100 and the rules say not to create customers; create or link it, then replay`, { orderId: order.orderId, email: order.customer.email });
      }
      return keyOf(await deps.sage.createCustomer({ ARDivisionNo: rules.arDivisionNo, CustomerNo: customerNo, ...toSage100Customer(order, rules) }));
    },
  });
  return { customer: result.ref, created: result.kind === 'done' };
};

/** "01-CUSTNO" → its parts. */
export const customerKey = (key: string): { ARDivisionNo: string; CustomerNo: string } => {
  const [division = '', ...rest] = key.split('-');
  return { ARDivisionNo: division, CustomerNo: rest.join('-') };
};
