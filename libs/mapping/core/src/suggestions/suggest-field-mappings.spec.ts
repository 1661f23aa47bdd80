import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { clarityOrderSample, intacctSalesOrderTargets } from './clarity-order.fixture.js';
import { suggestFieldMappings, type FieldMappingSuggestion } from './suggest-field-mappings.js';

const best = (suggestions: readonly FieldMappingSuggestion[], target: string): FieldMappingSuggestion | undefined =>
  suggestions.find((s) => s.target === target);

describe('suggestFieldMappings on a Clarity order and Intacct sales order fields', () => {
  const suggestions = suggestFieldMappings(clarityOrderSample, [...intacctSalesOrderTargets]);

  it('ranks the obvious source first for each target', () => {
    const expected = {
      TOTAL: 'totalAmount',
      CUSTVENDID: 'customerId',
      WHENCREATED: 'orderDate',
      ITEMID: 'lineItems[].sku',
      QUANTITY: 'lineItems[].quantity',
      PRICE: 'lineItems[].unitPrice',
      CURRENCY: 'currency',
    };
    for (const [target, source] of Object.entries(expected)) assert.equal(best(suggestions, target)?.source, source, target);
  });

  it('beats the runner-up by a clear margin, not by rounding', () => {
    for (const target of ['TOTAL', 'CUSTVENDID', 'ITEMID']) {
      const [first, second] = suggestions.filter((s) => s.target === target);
      assert.ok(first !== undefined && second !== undefined && first.score - second.score >= 0.1, target);
    }
  });

  it('explains each suggestion in words a reviewer can check', () => {
    assert.equal(best(suggestions, 'TOTAL')?.why, 'name: total = total; value "361.23" fits number, looks like example "361.23"');
    assert.match(best(suggestions, 'CUSTVENDID')?.why ?? '', /^name: CUSTVENDID read as "custvend id"; custvend ≈ customer, id = id/);
    assert.match(best(suggestions, 'WHENCREATED')?.why ?? '', /created ≈ date; value "2026-11-24T15:42:08Z" fits date/);
    assert.match(best(suggestions, 'ITEMID')?.why ?? '', /ITEMID read as "sku"; sku = sku/);
  });

  it('lists targets in the order given, each best first, at most three, none below 0.3', () => {
    const order = [...new Set(suggestions.map((s) => s.target))];
    assert.deepEqual(order, intacctSalesOrderTargets.map((t) => t.name).filter((name) => order.includes(name)));
    for (const target of order) {
      const scores = suggestions.filter((s) => s.target === target).map((s) => s.score);
      assert.ok(scores.length <= 3);
      assert.deepEqual(scores, [...scores].sort((a, b) => b - a));
      assert.ok(scores.every((score) => score >= 0.3 && score <= 1));
    }
  });

  it('suggests nothing for a target no sample field resembles', () => {
    assert.equal(best(suggestions, 'MESSAGE'), undefined);
  });
});

describe('suggestFieldMappings options and value fit', () => {
  it('honours perTarget and minScore', () => {
    const one = suggestFieldMappings(clarityOrderSample, [{ name: 'TOTAL' }], { perTarget: 1 });
    assert.deepEqual(one.map((s) => s.source), ['totalAmount']);
    assert.deepEqual(suggestFieldMappings(clarityOrderSample, [{ name: 'TOTAL' }], { minScore: 0.99 }), []);
  });

  it('lets the value decide between fields named alike', () => {
    const sample = { payment: { amount: 'paid in full' }, shipping: { amount: '12.50' } };
    const [top] = suggestFieldMappings(sample, [{ name: 'AMOUNT', type: 'number' }]);
    assert.equal(top?.source, 'shipping.amount');
  });

  it('reads snake_case and Salesforce-style names too', () => {
    const sample = { order_total: 361.23, cust_no: 'C-1042', created_at: '2026-11-24T15:42:08Z' };
    const suggestions = suggestFieldMappings(sample, [{ name: 'TotalAmount' }, { name: 'AccountNumber' }, { name: 'CreatedDate' }], { perTarget: 1 });
    assert.deepEqual(suggestions.map((s) => [s.target, s.source]), [['TotalAmount', 'order_total'], ['AccountNumber', 'cust_no'], ['CreatedDate', 'created_at']]);
  });
});
