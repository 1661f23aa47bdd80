import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { IntacctItem, IntacctSalesDocumentRef } from '@tributary/connectors-intacct';
import { toOrderStatusEvent, orderStatusOf, type ModifiedSalesDocument } from './order-status-event.js';
import { toProductEvent } from './product-event.js';

const item: IntacctItem = { recordNo: '7', itemId: 'MUG-12OZ', name: 'Mug', status: 'active', basePrice: '21.50', description: 'Stoneware', modifiedAt: Date.UTC(2026, 10, 26, 8) };
const document = (state: string, overrides: Partial<IntacctSalesDocumentRef> = {}): ModifiedSalesDocument => ({
  key: 'Sales Order-SO0042', recordNo: '42', docNo: 'SO0042', state, total: '26.59', referenceNo: 'CL-10077', transactionType: 'Sales Order', currency: 'USD', modifiedAt: Date.UTC(2026, 10, 26, 9), ...overrides,
});

describe('inbound Intacct events', () => {
  it('a product event carries the SKU, the ERP id and a version that changes with content, not with reads', () => {
    const first = toProductEvent(item, 'TRB-MUG-12OZ', 'USD');
    assert.equal(first.product.sku, 'TRB-MUG-12OZ');
    assert.equal(first.product.erpItemId, 'MUG-12OZ');
    assert.equal(first.product.price, '21.50');
    assert.equal(first.product.currency, 'USD');
    assert.deepEqual(toProductEvent(item, 'TRB-MUG-12OZ', 'USD'), first);
    assert.notEqual(toProductEvent({ ...item, basePrice: '22.00' }, 'TRB-MUG-12OZ', 'USD').product.version, first.product.version);
  });

  it('document states read as Clarity statuses, raw codes included', () => {
    assert.equal(orderStatusOf('Pending', false), 'open');
    assert.equal(orderStatusOf('O', false), 'open');
    assert.equal(orderStatusOf('Pending', true), 'invoiced');
    assert.equal(orderStatusOf('C', false), 'invoiced');
    assert.equal(orderStatusOf('Partially Converted', false), 'in_progress');
    assert.equal(orderStatusOf('D', false), 'closed');
    assert.equal(orderStatusOf('Declined', false), 'cancelled');
  });

  it('an order-status event is keyed by the order number and versioned by state and time', () => {
    const event = toOrderStatusEvent(document('Converted'), ['Sales Invoice']);
    assert.equal(event.orderStatus.orderNumber, 'CL-10077');
    assert.equal(event.orderStatus.status, 'invoiced');
    assert.equal(event.orderStatus.documentType, 'Sales Order');
    assert.equal(toOrderStatusEvent(document('Converted'), ['Sales Invoice']).eventId, event.eventId);
    assert.notEqual(toOrderStatusEvent(document('Closed'), ['Sales Invoice']).eventId, event.eventId);
  });
});
