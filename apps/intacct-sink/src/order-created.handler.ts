import { salesOrderControlId } from '@tributary/mapping-intacct';
import { exactlyOnceEffect, LedgerStatus, OperatorHeader, type PipelineOutcome } from '@tributary/kafka-runtime';
import { checkoutPayment } from '@tributary/mapping-intacct';
import { cashReceiptLedgerEntry, needsCashReceipt, recordCashReceipt } from './cash-receipt.step.js';
import { ledgerEntries } from './ledger-entry.js';
import { ensureOrderParties } from './order-parties.js';
import { REVIEW_APPROVED_HEADER } from '@tributary/mapping-core';
import { recordAppliedVersion } from './order-version.js';
import { planDocument } from './plan-document.js';
import type { OrderHandler } from './sales-order.pipeline.js';

/** The document type is the prefix of Intacct's DOCID ("Sales Invoice-SO0042"). */
export const documentTypeOf = (docId: string | null | undefined, types: readonly string[]) => types.find((t) => docId?.startsWith(`${t}-`));

/**
 * order.created (or an update of an order Intacct has never seen): map → company rules → review
 * → customer → ship-to and bill-to contacts → sales document → cash receipt for invoices paid at checkout.
 */
export const handleOrderCreated: OrderHandler = async (deps, { value: event, correlationId, headers, offset }, { attempt, log }): Promise<PipelineOutcome> => {
  const { order } = event;
  const { mapping } = deps.company;
  const ledgerFor = ledgerEntries(event, correlationId, attempt, deps.clock ?? Date.now);
  const salesDocument = ledgerFor('sales-order', order.orderId, order.orderNumber);
  const payment = checkoutPayment(order);
  const cashReceipt = payment ? cashReceiptLedgerEntry(ledgerFor, payment) : undefined;

  const posted = deps.ledger.get(salesDocument.key);
  if (posted?.status === LedgerStatus.cancelled) return { kind: 'skipped', reason: `order ${order.orderNumber} was cancelled` };
  const postedType = documentTypeOf(posted?.externalId, mapping.invoiceTransactionTypes);
  // Re-enqueued by reconciliation because the document is missing: verify, whatever the ledger says.
  const verify = headers[OperatorHeader.requeue] === 'missing';
  const alreadyPosted = posted?.status === LedgerStatus.done && !verify;
  if (alreadyPosted && (!postedType || !needsCashReceipt(order, postedType, mapping) || (cashReceipt !== undefined && deps.ledger.get(cashReceipt.key)?.status === LedgerStatus.done))) {
    return { kind: 'duplicate', ref: posted.externalId ?? '' };
  }

  const planned = await planDocument(deps, order);
  const { entityId, appliedRules } = planned;
  let document = planned.document;
  if (!alreadyPosted && deps.review && headers[REVIEW_APPROVED_HEADER] !== 'approved') deps.review.check(order);
  const intacct = deps.intacct(entityId);

  const parties = await ensureOrderParties(order, document.customerId, { deps, intacct, ledgerFor, attempt, log });
  document = { ...document, customerId: parties.customerId, shipToContact: parties.shipToContact, billToContact: parties.billToContact };

  const result = await exactlyOnceEffect({
    ledger: deps.ledger, key: salesDocument.key, entry: salesDocument.entry, attempt, verifyDone: verify,
    duplicateCode: 'INTACCT.DUPLICATE_CONTROLID',
    find: async () => (await intacct.findSalesDocumentByReference(document.transactionType, order.orderNumber))?.key ?? null,
    // A re-enqueued order whose document vanished needs a fresh controlid: Intacct remembers the first.
    create: async () => (await intacct.createSalesOrder(document, { controlId: verify ? salesOrderControlId(`${order.orderId}-requeue-${offset}`) : salesOrderControlId(order.orderId) })).key,
  });
  await recordAppliedVersion(deps.ledger, ledgerFor, order, event.occurredAt, order.lines.length);
  if (result.kind === 'done') {
    deps.review?.observe(order);
    log.info({ docId: result.ref, orderId: order.orderId, entityId, type: document.transactionType, lines: order.lines.length, total: order.totals.grandTotal, rules: appliedRules }, 'sales document created');
  }

  const transactionType = documentTypeOf(result.ref, mapping.invoiceTransactionTypes) ?? document.transactionType;
  if (payment && cashReceipt && needsCashReceipt(order, transactionType, mapping)) {
    const receipt = await recordCashReceipt(payment, {
      ledger: deps.ledger, intacct, mapping, customerId: document.customerId, ledgerEntry: cashReceipt, attempt, ...(verify ? { verify: { offset } } : {}),
      invoice: () => intacct.findSalesDocumentByReference(transactionType, order.orderNumber),
    });
    if (receipt.kind === 'done') log.info({ paymentRecordNo: receipt.ref, orderId: order.orderId, amount: order.payment?.amount }, 'cash receipt applied to the invoice');
  }
  return result;
};
