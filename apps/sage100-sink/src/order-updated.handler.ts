import { LedgerStatus, type PipelineOutcome } from '@tributary/kafka-runtime';
import { handleOrderCreated } from './order-created.handler.js';
import type { OrderHandler } from './sales-order.pipeline.js';

/**
 * order.updated: an order Sage 100 has never seen (or one still held) is placed from the new
 * snapshot; once a sales order exists, the warehouse works it in Sage 100 and later Clarity
 * edits are not pushed over it (skipped with the reason, visible in the outcomes).
 */
export const handleOrderUpdated: OrderHandler = async (deps, message, context): Promise<PipelineOutcome> => {
  const { order } = message.value;
  const posted = deps.ledger.get(`sage100:sales-order:${order.orderId}`);
  if (posted?.status === LedgerStatus.cancelled) return { kind: 'skipped', reason: `order ${order.orderNumber} was cancelled` };
  if (posted?.status === LedgerStatus.done) return { kind: 'skipped', reason: `order ${order.orderNumber} is ${posted.externalId} in Sage 100: changes after placement are made there` };
  return handleOrderCreated(deps, message, context);
};
