import type { CrossReference, OrderEvent } from '@tributary/canonical-model';
import type { IntacctClient } from '@tributary/connectors-intacct';
import { applyCompanyRules, salesOrderControlId, toIntacctSalesOrder, type CompanyRules, type IntacctOrderMappingRules } from '@tributary/mapping-intacct';
import { exactlyOnceEffect, LedgerStatus, OperatorHeader, type AvroEventCodec, type Ledger, type PipelineDefinition, type PipelineOutcome, type TopicSpec } from '@tributary/kafka-runtime';
import { needsCashReceipt, recordCashReceipt } from './cash-receipt.step.js';
import { ensureIntacctCustomer } from './customer.step.js';
import { ledgerEntries } from './ledger-entry.js';
import { REVIEW_APPROVED_HEADER, type OrderReview } from './order-review.js';

export type IntacctPort = Pick<IntacctClient, 'createSalesOrder' | 'findSalesDocumentByReference' | 'findCustomers' | 'createCustomer' | 'createArPayment' | 'findArPaymentByDocNumber'>;

export interface SalesOrderPipelineDeps {
  readonly source: TopicSpec;
  readonly codec: AvroEventCodec<OrderEvent>;
  /** The Intacct client for an entity of a multi-entity company (undefined = top level). */
  readonly intacct: (entityId: string | undefined) => IntacctPort;
  readonly ledger: Ledger<CrossReference>;
  readonly rules: IntacctOrderMappingRules;
  readonly company: CompanyRules;
  readonly review?: OrderReview;
  readonly clock?: () => number;
}

/** The document type is the prefix of Intacct's DOCID ("Sales Invoice-SO0042"). */
const documentTypeOf = (docId: string | null | undefined, types: readonly string[]) => types.find((t) => docId?.startsWith(`${t}-`));

/**
 * commerce.order.v1 → Sage Intacct, exactly once in effect, step by step:
 * map (pure) → apply the company's mapping file (items, dimensions, entity, document type,
 * state, rates) → hold anomalies for review → find-or-create the CUSTOMER (dedupe keys) →
 * create the sales document (ledger + deterministic controlid + lookup after unknown outcomes)
 * → for invoices paid at checkout, the cash receipt on the invoice's AR record.
 * The runtime commits the offset afterwards; a permanent failure goes to the DLQ and a replay
 * resumes where it stopped (every step is idempotent).
 */
export const salesOrderPipeline = (deps: SalesOrderPipelineDeps): PipelineDefinition<OrderEvent> => ({
  name: 'intacct-sales-orders',
  source: deps.source,
  codec: deps.codec,
  system: 'intacct',
  stageOf: (error) => (error.code.startsWith('MAPPING.') || error.code.startsWith('REVIEW.') ? 'map' : 'deliver'),
  handle: async ({ value: event, correlationId, headers, offset }, { attempt, log }): Promise<PipelineOutcome> => {
    if (event.eventType !== 'order.created') return { kind: 'skipped', reason: `${event.eventType} is not handled yet` };
    const { order } = event;
    const { mapping } = deps.company;
    const ledgerFor = ledgerEntries(event, correlationId, attempt, deps.clock ?? Date.now);
    const salesDocument = ledgerFor('sales-order', order.orderId, order.orderNumber);
    const cashReceipt = ledgerFor('cash-receipt', order.orderId, `PAY-${order.orderNumber}`);

    const posted = deps.ledger.get(salesDocument.key);
    const postedType = documentTypeOf(posted?.externalId, mapping.invoiceTransactionTypes);
    // Re-enqueued by reconciliation because the document is missing: verify, whatever the ledger says.
    const verify = headers[OperatorHeader.requeue] === 'missing';
    const alreadyPosted = posted?.status === LedgerStatus.done && !verify;
    if (alreadyPosted && (!postedType || !needsCashReceipt(order, postedType, mapping) || deps.ledger.get(cashReceipt.key)?.status === LedgerStatus.done)) {
      return { kind: 'duplicate', ref: posted.externalId ?? '' };
    }

    const base = toIntacctSalesOrder(order, deps.rules);
    if (!base.ok) throw base.error;
    const planned = await applyCompanyRules(order, base.value, deps.company);
    if (!planned.ok) throw planned.error;
    const { entityId, appliedRules } = planned.value;
    let document = planned.value.document;
    if (!alreadyPosted && deps.review && headers[REVIEW_APPROVED_HEADER] !== 'approved') deps.review.check(order);
    const intacct = deps.intacct(entityId);

    if (deps.rules.customerId.from === 'order') {
      const customer = await ensureIntacctCustomer(order, {
        ledger: deps.ledger, intacct, customers: mapping.customers, customerIdPrefix: deps.rules.customerId.prefix ?? '',
        ledgerEntry: ledgerFor('customer', order.customer.customerId, order.customer.email), attempt,
      });
      if (customer.created) log.info({ customerId: customer.customerId, clarityCustomerId: order.customer.customerId }, 'customer created');
      document = { ...document, customerId: customer.customerId };
    }

    const result = await exactlyOnceEffect({
      ledger: deps.ledger, key: salesDocument.key, entry: salesDocument.entry, attempt, verifyDone: verify,
      duplicateCode: 'INTACCT.DUPLICATE_CONTROLID',
      find: async () => (await intacct.findSalesDocumentByReference(document.transactionType, order.orderNumber))?.key ?? null,
      // A re-enqueued order whose document vanished needs a fresh controlid: Intacct remembers the first.
      create: async () => (await intacct.createSalesOrder(document, { controlId: verify ? salesOrderControlId(`${order.orderId}-requeue-${offset}`) : salesOrderControlId(order.orderId) })).key,
    });
    if (result.kind === 'done') {
      deps.review?.observe(order);
      log.info({ docId: result.ref, orderId: order.orderId, entityId, type: document.transactionType, lines: order.lines.length, total: order.totals.grandTotal, rules: appliedRules }, 'sales document created');
    }

    const transactionType = documentTypeOf(result.ref, mapping.invoiceTransactionTypes) ?? document.transactionType;
    if (needsCashReceipt(order, transactionType, mapping)) {
      const receipt = await recordCashReceipt(order, { ledger: deps.ledger, intacct, mapping, transactionType, customerId: document.customerId, ledgerEntry: cashReceipt, attempt });
      if (receipt.kind === 'done') log.info({ paymentRecordNo: receipt.ref, orderId: order.orderId, amount: order.payment?.amount }, 'cash receipt applied to the invoice');
    }
    return result;
  },
});
