import { LedgerStatus, type PipelineOutcome } from '@tributary/kafka-runtime';
import { statusMap } from '@tributary/mapping-core';
import { ledgerEntries } from './ledger-entry.js';
import type { OrderHandler } from './sales-order.pipeline.js';

/**
 * order.cancelled: the facade cannot delete orders (BOI deletes are a manual step), so the open
 * Sage order gets the status map's cancelled status (H by default) and a comment; a held order is
 * released without placing it. The ledger marks the order CANCELLED so a late order.created
 * cannot bring it back.
 */
export const handleOrderCancelled: OrderHandler = async (deps, { value: event, correlationId }, context): Promise<PipelineOutcome> => {
  const { order } = event;
  const ledgerFor = ledgerEntries(event, correlationId, context.attempt, deps.clock ?? Date.now);
  const salesOrder = ledgerFor('sales-order', order.orderId, order.orderNumber);
  const posted = deps.ledger.get(salesOrder.key);
  if (posted?.status === LedgerStatus.cancelled) return { kind: 'duplicate', ref: posted.externalId ?? '' };
  await deps.held.release(order.orderId, ledgerFor('held', order.orderId, order.orderNumber), 'cancelled in Clarity');
  const ref = posted?.status === LedgerStatus.done ? posted.externalId : null;
  if (ref) {
    const [company = '', salesOrderNo = ''] = ref.split('+')[0]!.split('-');
    const status = (statusMap(deps.company.mapping, 'sage100').toTarget('cancelled') ?? 'H') as 'N' | 'O' | 'C' | 'H';
    await deps.sage(company).updateSalesOrder(salesOrderNo, { OrderStatus: status, Comment: 'Cancelled in Clarity' });
  }
  await deps.ledger.record(salesOrder.entry(LedgerStatus.cancelled, ref, ref ? `status set on ${ref}` : 'cancelled before it reached Sage 100'));
  context.log.info({ salesOrder: ref, orderId: order.orderId }, ref ? 'sales order put on hold (order cancelled)' : 'order cancelled before it reached Sage 100');
  return ref ? { kind: 'done', ref } : { kind: 'skipped', reason: `order ${order.orderNumber} was cancelled before it reached Sage 100` };
};
