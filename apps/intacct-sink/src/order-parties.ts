import type { Order } from '@tributary/canonical-model';
import type { Logger } from '@tributary/observability';
import { orderContacts } from '@tributary/mapping-intacct';
import { ensureIntacctContacts } from './contact.step.js';
import { ensureIntacctCustomer } from './customer.step.js';
import type { ledgerEntries } from './ledger-entry.js';
import type { IntacctPort, SalesOrderPipelineDeps } from './sales-order.pipeline.js';

/** Who a sales document is for: the CUSTOMERID it is booked to and the CONTACTNAMEs of its ship-to and bill-to. */
export interface OrderParties {
  readonly customerId: string;
  readonly shipToContact: string;
  readonly billToContact: string;
}

export interface OrderPartiesDeps {
  readonly deps: SalesOrderPipelineDeps;
  readonly intacct: IntacctPort;
  readonly ledgerFor: ReturnType<typeof ledgerEntries>;
  readonly attempt: number;
  readonly log: Logger;
}

/**
 * The order's customer (found or created once, unless every order goes to the one fixed customer
 * `fixedCustomerId`), then its ship-to and bill-to contacts from the order's addresses, each created
 * once. The same order always yields the same parties, so create and update agree.
 */
export const ensureOrderParties = async (order: Order, fixedCustomerId: string, { deps, intacct, ledgerFor, attempt, log }: OrderPartiesDeps): Promise<OrderParties> => {
  let customerId = fixedCustomerId;
  if (deps.rules.customerId.from === 'order') {
    const customer = await ensureIntacctCustomer(order, {
      ledger: deps.ledger, intacct, customers: deps.company.mapping.customers, customerIdPrefix: deps.rules.customerId.prefix ?? '',
      ledgerEntry: ledgerFor('customer', order.customer.customerId, order.customer.email), attempt,
    });
    if (customer.created) log.info({ customerId: customer.customerId, clarityCustomerId: order.customer.customerId }, 'customer created');
    customerId = customer.customerId;
  }
  const contacts = await ensureIntacctContacts(orderContacts(order, customerId), { ledger: deps.ledger, intacct, ledgerFor, attempt });
  for (const contactName of contacts.created) log.info({ contactName, customerId, orderId: order.orderId }, 'contact created');
  return { customerId, shipToContact: contacts.shipToContact, billToContact: contacts.billToContact };
};
