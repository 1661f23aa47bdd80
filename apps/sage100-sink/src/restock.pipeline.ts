import type { InventoryLevelEvent } from '@tributary/canonical-model';
import type { AvroEventCodec, PipelineDefinition, PipelineOutcome, TopicSpec } from '@tributary/kafka-runtime';
import { placeOrder } from './order-created.handler.js';
import type { SalesOrderPipelineDeps } from './sales-order.pipeline.js';

export interface RestockPipelineDeps {
  readonly source: TopicSpec;
  readonly codec: AvroEventCodec<InventoryLevelEvent>;
  readonly orders: SalesOrderPipelineDeps;
}

/**
 * inventory.level.v1 → release of orders held for stock: when a SKU they wait for shows stock
 * available, each is placed again (Sage's own quantities decide; one still short stays held).
 */
export const restockPipeline = (deps: RestockPipelineDeps): PipelineDefinition<InventoryLevelEvent> => ({
  name: 'sage100-held-order-release',
  source: deps.source,
  codec: deps.codec,
  system: 'sage100',
  handle: async ({ value: event, correlationId }, { attempt, log }): Promise<PipelineOutcome> => {
    if (Number(event.level.available) <= 0) return { kind: 'skipped', reason: `no stock of ${event.level.sku} available` };
    const waiting = deps.orders.held.waitingFor(event.level.sku);
    if (waiting.length === 0) return { kind: 'skipped', reason: `no order waits for ${event.level.sku}` };
    const placed: string[] = [];
    for (const held of waiting) {
      const outcome = await placeOrder(deps.orders, held.order, { event, correlationId, attempt, log, verify: false, approved: false });
      if (outcome.kind !== 'skipped') placed.push(`${held.orderNumber}=${outcome.ref}`);
      log.info({ orderId: held.orderId, sku: event.level.sku, outcome: outcome.kind }, outcome.kind === 'skipped' ? 'held order still short' : 'held order released on restock');
    }
    return placed.length > 0 ? { kind: 'done', ref: placed.join(',') } : { kind: 'skipped', reason: `orders waiting for ${event.level.sku} are still short` };
  },
});
