import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { amount, toDecimalString } from './money.js';
import { lineTotal, orderTotals } from './order-totals.js';

describe('order totals', () => {
  it('formats money with exactly two decimals', () => {
    assert.deepEqual(['19.9', '2', '0', '1234567.89'].map((text) => toDecimalString(amount(text))), ['19.90', '2.00', '0.00', '1234567.89']);
  });

  it('computes a line total as quantity × unitPrice − discount, without float drift', () => {
    assert.equal(toDecimalString(lineTotal({ quantity: 3, unitPrice: '0.1', discount: '0', tax: '0' })), '0.30');
    assert.equal(toDecimalString(lineTotal({ quantity: 2_000_000, unitPrice: '9999999999.99', discount: '0.01', tax: '0' })), '19999999999979999.99');
  });

  it('sums subtotal, discounts, tax and shipping into the grand total', () => {
    const totals = orderTotals(
      [
        { quantity: 1, unitPrice: '0.10', discount: '0', tax: '0.01' },
        { quantity: 1, unitPrice: '0.20', discount: '0.05', tax: '0.01' },
      ],
      amount('4.99'),
    );
    assert.deepEqual(Object.fromEntries(Object.entries(totals).map(([key, value]) => [key, toDecimalString(value)])), {
      subtotal: '0.30', discountTotal: '0.05', taxTotal: '0.02', shippingTotal: '4.99', grandTotal: '5.26',
    });
  });
});
