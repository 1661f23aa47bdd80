import type { CrossReference, PaymentEvent } from '@tributary/canonical-model';
import { IntegrationError } from '@tributary/core';
import type { AvroEventCodec, Ledger, PipelineDefinition, PipelineOutcome, TopicSpec } from '@tributary/kafka-runtime';
import { LedgerStatus, OperatorHeader } from '@tributary/kafka-runtime';
import type { MappingConfig } from '@tributary/mapping-core';
import { capturedPayment, customerPoNo } from '@tributary/mapping-sage100';
import { cashReceiptLedgerEntry, recordCashReceipt } from './cash-receipt.step.js';
import { HeldStatus } from './held-orders.js';
import { ledgerEntries } from './ledger-entry.js';
import type { Sage100Port } from './sales-order.pipeline.js';

export interface PaymentPipelineDeps {
  readonly source: TopicSpec;
  readonly codec: AvroEventCodec<PaymentEvent>;
  readonly sage: (companyCode: string) => Sage100Port;
  readonly ledger: Ledger<CrossReference>;
  readonly mapping: MappingConfig;
  /** The company of an order the ledger does not know (SAGE100_COMPANY_CODE). */
  readonly defaultCompany: string;
  readonly clock?: () => number;
}

/**
 * commerce.payment.v1 → Sage 100 cash receipts: a capture becomes a deposit against the order's
 * sales order (its DepositAmt rises), once — keyed by the gateway transaction as Reference. An
 * order not in Sage yet is retried (transient); an order held for review is refused with the
 * reason, to be replayed from the DLQ once released. Refunds are booked in Sage by hand (credit memos are not in the facade).
 */
export const paymentPipeline = (deps: PaymentPipelineDeps): PipelineDefinition<PaymentEvent> => ({
  name: 'sage100-payments',
  source: deps.source,
  codec: deps.codec,
  system: 'sage100',
  stageOf: (error) => (error.code.startsWith('MAPPING.') ? 'map' : 'deliver'),
  handle: async ({ value: event, correlationId, headers }, { attempt, log }): Promise<PipelineOutcome> => {
    if (event.eventType === 'payment.refunded') return { kind: 'skipped', reason: 'refunds are credit memos, which the Sage 100 facade does not cover' };
    if (event.eventType !== 'payment.captured') return { kind: 'skipped', reason: `unknown event type ${event.eventType}` };
    const payment = capturedPayment(event.payment);
    const ledgerFor = ledgerEntries(event, correlationId, attempt, deps.clock ?? Date.now);
    const receipt = cashReceiptLedgerEntry(ledgerFor, payment);
    const verify = headers[OperatorHeader.requeue] === 'missing';
    const recorded = deps.ledger.get(receipt.key);
    if (recorded?.status === LedgerStatus.done && !verify) return { kind: 'duplicate', ref: recorded.externalId ?? '' };

    const posted = deps.ledger.get(`sage100:sales-order:${payment.orderId}`);
    const company = posted?.externalId?.split('-')[0] ?? deps.defaultCompany;
    const sage = deps.sage(company);
    const result = await recordCashReceipt(payment, {
      ledger: deps.ledger, sage, mapping: deps.mapping, ledgerEntry: receipt, attempt, verify,
      salesOrder: async () => {
        const open = (await sage.findSalesOrdersByPo(customerPoNo(payment.orderNumber))).open[0];
        if (open) return open;
        if (deps.ledger.get(`sage100:held:${payment.orderId}`)?.status === HeldStatus.held) {
          throw IntegrationError.permanent('SAGE100.ORDER_HELD', `order ${payment.orderNumber} is held and not in Sage 100 yet; replay this payment once it is released`, { orderId: payment.orderId });
        }
        throw IntegrationError.transient('SAGE100.ORDER_NOT_VISIBLE', `the sales order of ${payment.orderNumber} is not open in Sage 100 (yet)`, { orderId: payment.orderId });
      },
    });
    if (result.kind === 'done') log.info({ depositNo: result.ref, orderId: payment.orderId, amount: payment.amount, currency: payment.currency }, 'deposit recorded against the sales order');
    return result;
  },
});
