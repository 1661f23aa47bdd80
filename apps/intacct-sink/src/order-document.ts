import type { CrossReference } from '@tributary/canonical-model';
import type { IntacctClient, IntacctSalesDocumentRef } from '@tributary/connectors-intacct';
import { LedgerStatus, type Ledger } from '@tributary/kafka-runtime';

export type IntacctDocumentLookupPort = Pick<IntacctClient, 'findSalesDocumentByReference'>;

/**
 * The Intacct document an order became, read fresh from Intacct (state, AR record, customer): the
 * type the ledger recorded when this sink created it is tried first, then every type the order
 * may have become. Null when Intacct has none (yet).
 */
export const findOrderDocument = async (
  intacct: IntacctDocumentLookupPort,
  ledger: Ledger<CrossReference>,
  order: { readonly orderId: string; readonly orderNumber: string },
  types: readonly string[],
): Promise<IntacctSalesDocumentRef | null> => {
  const posted = ledger.get(`intacct:sales-order:${order.orderId}`);
  const postedType = posted?.status === LedgerStatus.done ? types.find((type) => posted.externalId?.startsWith(`${type}-`)) : undefined;
  for (const type of postedType ? [postedType, ...types.filter((t) => t !== postedType)] : types) {
    const found = await intacct.findSalesDocumentByReference(type, order.orderNumber);
    if (found) return found;
  }
  return null;
};
