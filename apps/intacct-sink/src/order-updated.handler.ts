import { IntegrationError } from '@tributary/core';
import { LedgerStatus, type PipelineOutcome } from '@tributary/kafka-runtime';
import { documentChangeControlId } from './document-control-id.js';
import { ledgerEntries } from './ledger-entry.js';
import { ensureOrderParties } from './order-parties.js';
import { handleOrderCreated } from './order-created.handler.js';
import { isStale, lastAppliedVersion, recordAppliedVersion } from './order-version.js';
import { planDocument } from './plan-document.js';
import type { OrderHandler } from './sales-order.pipeline.js';

/**
 * order.updated → update_sotransaction on the existing document: header, ship-to and bill-to
 * contacts (created first when an address is new), lines (changed by line number, new ones
 * appended) and subtotals from the new snapshot. Older events than the state
 * Intacct reflects are skipped; an order Intacct never saw is created from the snapshot; a change
 * Intacct's state forbids (closed, converted, paid) comes back as a business error → DLQ with
 * Intacct's reason. Removing lines is refused: update_sotransaction cannot delete them.
 */
export const handleOrderUpdated: OrderHandler = async (deps, message, context): Promise<PipelineOutcome> => {
  const { value: event, correlationId } = message;
  const { order } = event;
  if (isStale(deps.ledger, order.orderId, event.occurredAt)) return { kind: 'skipped', reason: `stale ${event.eventType}: Intacct already reflects a newer state of order ${order.orderNumber}` };
  const ledgerFor = ledgerEntries(event, correlationId, context.attempt, deps.clock ?? Date.now);
  const posted = deps.ledger.get(ledgerFor('sales-order', order.orderId, order.orderNumber).key);
  if (posted?.status === LedgerStatus.cancelled) return { kind: 'skipped', reason: `order ${order.orderNumber} was cancelled` };

  const planned = await planDocument(deps, order);
  const { document, entityId } = planned;
  const intacct = deps.intacct(entityId);
  const docId = posted?.status === LedgerStatus.done && posted.externalId
    ? posted.externalId
    : (await intacct.findSalesDocumentByReference(document.transactionType, order.orderNumber))?.key;
  if (!docId) return handleOrderCreated(deps, message, context);

  const previousLines = lastAppliedVersion(deps.ledger, order.orderId)?.lines ?? document.lines.length;
  if (document.lines.length < previousLines) {
    throw IntegrationError.permanent('INTACCT.LINE_REMOVAL_UNSUPPORTED', `order ${order.orderNumber} now has ${document.lines.length} lines instead of ${previousLines}: update_sotransaction cannot delete lines, adjust ${docId} in Intacct by hand`, { orderId: order.orderId, docId });
  }
  // A new ship-to (or bill-to) address is a new contact; an unchanged one is the contact the document already names.
  const parties = await ensureOrderParties(order, document.customerId, { deps, intacct, ledgerFor, attempt: context.attempt, log: context.log });
  try {
    await intacct.updateSalesOrder(docId, {
      ...(document.message ? { message: document.message } : {}),
      shipToContact: parties.shipToContact,
      billToContact: parties.billToContact,
      ...(document.state ? { state: document.state } : {}),
      updateLines: document.lines.slice(0, previousLines).map((line, index) => ({ ...line, lineNo: index + 1 })),
      addLines: document.lines.slice(previousLines),
      subtotals: document.subtotals,
    }, { controlId: documentChangeControlId('update', order.orderId, event.occurredAt) });
  } catch (error) {
    // A replayed controlid means this very update was applied before its reply was lost.
    if (!(error instanceof IntegrationError && error.code === 'INTACCT.DUPLICATE_CONTROLID')) throw error;
  }
  await recordAppliedVersion(deps.ledger, ledgerFor, order, event.occurredAt, document.lines.length);
  context.log.info({ docId, orderId: order.orderId, lines: document.lines.length, shipToContact: parties.shipToContact }, 'sales document updated');
  return { kind: 'done', ref: docId };
};
