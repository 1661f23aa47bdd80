import { IntegrationError } from '@tributary/core';
import { LedgerStatus, type PipelineOutcome } from '@tributary/kafka-runtime';
import { documentChangeControlId } from './document-control-id.js';
import { ledgerEntries } from './ledger-entry.js';
import { isStale, recordAppliedVersion } from './order-version.js';
import { planDocument } from './plan-document.js';
import type { OrderHandler } from './sales-order.pipeline.js';

/**
 * order.cancelled → delete_sotransaction while the document is still open (Pending/Draft). When
 * Intacct's state forbids it (converted, closed, an invoice already paid) the business error and
 * its reason go to the DLQ: such an order needs a credit memo, not a deletion. The ledger marks the
 * order CANCELLED so a late order.created cannot bring the document back.
 */
export const handleOrderCancelled: OrderHandler = async (deps, { value: event, correlationId }, context): Promise<PipelineOutcome> => {
  const { order } = event;
  if (isStale(deps.ledger, order.orderId, event.occurredAt)) return { kind: 'skipped', reason: `stale ${event.eventType} for order ${order.orderNumber}` };
  const ledgerFor = ledgerEntries(event, correlationId, context.attempt, deps.clock ?? Date.now);
  const salesDocument = ledgerFor('sales-order', order.orderId, order.orderNumber);
  const posted = deps.ledger.get(salesDocument.key);
  if (posted?.status === LedgerStatus.cancelled) return { kind: 'duplicate', ref: posted.externalId ?? '' };

  const planned = await planDocument(deps, order);
  const intacct = deps.intacct(planned.entityId);
  const docId = posted?.status === LedgerStatus.done && posted.externalId
    ? posted.externalId
    : (await intacct.findSalesDocumentByReference(planned.document.transactionType, order.orderNumber))?.key;

  if (docId) {
    try {
      await intacct.deleteSalesOrder(docId, { controlId: documentChangeControlId('cancel', order.orderId, event.occurredAt) });
    } catch (error) {
      if (!(error instanceof IntegrationError && error.code === 'INTACCT.DUPLICATE_CONTROLID')) throw error;
    }
  }
  await deps.ledger.record(salesDocument.entry(LedgerStatus.cancelled, docId ?? null, docId ? `deleted ${docId}` : 'cancelled before it reached Intacct'));
  await recordAppliedVersion(deps.ledger, ledgerFor, order, event.occurredAt, 0);
  context.log.info({ docId, orderId: order.orderId }, docId ? 'sales document deleted (order cancelled)' : 'order cancelled before it reached Intacct');
  return docId ? { kind: 'done', ref: docId } : { kind: 'skipped', reason: `order ${order.orderNumber} was cancelled before it reached Intacct` };
};
