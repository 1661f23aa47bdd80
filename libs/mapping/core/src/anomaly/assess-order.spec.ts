import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { assessOrder, combine } from './assess-order.js';
import type { OrderFacts } from './order-facts.js';
import { OrderHistoryStats } from './order-history-stats.js';

const regular = 'CUST-10482';

const order = (overrides: Partial<OrderFacts> & Pick<OrderFacts, 'orderId' | 'grandTotal'>): OrderFacts => ({
  customerId: regular,
  storeId: 'clarity-us-retail',
  currency: 'USD',
  isNewCustomer: false,
  billingCountry: 'US',
  shippingCountry: 'US',
  lines: [{ sku: 'CB-ESP-1KG', quantity: 2 }, { sku: 'MUG-STN-12OZ', quantity: 1 }],
  ...overrides,
});

/** A store with three regulars and a few one-off buyers, totals and quantities in the usual range. */
const storeWithHistory = (): OrderHistoryStats => {
  const stats = new OrderHistoryStats();
  const regularTotals = ['212.40', '187.95', '264.00', '239.99', '198.50', '251.25', '226.80', '243.10'];
  const others = ['84.99', '129.00', '310.45', '56.20', '402.75', '145.60', '99.95', '178.30', '520.00', '67.45', '233.10', '158.00'];
  regularTotals.forEach((grandTotal, i) => stats.observe(order({ orderId: `SO-2026-${1000 + i}`, grandTotal, lines: [{ sku: 'CB-ESP-1KG', quantity: 1 + (i % 3) }] })));
  others.forEach((grandTotal, i) =>
    stats.observe(order({ orderId: `SO-2026-${2000 + i}`, customerId: `CUST-2${i}`, grandTotal, lines: [{ sku: 'CB-ESP-1KG', quantity: 1 + (i % 2) }, { sku: 'MUG-STN-12OZ', quantity: 1 + (i % 4) }] })),
  );
  return stats;
};

const options = { holdThreshold: 0.7, minHistory: 5 };

