import assert from 'node:assert/strict';
import { Decimal } from 'decimal.js';
import type { ClarityOrderPayload } from '@tributary/simulator-clarity';
import type { StoredSalesDocument } from '@tributary/simulator-intacct';
import { itemIds } from './e2e-stack.js';

const money = (value: unknown) => new Decimal(String(value)).toFixed(2);

/** The Sales Order in Intacct carries the Clarity order's lines, quantities, prices and total, exactly. */
export const assertDocumentMatchesOrder = (document: StoredSalesDocument, order: ClarityOrderPayload) => {
  // config/mappings/default.yaml: mobile orders paid at checkout become Sales Invoices.
  const invoiced = order.channel === 'mobile' && order.paymentInfo?.status === 'captured';
  assert.equal(document.transactionType, invoiced ? 'Sales Invoice' : 'Sales Order', `document type of ${order.orderId}`);
  assert.equal(document.referenceNo, order.orderNumber ?? order.orderId);
  assert.equal(document.currency, order.currency);
  assert.equal(document.total, money(order.totalAmount), `total of ${order.orderId}`);
  assert.deepEqual(
    document.lines.map((line) => ({ itemId: line.itemId, quantity: String(Number(line.quantity)), price: money(line.price) })),
    order.lineItems.map((item) => ({ itemId: itemIds[item.sku], quantity: String(item.quantity), price: money(item.unitPrice) })),
    `lines of ${order.orderId}`,
  );
};

/** Exactly one document per order reference, and nothing else. */
export const documentsByReference = (documents: readonly StoredSalesDocument[]) => {
  const byReference = new Map<string, StoredSalesDocument[]>();
  for (const document of documents) byReference.set(document.referenceNo, [...(byReference.get(document.referenceNo) ?? []), document]);
  return byReference;
};
