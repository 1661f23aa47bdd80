import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { IntegrationError } from '@tributary/core';
import { assessOrder } from './assess-order.js';
import type { OrderFacts } from './order-facts.js';
import { OrderHistoryStats } from './order-history-stats.js';

const order = (orderId: string, customerId: string, grandTotal: string, quantity = 1): OrderFacts => ({
  orderId,
  customerId,
  storeId: 'clarity-ca-wholesale',
  grandTotal,
  currency: 'CAD',
  isNewCustomer: false,
  billingCountry: 'CA',
  shippingCountry: 'CA',
  lines: [{ sku: 'TEA-EARLGREY-500G', quantity }, { sku: 'TEA-EARLGREY-500G', quantity }],
});

describe('OrderHistoryStats', () => {
  it('keeps only the last N totals per customer and store', () => {
    const stats = new OrderHistoryStats({ window: 3 });
    ['100.00', '110.00', '120.00', '130.00'].forEach((total, i) => stats.observe(order(`SO-${i}`, 'CUST-7', total)));
    assert.deepEqual(stats.customerTotals('CUST-7', 'CAD').map(String), ['110', '120', '130']);
    assert.deepEqual(stats.storeTotals('clarity-ca-wholesale', 'cad').map(String), ['110', '120', '130']);
  });

  it('adds up a SKU split over several lines before remembering its quantity', () => {
    const stats = new OrderHistoryStats();
    stats.observe(order('SO-1', 'CUST-7', '64.00', 3));
    assert.deepEqual(stats.skuQuantities('TEA-EARLGREY-500G').map(Number), [6]);
  });

  it('forgets the customer seen longest ago when full', () => {
    const stats = new OrderHistoryStats({ maxCustomers: 2 });
    stats.observe(order('SO-1', 'CUST-A', '10.00'));
    stats.observe(order('SO-2', 'CUST-B', '20.00'));
    stats.observe(order('SO-3', 'CUST-A', '11.00'));
    stats.observe(order('SO-4', 'CUST-C', '30.00'));
    assert.deepEqual(stats.customerTotals('CUST-B', 'CAD'), []);
    assert.equal(stats.customerTotals('CUST-A', 'CAD').length, 2);
  });

  it('ignores a total that is not a number instead of poisoning the history', () => {
    const stats = new OrderHistoryStats();
    stats.observe(order('SO-1', 'CUST-7', 'N/A'));
    assert.deepEqual(stats.customerTotals('CUST-7', 'CAD'), []);
    assert.equal(stats.skuQuantities('TEA-EARLGREY-500G').length, 1);
  });

  it('restores from a JSON round trip to the same decisions', () => {
    const stats = new OrderHistoryStats({ window: 20, maxCustomers: 1000 });
    ['412.30', '389.00', '455.15', '401.80', '420.00', '397.45', '433.60'].forEach((total, i) => stats.observe(order(`SO-${i}`, 'CUST-7', total, 4 + (i % 3))));
    const restored = OrderHistoryStats.restore(JSON.parse(JSON.stringify(stats.snapshot())));
    assert.deepEqual(restored.snapshot(), stats.snapshot());
    const big = order('SO-99', 'CUST-7', '8450.00', 90);
    assert.deepEqual(assessOrder(big, restored), assessOrder(big, stats));
    assert.ok(assessOrder(big, restored).hold);
  });

  it('refuses a snapshot it does not understand, permanently', () => {
    assert.throws(
      () => OrderHistoryStats.restore({ version: 2, customers: [] }),
      (error: unknown) => error instanceof IntegrationError && error.code === 'ANOMALY.INVALID_SNAPSHOT' && !error.transient,
    );
    const snapshot = new OrderHistoryStats().snapshot();
    assert.throws(() => OrderHistoryStats.restore({ ...snapshot, stores: [{ storeId: 's', currency: 'CAD', totals: ['1e9'] }] }), IntegrationError);
  });
});
