import { IntegrationError } from '@tributary/core';
import type { CrossReference, OrderEvent } from '@tributary/canonical-model';
import type { IntacctClient } from '@tributary/connectors-intacct';
import { salesOrderControlId, toIntacctSalesOrder, type IntacctOrderMappingRules } from '@tributary/mapping-intacct';
import { LedgerStatus, type AvroEventCodec, type Ledger, type PipelineDefinition, type PipelineOutcome, type TopicSpec } from '@tributary/kafka-runtime';

export interface SalesOrderPipelineDeps {
  readonly source: TopicSpec;
  readonly codec: AvroEventCodec<OrderEvent>;
  readonly intacct: Pick<IntacctClient, 'createSalesOrder' | 'findSalesDocumentByReference'>;
  readonly ledger: Ledger<CrossReference>;
  readonly rules: IntacctOrderMappingRules;
  readonly clock?: () => number;
}

const ledgerKey = (orderId: string) => `intacct:sales-order:${orderId}`;

/**
 * commerce.order.v1 → Sage Intacct Sales Order, exactly once in effect:
 * skip if the ledger says DONE → map (pure) → when the outcome of an earlier try is unknown,
 * look the document up by its reference → record PENDING → create with a deterministic
 * controlid (uniqueid=true) → record DONE. The runtime commits the offset afterwards.
 */
export const salesOrderPipeline = (deps: SalesOrderPipelineDeps): PipelineDefinition<OrderEvent> => ({
  name: 'intacct-sales-orders',
  source: deps.source,
  codec: deps.codec,
  system: 'intacct',
  stageOf: (error) => (error.code.startsWith('MAPPING.') ? 'map' : 'deliver'),
  handle: async ({ value: event, correlationId }, { attempt, log }): Promise<PipelineOutcome> => {
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

    const mapped = toIntacctSalesOrder(order, deps.rules);
    if (!mapped.ok) throw mapped.error;

    const findExisting = async () => {
      const found = await deps.intacct.findSalesDocumentByReference(deps.rules.transactionType, order.orderNumber);
      if (found) await deps.ledger.record(entry(LedgerStatus.done, found.key));
      return found;
    };

    // An earlier try may have created the document without us learning it: look before creating.
    if (known?.status === LedgerStatus.pending || attempt > 1) {
      const found = await findExisting();
      if (found) {
        log.info({ docId: found.key, orderId: order.orderId }, 'sales order already in Intacct (earlier outcome was unknown)');
        return { kind: 'duplicate', ref: found.key };
      }
    }

    await deps.ledger.record(entry(LedgerStatus.pending, null));
    try {
      const { key: docId } = await deps.intacct.createSalesOrder(mapped.value, { controlId: salesOrderControlId(order.orderId) });
      await deps.ledger.record(entry(LedgerStatus.done, docId));
      log.info({ docId, orderId: order.orderId, lines: order.lines.length, total: order.totals.grandTotal }, 'sales order created');
      return { kind: 'done', ref: docId };
    } catch (error) {
      if (error instanceof IntegrationError && error.code === 'INTACCT.DUPLICATE_CONTROLID') {
        const found = await findExisting();
        if (found) return { kind: 'duplicate', ref: found.key };
        throw IntegrationError.transient('INTACCT.DUPLICATE_NOT_VISIBLE', 'Intacct refused a replayed controlid but the document is not visible yet', { orderId: order.orderId }, error);
      }
      if (error instanceof IntegrationError && !error.transient) {
        await deps.ledger.record(entry(LedgerStatus.failed, null, `${error.code}: ${error.message}`.slice(0, 500)));
      }
      throw error;
    }
  },
});
