import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Decimal } from 'decimal.js';
import type { ClarityOrder } from '@tributary/connectors-clarity';
import { toCanonicalOrder } from './to-canonical-order.js';

const order = (overrides: Partial<ClarityOrder> = {}): ClarityOrder => ({
  orderId: '88021', orderNumber: 'CL-88021', customerId: 'cust-912', orderDate: '2026-11-25T16:20:00Z', status: 'pending', currency: 'USD',
  storeId: 'store-us-1', channel: 'web',
  customer: { email: 'priya.natarajan@example.com', firstName: 'Priya', lastName: 'Natarajan', company: null, phone: null },
  billingAddress: { name: 'Priya Natarajan', line1: '41 Elm Street', line2: null, city: 'Portland', region: 'OR', postalCode: '97205', country: 'US' },
  shippingAddress: { name: 'Priya Natarajan', line1: '41 Elm Street', line2: null, city: 'Portland', region: 'OR', postalCode: '97205', country: 'US' },
  lineItems: [
    { lineId: '1', sku: 'TRB-KETTLE-GOOSENECK', name: 'Gooseneck kettle', quantity: 1, unitPrice: '89.00', discount: '0', tax: '0' },
    { lineId: '2', sku: 'TRB-FILTER-V60-100', name: 'V60 filters', quantity: 3, unitPrice: '4.95', discount: '0', tax: '0' },
    { lineId: '3', sku: 'TRB-BEANS-ETH-1KG', name: 'Ethiopia beans 1 kg', quantity: 1, unitPrice: '31.90', discount: '1.90', tax: '0' },
  ],
  shipping: { method: 'USPS Priority', amount: '8.50' },
  paymentInfo: { method: 'visa', transactionId: 'ch_1', amount: '130.35', status: 'captured' },
  couponCode: 'WELCOME10',
  orderDiscount: '10.00',
  totalAmount: '132.35',
  ...overrides,
});

describe('order-level coupon allocation', () => {
  it('spreads the coupon over the lines in proportion to their amounts, to the cent', () => {
    const result = toCanonicalOrder(order());
    assert.ok(result.ok, result.ok ? '' : result.error.message);
    const lines = result.value.lines;
    // weights 89.00, 14.85, 30.00 (after the line's own 1.90) → 6.65, 1.11, 2.24 (largest remainder), +1.90 own on line 3
    assert.deepEqual(lines.map((l) => l.discount), ['6.65', '1.11', '4.14']);
    const coupon = lines.reduce((sum, l) => sum.plus(l.discount), new Decimal(0)).minus('1.90');
    assert.equal(coupon.toFixed(2), '10.00');
    assert.equal(result.value.totals.discountTotal, '11.90');
    assert.equal(result.value.totals.grandTotal, '132.35');
    assert.deepEqual(lines.map((l) => l.lineTotal), ['82.35', '13.74', '27.76']);
  });

  it('refuses a coupon larger than the order', () => {
    const result = toCanonicalOrder(order({ orderDiscount: '500.00', totalAmount: '0.00' }));
    assert.equal(result.ok, false);
  });

  it('leaves lines alone without an order-level coupon', () => {
    const result = toCanonicalOrder(order({ orderDiscount: undefined, totalAmount: '142.35' }));
    assert.ok(result.ok, result.ok ? '' : result.error.message);
    assert.deepEqual(result.value.lines.map((l) => l.discount), ['0.00', '0.00', '1.90']);
  });
});
