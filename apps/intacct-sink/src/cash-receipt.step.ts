import { IntegrationError } from '@tributary/core';
import type { CrossReference, Order } from '@tributary/canonical-model';
import type { IntacctClient } from '@tributary/connectors-intacct';
import { exactlyOnceEffect, type Ledger } from '@tributary/kafka-runtime';
import type { MappingConfig } from '@tributary/mapping-core';
import { cashReceiptReference, toIntacctCashReceipt } from '@tributary/mapping-intacct';

export type IntacctCashReceiptPort = Pick<IntacctClient, 'findSalesDocumentByReference' | 'createArPayment' | 'findArPaymentByDocNumber'>;

/** An invoice paid at checkout gets its payment as a cash receipt; other documents do not. */
export const needsCashReceipt = (order: Order, transactionType: string, mapping: MappingConfig): boolean =>
  mapping.invoiceTransactionTypes.includes(transactionType) && order.payment?.status === 'captured';

/**
 * The captured payment as an ARPYMT applied to the invoice's AR record (PRRECORDKEY), at most
 * once: ledger, then a lookup by our reference (DOCNUMBER) after an unknown outcome.
 */
export const recordCashReceipt = async (
  order: Order,
  deps: {
    readonly ledger: Ledger<CrossReference>;
    readonly intacct: IntacctCashReceiptPort;
    readonly mapping: MappingConfig;
    readonly transactionType: string;
    readonly customerId: string;
    readonly ledgerEntry: { key: string; entry: (status: string, externalId: string | null, detail?: string | null) => CrossReference };
    readonly attempt: number;
  },
): Promise<{ kind: 'done' | 'duplicate'; ref: string }> =>
  exactlyOnceEffect({
    ledger: deps.ledger,
    key: deps.ledgerEntry.key,
    entry: deps.ledgerEntry.entry,
    attempt: deps.attempt,
    duplicateCode: 'INTACCT.DUPLICATE_CONTROLID',
    find: async () => (await deps.intacct.findArPaymentByDocNumber(cashReceiptReference(order)))?.recordNo ?? null,
    create: async () => {
      const invoice = await deps.intacct.findSalesDocumentByReference(deps.transactionType, order.orderNumber);
      if (!invoice?.prRecordKey) {
        throw IntegrationError.transient('INTACCT.INVOICE_NOT_VISIBLE', `the AR record of ${deps.transactionType} ${order.orderNumber} is not visible yet`, { orderId: order.orderId });
      }
      const receipt = toIntacctCashReceipt(order, deps.mapping, deps.customerId, invoice.prRecordKey);
      if (!receipt.ok) throw receipt.error;
      return (await deps.intacct.createArPayment(receipt.value, { controlId: `pay-create-${order.orderId}` })).recordNo;
    },
  });
