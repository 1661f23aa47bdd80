import type { CrossReference, PaymentEvent } from '@tributary/canonical-model';
import { IntegrationError } from '@tributary/core';
import type { AvroEventCodec, Ledger, PipelineDefinition, PipelineOutcome, TopicSpec } from '@tributary/kafka-runtime';
import { LedgerStatus, OperatorHeader } from '@tributary/kafka-runtime';
import type { MappingConfig } from '@tributary/mapping-core';
import { capturedPayment, orderDocumentTypes } from '@tributary/mapping-intacct';
import { cashReceiptLedgerEntry, recordCashReceipt, type IntacctCashReceiptPort } from './cash-receipt.step.js';
import { ledgerEntries } from './ledger-entry.js';
import { findOrderDocument, type IntacctDocumentLookupPort } from './order-document.js';

export interface PaymentPipelineDeps {
  readonly source: TopicSpec;
  readonly codec: AvroEventCodec<PaymentEvent>;
  readonly intacct: () => IntacctCashReceiptPort & IntacctDocumentLookupPort;
  readonly ledger: Ledger<CrossReference>;
  readonly mapping: MappingConfig;
  /** The sink's default transaction definition (INTACCT_TRANSACTION_TYPE). */
  readonly defaultTransactionType: string;
  readonly clock?: () => number;
}

/**
 * commerce.payment.v1 → Sage Intacct cash receipts. A capture becomes an ARPYMT applied to the
 * order's AR invoice (PRRECORDKEY), once — the same gateway transaction already recorded from
 * the order at checkout is a duplicate, not a second receipt. A capture for an order Intacct
 * holds only as a Sales Order (no AR invoice yet) is refused with the reason, to be replayed
 * from the DLQ once invoiced. Refunds are booked by the return's credit memo and the
 * settlement journal, so they are skipped here.
 */
export const paymentPipeline = (deps: PaymentPipelineDeps): PipelineDefinition<PaymentEvent> => ({
  name: 'intacct-payments',
  source: deps.source,
  codec: deps.codec,
  system: 'intacct',
  stageOf: (error) => (error.code.startsWith('MAPPING.') ? 'map' : 'deliver'),
  handle: async ({ value: event, correlationId, headers, offset }, { attempt, log }): Promise<PipelineOutcome> => {
    if (event.eventType === 'payment.refunded') return { kind: 'skipped', reason: 'refunds are booked by the return\'s credit memo and the settlement journal' };
    if (event.eventType !== 'payment.captured') return { kind: 'skipped', reason: `unknown event type ${event.eventType}` };
    const payment = capturedPayment(event.payment);
    const receipt = cashReceiptLedgerEntry(ledgerEntries(event, correlationId, attempt, deps.clock ?? Date.now), payment);
    // Re-enqueued by reconciliation because the receipt is missing: verify, whatever the ledger says.
    const verify = headers[OperatorHeader.requeue] === 'missing' ? { offset } : undefined;
    const recorded = deps.ledger.get(receipt.key);
    if (recorded?.status === LedgerStatus.done && !verify) return { kind: 'duplicate', ref: recorded.externalId ?? '' };

    const intacct = deps.intacct();
    const result = await recordCashReceipt(payment, {
      ledger: deps.ledger, intacct, mapping: deps.mapping, ledgerEntry: receipt, attempt, ...(verify ? { verify } : {}),
      invoice: async () => {
        const document = await findOrderDocument(intacct, deps.ledger, payment, orderDocumentTypes(deps.mapping, deps.defaultTransactionType));
        if (document && !document.prRecordKey) {
          throw IntegrationError.permanent('INTACCT.NO_AR_INVOICE', `order ${payment.orderNumber} is ${document.key} in Intacct, which has no AR invoice to apply the payment to; replay this message once the order is invoiced`, { orderId: payment.orderId, documentId: document.key });
        }
        return document;
      },
    });
    if (result.kind === 'done') log.info({ paymentRecordNo: result.ref, orderId: payment.orderId, amount: payment.amount, currency: payment.currency }, 'cash receipt applied to the invoice');
    return result;
  },
});
