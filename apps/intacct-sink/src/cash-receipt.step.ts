import { IntegrationError } from '@tributary/core';
import type { CrossReference, Order } from '@tributary/canonical-model';
import type { IntacctClient, IntacctSalesDocumentRef } from '@tributary/connectors-intacct';
import { exactlyOnceEffect, type Ledger } from '@tributary/kafka-runtime';
import type { MappingConfig } from '@tributary/mapping-core';
import { cashReceiptReference, toIntacctCashReceipt, type ReceivedPayment } from '@tributary/mapping-intacct';
import { recordControlId } from './document-control-id.js';
import type { ledgerEntries } from './ledger-entry.js';

export type IntacctCashReceiptPort = Pick<IntacctClient, 'createArPayment' | 'findArPaymentByDocNumber'>;

/** An invoice paid at checkout gets its payment as a cash receipt; other documents do not. */
export const needsCashReceipt = (order: Order, transactionType: string, mapping: MappingConfig): boolean =>
  mapping.invoiceTransactionTypes.includes(transactionType) && order.payment?.status === 'captured';

/**
 * The ledger entry of a cash receipt, keyed by its reference (the gateway transaction), so the
 * checkout payment inside an order and the same capture arriving as a payment event are one
 * receipt, whichever comes first.
 */
export const cashReceiptLedgerEntry = (ledgerFor: ReturnType<typeof ledgerEntries>, payment: ReceivedPayment) => {
  const reference = cashReceiptReference(payment);
  return ledgerFor('cash-receipt', reference, reference);
};

/**
 * A payment as an ARPYMT applied to the invoice's AR record (PRRECORDKEY), at most once: ledger,
 * then a lookup by our reference (DOCNUMBER) after an unknown outcome. `invoice` finds the AR
 * invoice when the receipt is really to be created; one not visible yet is a transient failure.
 */
export const recordCashReceipt = async (
  payment: ReceivedPayment,
  deps: {
    readonly ledger: Ledger<CrossReference>;
    readonly intacct: IntacctCashReceiptPort;
    readonly mapping: MappingConfig;
    readonly invoice: () => Promise<IntacctSalesDocumentRef | null>;
    /** The receipt's customer; the invoice's customer when left out. */
    readonly customerId?: string;
    readonly ledgerEntry: { key: string; entry: (status: string, externalId: string | null, detail?: string | null) => CrossReference };
    readonly attempt: number;
    /** Re-enqueued by reconciliation: look the receipt up even if the ledger says done, and create it with a fresh controlid if it is gone. */
    readonly verify?: { readonly offset: string };
  },
): Promise<{ kind: 'done' | 'duplicate'; ref: string }> =>
  exactlyOnceEffect({
    ledger: deps.ledger,
    key: deps.ledgerEntry.key,
    entry: deps.ledgerEntry.entry,
    attempt: deps.attempt,
    verifyDone: deps.verify !== undefined,
    duplicateCode: 'INTACCT.DUPLICATE_CONTROLID',
    find: async () => (await deps.intacct.findArPaymentByDocNumber(cashReceiptReference(payment)))?.recordNo ?? null,
    create: async () => {
      const invoice = await deps.invoice();
      if (!invoice?.prRecordKey) {
        throw IntegrationError.transient('INTACCT.INVOICE_NOT_VISIBLE', `the AR invoice of order ${payment.orderNumber} is not visible yet`, { orderId: payment.orderId });
      }
      const customerId = deps.customerId ?? invoice.customerId;
      if (!customerId) throw IntegrationError.transient('INTACCT.INVOICE_NOT_VISIBLE', `the invoice ${invoice.key} of order ${payment.orderNumber} was read without its customer`, { orderId: payment.orderId });
      const receipt = toIntacctCashReceipt(payment, deps.mapping, customerId, invoice.prRecordKey);
      if (!receipt.ok) throw receipt.error;
      return (await deps.intacct.createArPayment(receipt.value, { controlId: recordControlId('pay-create', deps.verify ? `${cashReceiptReference(payment)}-requeue-${deps.verify.offset}` : cashReceiptReference(payment)) })).recordNo;
    },
  });
