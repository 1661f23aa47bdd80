import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { validateOrderTotals, type OrderAmounts } from './validate-order-totals.js';

/** A Clarity web order from Portland, OR: two hiking socks bundles with a promo, a daypack, three water bottles. */
const order: OrderAmounts = {
  currency: 'USD',
  lines: [
    { quantity: 2, unitPrice: '49.99', discount: '5.00', tax: '7.84' },
    { quantity: 1, unitPrice: '129.00', discount: '0.00', tax: '10.64' },
    { quantity: 3, unitPrice: '12.49', discount: '0.00', tax: '3.09' },
  ],
  shipping: '9.95',
  totals: { subtotal: '266.45', discountTotal: '5.00', taxTotal: '21.57', shippingTotal: '9.95', grandTotal: '292.97' },
};

const failure = (input: OrderAmounts) => {
  const result = validateOrderTotals(input);
  if (result.ok) assert.fail('expected the order to be rejected');
  assert.equal(result.error.transient, false);
  return { code: result.error.code, path: result.error.details['path'], message: result.error.message, problems: result.error.details['problems'] as unknown[] };
};

describe('validateOrderTotals', () => {
  it('accepts an order that adds up', () => {
    assert.deepEqual(validateOrderTotals(order), { ok: true, value: undefined });
  });

  it('explains a grand total that does not add up, with the sum and the difference', () => {
    const problem = failure({ ...order, totals: { ...order.totals, grandTotal: '302.97' } });
    assert.equal(problem.code, 'MAPPING.INVALID_TOTALS');
    assert.equal(problem.path, 'totals.grandTotal');
    assert.equal(problem.message, 'The order grand total is 302.97 USD but subtotal 266.45 USD − discounts 5.00 USD + tax 21.57 USD + shipping 9.95 USD = 292.97 USD (a difference of 10.00 USD).');
  });

  it('points at the subtotal when the lines do not come to it, and lists every problem', () => {
    const problem = failure({ ...order, totals: { ...order.totals, subtotal: '266.54' } });
    assert.equal(problem.path, 'totals.subtotal');
    assert.match(problem.message, /order subtotal is 266\.54 USD but the lines \(quantity × unit price\) come to 266\.45 USD \(a difference of 0\.09 USD\)/);
    assert.equal(problem.problems.length, 2); // the grand total no longer matches the stated subtotal either
  });

  it('checks discount, tax and shipping totals against the lines', () => {
    assert.equal(failure({ ...order, totals: { ...order.totals, discountTotal: '0.00', grandTotal: '297.97' } }).path, 'totals.discountTotal');
    assert.equal(failure({ ...order, totals: { ...order.totals, taxTotal: '21.75', grandTotal: '293.15' } }).path, 'totals.taxTotal');
    assert.equal(failure({ ...order, shipping: '12.95' }).path, 'totals.shippingTotal');
  });

  it('names the line and field of an amount that is not a number or is negative', () => {
    const lines = order.lines.map((line) => ({ ...line }));
    lines[2] = { ...order.lines[2]!, unitPrice: '12,49' };
    const notANumber = failure({ ...order, lines });
    assert.deepEqual([notANumber.code, notANumber.path], ['MAPPING.INVALID_AMOUNT', 'lines[2].unitPrice']);
    assert.equal(notANumber.message, 'The line 3 unit price "12,49" is not an amount (expected a number such as 19.99).');

    lines[2] = { ...order.lines[2]!, tax: '-3.09' };
    const negative = failure({ ...order, lines });
    assert.deepEqual([negative.code, negative.path], ['MAPPING.NEGATIVE_AMOUNT', 'lines[2].tax']);
    assert.match(negative.message, /line 3 tax is negative \(-3\.09 USD\)/);
    assert.equal(failure({ ...order, shipping: '-9.95', totals: { ...order.totals, shippingTotal: '-9.95' } }).path, 'shipping');
  });

  it('rejects a zero or negative quantity', () => {
    const problem = failure({ ...order, lines: [{ ...order.lines[0]!, quantity: 0 }, ...order.lines.slice(1)] });
    assert.deepEqual([problem.code, problem.path], ['MAPPING.INVALID_QUANTITY', 'lines[0].quantity']);
    assert.match(problem.message, /^Line 1 has a quantity of 0; every line must have a quantity above zero\./);
    assert.equal(failure({ ...order, lines: [{ ...order.lines[0]!, quantity: -2 }, ...order.lines.slice(1)] }).path, 'lines[0].quantity');
    assert.equal(failure({ ...order, lines: [{ ...order.lines[0]!, quantity: Number.NaN }, ...order.lines.slice(1)] }).path, 'lines[0].quantity');
  });

  it('rejects a line discounted below zero', () => {
    const problem = failure({
      ...order,
      lines: [{ ...order.lines[0]!, discount: '105.00' }, ...order.lines.slice(1)],
      totals: { ...order.totals, discountTotal: '105.00', grandTotal: '192.97' },
    });
    assert.equal(problem.path, 'lines[0].discount');
    assert.equal(problem.message, 'Line 1 has a discount of 105.00 USD, more than the line itself (99.98 USD).');
  });

  it('accepts a subtotal rounded per line or rounded once, as carts do both', () => {
    const fractional = (subtotal: string, grandTotal: string): OrderAmounts => ({
      currency: 'USD',
      lines: [
        { quantity: 1, unitPrice: '0.4450', discount: '0.00', tax: '0.00' },
        { quantity: 1, unitPrice: '0.4450', discount: '0.00', tax: '0.00' },
      ],
      shipping: '0.00',
      totals: { subtotal, discountTotal: '0.00', taxTotal: '0.00', shippingTotal: '0.00', grandTotal },
    });
    assert.equal(validateOrderTotals(fractional('0.90', '0.90')).ok, true); // 0.45 + 0.45
    assert.equal(validateOrderTotals(fractional('0.89', '0.89')).ok, true); // 0.89 rounded once
    assert.equal(failure(fractional('0.88', '0.88')).path, 'totals.subtotal');
  });

  it('checks in the currency’s own decimals', () => {
    const yen: OrderAmounts = {
      currency: 'JPY',
      lines: [{ quantity: 2, unitPrice: '3480', discount: '500', tax: '646' }],
      shipping: '800',
      totals: { subtotal: '6960', discountTotal: '500', taxTotal: '646', shippingTotal: '800', grandTotal: '7906' },
    };
    assert.equal(validateOrderTotals(yen).ok, true);
    assert.match(failure({ ...yen, totals: { ...yen.totals, grandTotal: '7960' } }).message, /= 7906 JPY \(a difference of 54 JPY\)/);
    const unknown = failure({ ...yen, currency: 'YEN' });
    assert.deepEqual([unknown.code, unknown.path], ['MAPPING.UNKNOWN_CURRENCY', 'currency']);
  });
});
