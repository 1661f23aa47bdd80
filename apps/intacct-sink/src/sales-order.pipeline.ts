import type { CrossReference, OrderEvent } from '@tributary/canonical-model';
import type { IntacctClient } from '@tributary/connectors-intacct';
import { applyCompanyRules, salesOrderControlId, toIntacctSalesOrder, type CompanyRules, type IntacctOrderMappingRules } from '@tributary/mapping-intacct';
import { REVIEW_APPROVED_HEADER, type OrderReview } from './order-review.js';
import { exactlyOnceEffect, LedgerStatus, type AvroEventCodec, type Ledger, type PipelineDefinition, type PipelineOutcome, type TopicSpec } from '@tributary/kafka-runtime';

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

export type IntacctPort = Pick<IntacctClient, 'createSalesOrder' | 'findSalesDocumentByReference'>;

const ledgerKey = (orderId: string) => `intacct:sales-order:${orderId}`;

/**
 * commerce.order.v1 → Sage Intacct Sales Order, exactly once in effect:
 * skip if the ledger says DONE → map (pure) → apply the company's mapping file (items,
 * dimensions, entity, state, rates) → hold anomalies for review → when the outcome of an earlier try is unknown,
 * look the document up by its reference → record PENDING → create with a deterministic
 * controlid (uniqueid=true) → record DONE. The runtime commits the offset afterwards.
 */
export const salesOrderPipeline = (deps: SalesOrderPipelineDeps): PipelineDefinition<OrderEvent> => ({
  name: 'intacct-sales-orders',
  source: deps.source,
  codec: deps.codec,
  system: 'intacct',
  stageOf: (error) => (error.code.startsWith('MAPPING.') || error.code.startsWith('REVIEW.') ? 'map' : 'deliver'),
  handle: async ({ value: event, correlationId, headers }, { attempt, log }): Promise<PipelineOutcome> => {
    if (event.eventType !== 'order.created') return { kind: 'skipped', reason: `${event.eventType} is not handled yet` };
    const { order } = event;
    const key = ledgerKey(order.orderId);
    const now = deps.clock ?? Date.now;
    const entry = (status: string, externalId: string | null, detail: string | null = null): CrossReference => ({
      key, system: 'intacct', entity: 'sales-order', sourceId: order.orderId, status, externalId,
      externalReference: order.orderNumber, eventId: event.eventId, correlationId, attempt, detail, updatedAt: now(),
    });

    const known = deps.ledger.get(key);
    if (known?.status === LedgerStatus.done) return { kind: 'duplicate', ref: known.externalId ?? '' };

    const base = toIntacctSalesOrder(order, deps.rules);
    if (!base.ok) throw base.error;
    const planned = await applyCompanyRules(order, base.value, deps.company);
    if (!planned.ok) throw planned.error;
    const { document, entityId, appliedRules } = planned.value;
    if (deps.review && headers[REVIEW_APPROVED_HEADER] !== 'approved') deps.review.check(order);
    const intacct = deps.intacct(entityId);

    const result = await exactlyOnceEffect({
      ledger: deps.ledger, key, entry, attempt,
      duplicateCode: 'INTACCT.DUPLICATE_CONTROLID',
      find: async () => (await intacct.findSalesDocumentByReference(document.transactionType, order.orderNumber))?.key ?? null,
      create: async () => (await intacct.createSalesOrder(document, { controlId: salesOrderControlId(order.orderId) })).key,
    });
    if (result.kind === 'done') {
      deps.review?.observe(order);
      log.info({ docId: result.ref, orderId: order.orderId, entityId, lines: order.lines.length, total: order.totals.grandTotal, rules: appliedRules }, 'sales order created');
    } else {
      log.info({ docId: result.ref, orderId: order.orderId }, 'sales order already in Intacct');
    }
    return result;
  },
});