describe('assessOrder', () => {
  it('scores a normal order from a regular customer as nothing to see', () => {
    const assessment = assessOrder(order({ orderId: 'SO-2026-3001', grandTotal: '231.75' }), storeWithHistory(), options);
    assert.deepEqual(assessment, { score: 0, hold: false, reasons: [] });
  });

  it('holds a 20× order from a regular customer and says why, with the numbers', () => {
    const assessment = assessOrder(order({ orderId: 'SO-2026-3002', grandTotal: '4667.90' }), storeWithHistory(), options);
    assert.ok(assessment.score >= 0.7, `score ${assessment.score}`);
    assert.equal(assessment.hold, true);
    const customer = assessment.reasons.find((reason) => reason.code === 'CUSTOMER_TOTAL_SPIKE');
    assert.ok(customer);
    assert.match(customer.message, /^order total 4667\.90 USD \(20\.0× the median\) is far above customer CUST-10482's history: median 233\.395 over 8 orders, MAD 19\.425, robust z 154\.0 ≥ 3\.5$/);
    assert.equal(assessment.reasons[0]?.code, 'CUSTOMER_TOTAL_SPIKE', 'strongest reason first');
  });

  it('holds a new customer’s high-value order billed and shipped to different countries', () => {
    const assessment = assessOrder(
      order({ orderId: 'SO-2026-3003', customerId: 'CUST-99120', isNewCustomer: true, grandTotal: '1899.00', billingCountry: 'DE', shippingCountry: 'NG' }),
      storeWithHistory(),
      options,
    );
    assert.equal(assessment.hold, true);
    const reason = assessment.reasons.find((r) => r.code === 'NEW_CUSTOMER_HIGH_VALUE_CROSS_BORDER');
    assert.ok(reason);
    assert.match(reason.message, /1899\.00 USD.*95th percentile of 408\.61 USD over 20 orders, billed to DE but shipped to NG/);
  });

  it('lets each part of that pattern pass on its own', () => {
    const stats = storeWithHistory();
    const gift = assessOrder(order({ orderId: 'SO-2026-3004', customerId: 'CUST-99121', isNewCustomer: true, grandTotal: '89.50', billingCountry: 'US', shippingCountry: 'CA' }), stats, options);
    const bigSpender = assessOrder(order({ orderId: 'SO-2026-3005', customerId: 'CUST-99122', isNewCustomer: true, grandTotal: '610.00' }), stats, options);
    assert.equal(gift.hold, false);
    assert.equal(bigSpender.hold, false);
    assert.ok(!bigSpender.reasons.some((r) => r.code === 'NEW_CUSTOMER_HIGH_VALUE_CROSS_BORDER'));
  });

  it('flags a quantity far above what is usually bought of a SKU', () => {
    const assessment = assessOrder(order({ orderId: 'SO-2026-3006', grandTotal: '240.00', lines: [{ sku: 'MUG-STN-12OZ', quantity: 240 }] }), storeWithHistory(), options);
    const [reason] = assessment.reasons;
    assert.equal(reason?.code, 'SKU_QUANTITY_SPIKE');
    assert.match(reason.message, /quantity 240 of SKU MUG-STN-12OZ/);
    assert.equal(assessment.hold, false, 'a quantity spike alone is a flag, not a hold');
  });

  it('stays silent, statistically, while the history is too short', () => {
    const stats = new OrderHistoryStats();
    ['212.40', '187.95', '264.00'].forEach((grandTotal, i) => stats.observe(order({ orderId: `SO-2026-${1000 + i}`, grandTotal })));
    const assessment = assessOrder(order({ orderId: 'SO-2026-3007', grandTotal: '9999.00', isNewCustomer: true, billingCountry: 'US', shippingCountry: 'RU' }), stats, options);
    assert.deepEqual(assessment, { score: 0, hold: false, reasons: [] });
  });

  it('compares totals only within their currency', () => {
    const assessment = assessOrder(order({ orderId: 'SO-2026-3008', grandTotal: '34500', currency: 'JPY' }), storeWithHistory(), options);
    assert.deepEqual(assessment.reasons, []);
  });

  it('copes with a customer who always spends the same (MAD = 0)', () => {
    const stats = new OrderHistoryStats();
    for (let i = 0; i < 6; i += 1) stats.observe(order({ orderId: `SO-SUB-${i}`, grandTotal: '49.99' }));
    const same = assessOrder(order({ orderId: 'SO-SUB-6', grandTotal: '49.99' }), stats, options);
    const slightlyMore = assessOrder(order({ orderId: 'SO-SUB-7', grandTotal: '54.99' }), stats, options);
    const muchMore = assessOrder(order({ orderId: 'SO-SUB-8', grandTotal: '999.00' }), stats, options);
    assert.equal(same.score, 0);
    assert.equal(slightlyMore.score, 0);
    assert.ok(muchMore.hold);
    assert.ok(Number.isFinite(muchMore.score));
  });

  it('is deterministic: same order, same history, same verdict', () => {
    const suspicious = order({ orderId: 'SO-2026-3009', grandTotal: '4635.00', lines: [{ sku: 'MUG-STN-12OZ', quantity: 120 }] });
    assert.deepEqual(assessOrder(suspicious, storeWithHistory(), options), assessOrder(suspicious, storeWithHistory(), options));
  });

  it('applies the documented defaults', () => {
    const stats = storeWithHistory();
    const suspicious = order({ orderId: 'SO-2026-3010', grandTotal: '4635.00' });
    assert.deepEqual(assessOrder(suspicious, stats), assessOrder(suspicious, stats, options));
  });
});

describe('combine', () => {
  it('is a noisy OR that stays in [0, 1]', () => {
    assert.equal(combine([]), 0);
    assert.equal(combine([0.75]), 0.75);
    assert.equal(combine([0.5, 0.5]), 0.75);
    assert.equal(combine([0.8, 0.5, 0.5, 0.75]), 0.988);
    assert.equal(combine([1, 0.3]), 1);
  });
});
