import assert from 'node:assert/strict';
import { Decimal } from 'decimal.js';
import type { ClarityOrderPayload } from '@tributary/simulator-clarity';
import type { IntacctSimulator, StoredSalesDocument } from '@tributary/simulator-intacct';
import { cashReceiptReference } from '@tributary/mapping-intacct';
import { standardiseAddress } from '@tributary/mapping-core';
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

/** The document names a ship-to and a bill-to CONTACT that Intacct has, carrying the order's standardised addresses. */
export const assertDocumentContacts = (intacct: IntacctSimulator, document: StoredSalesDocument, order: ClarityOrderPayload) => {
  for (const [role, contactName, address] of [['ship-to', document.shipToContact, order.shippingAddress], ['bill-to', document.billToContact, order.billingAddress]] as const) {
    const contact = intacct.contacts().find((c) => c.contactName === contactName);
    assert.ok(contact, `${role} contact of ${document.referenceNo}: ${contactName}`);
    const standard = standardiseAddress(address);
    if (!standard.ok) continue;
    assert.deepEqual(
      [contact.mailAddress?.address1, contact.mailAddress?.city, contact.mailAddress?.zip, contact.mailAddress?.isoCountryCode],
      [standard.value.line1, standard.value.city, standard.value.postalCode, standard.value.country],
      `${role} address of ${document.referenceNo}`,
    );
  }
};

/** Exactly one document per order reference, and nothing else. */
export const documentsByReference = (documents: readonly StoredSalesDocument[]) => {
  const byReference = new Map<string, StoredSalesDocument[]>();
  for (const document of documents) byReference.set(document.referenceNo, [...(byReference.get(document.referenceNo) ?? []), document]);
  return byReference;
};

/**
 * The invariants of the whole Intacct side: one sales document per order reference, one CUSTOMER
 * per Clarity customer, one CONTACT per name, one cash receipt per order, and every invoice paid at
 * checkout settled.
 */
export const assertIntacctHasNoDuplicates = (intacct: IntacctSimulator) => {
  const counts = (values: Array<string | undefined>) => values.filter((v): v is string => v !== undefined).reduce((m, v) => m.set(v, (m.get(v) ?? 0) + 1), new Map<string, number>());
  const twice = (m: Map<string, number>) => [...m].filter(([, n]) => n > 1).map(([k]) => k);
  assert.deepEqual(twice(counts(intacct.documents().map((d) => d.referenceNo))), [], 'duplicate sales documents');
  assert.deepEqual(twice(counts(intacct.customers().map((c) => c.clarityId))), [], 'duplicate customers');
  assert.deepEqual(twice(counts(intacct.contacts().map((c) => c.contactName))), [], 'duplicate contacts');
  assert.deepEqual(twice(counts(intacct.payments().map((p) => p.docNumber))), [], 'duplicate cash receipts');
};

/** Orders the default mapping file turns into invoices: their payment is applied in full. */
export const assertInvoicesSettled = (intacct: IntacctSimulator, orders: readonly ClarityOrderPayload[]) => {
  for (const order of orders.filter((o) => o.channel === 'mobile' && o.paymentInfo?.status === 'captured')) {
    const ref = order.orderNumber ?? order.orderId;
    const invoice = intacct.arInvoices().find((i) => i.docId === intacct.documents().find((d) => d.referenceNo === ref)?.docId);
    assert.ok(invoice, `AR invoice for ${ref}`);
    assert.equal(invoice.openBalance, '0.00', `invoice of ${ref} settled by its cash receipt`);
    const payment = intacct.payments().find((p) => p.docNumber === cashReceiptReference({ orderNumber: ref, transactionId: order.paymentInfo?.transactionId ?? null }));
    assert.equal(payment?.amount, money(order.paymentInfo!.amount), `cash receipt amount of ${ref}`);
    assert.equal(payment?.undepositedAccountNo !== undefined, true);
  }
};
