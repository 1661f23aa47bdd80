import type { OrderEvent } from '@tributary/canonical-model';
import type { AvroEventCodec, PipelineDefinition, TopicSpec } from '@tributary/kafka-runtime';
import type { OrderDirectory } from './order-directory.js';

export interface OrderDirectoryPipelineDeps {
  readonly source: TopicSpec;
  readonly codec: AvroEventCodec<OrderEvent>;
  readonly directory: OrderDirectory;
}

/** commerce.order.v1 (Clarity's orders) → the order directory: which Clarity order id an order number is. */
export const orderDirectoryPipeline = (deps: OrderDirectoryPipelineDeps): PipelineDefinition<OrderEvent> => ({
  name: 'clarity-order-directory',
  source: deps.source,
  codec: deps.codec,
  system: 'kafka',
  handle: async ({ value: event, correlationId }) => {
    const { orderId, orderNumber } = event.order;
    if (event.source !== 'clarity') return { kind: 'skipped', reason: `order from ${event.source}: not a Clarity order id` };
    const learned = await deps.directory.learn(orderNumber, orderId, { eventId: event.eventId, correlationId });
    return learned ? { kind: 'done', ref: orderId } : { kind: 'duplicate', ref: orderId };
  },
});
