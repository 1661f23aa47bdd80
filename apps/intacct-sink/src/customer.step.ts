import type { CrossReference, Order } from '@tributary/canonical-model';
import type { IntacctClient } from '@tributary/connectors-intacct';
import { exactlyOnceEffect, type Ledger } from '@tributary/kafka-runtime';
import { dedupeKeys, type MappingConfig } from '@tributary/mapping-core';
import { intacctCustomerId, toIntacctCustomer } from '@tributary/mapping-intacct';

export type IntacctCustomerPort = Pick<IntacctClient, 'findCustomers' | 'createCustomer'>;

export interface CustomerStepDeps {
  readonly ledger: Ledger<CrossReference>;
  readonly intacct: IntacctCustomerPort;
  readonly customers: MappingConfig['customers'];
  readonly customerIdPrefix: string;
  readonly ledgerEntry: { key: string; entry: (status: string, externalId: string | null, detail?: string | null) => CrossReference };
  readonly attempt: number;
}

/**
 * The Intacct CUSTOMERID for the order's customer, created at most once: the ledger first, then
 * Intacct by our Clarity id, then by the dedupe key (normalised email, so "Jane.Roe+shop@GMail.com"
 * finds "jane.roe@gmail.com" entered by hand), and only then a new CUSTOMER.
 */
export const ensureIntacctCustomer = async (order: Order, deps: CustomerStepDeps): Promise<{ customerId: string; created: boolean }> => {
  const clarityId = order.customer.customerId;
  const options = { plusAddressing: deps.customers.plusAddressing, gmailDots: deps.customers.gmailDots };
  const wanted = dedupeKeys({ email: order.customer.email }, options).email;
  const result = await exactlyOnceEffect({
    ledger: deps.ledger,
    key: deps.ledgerEntry.key,
    entry: deps.ledgerEntry.entry,
    attempt: deps.attempt,
    findFirst: true,
    duplicateCode: 'INTACCT.DUPLICATE_CONTROLID',
    find: async () => {
      const byClarityId = await deps.intacct.findCustomers({ clarityId });
      if (byClarityId[0]) return byClarityId[0].customerId;
      if (!wanted) return null;
      // Email lookups are case-insensitive: ask again only when the dedupe key differs otherwise (+tag, dots).
      const emails = order.customer.email.toLowerCase() === wanted ? [order.customer.email] : [order.customer.email, wanted];
      for (const email of emails) {
        const match = (await deps.intacct.findCustomers({ email })).find((c) => c.email && dedupeKeys({ email: c.email }, options).email === wanted);
        if (match) return match.customerId;
      }
      return null;
    },
    create: async () => (await deps.intacct.createCustomer(toIntacctCustomer(order, intacctCustomerId(clarityId, deps.customerIdPrefix)), { controlId: `cust-create-${intacctCustomerId(clarityId, deps.customerIdPrefix)}` })).customerId,
  });
  return { customerId: result.ref, created: result.kind === 'done' };
};
