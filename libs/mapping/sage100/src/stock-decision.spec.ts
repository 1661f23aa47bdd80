import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { decideStock, stockRuleFor } from './stock-decision.js';
import { creditProblem } from './credit-decision.js';

const line = (sku: string, ItemCode: string, QuantityOrdered: number) => ({ sku, lineId: sku, ItemCode, ItemType: '1' as const, WarehouseCode: '000', QuantityOrdered, UnitPrice: 10 });

describe('stock and credit decisions', () => {
  const lines = [line('TRB-KETTLE-GOOSENECK', 'KETTLE-GOOSENECK', 3), line('TRB-MUG-12OZ', 'MUG-12OZ', 2), line('TRB-KETTLE-GOOSENECK', 'KETTLE-GOOSENECK', 1)];
  const available = new Map([['KETTLE-GOOSENECK@000', 2], ['MUG-12OZ@000', 10]]);

  it('is in stock when every line can be filled', () => {
    assert.deepEqual(decideStock(lines, new Map([['KETTLE-GOOSENECK@000', 4], ['MUG-12OZ@000', 2]]), 'hold'), { kind: 'in-stock' });
  });

  it('splits what can ship now from the back order; lines of one item draw on one quantity', () => {
    const decision = decideStock(lines, available, 'split');
    assert.equal(decision.kind, 'split');
    if (decision.kind !== 'split') return;
    assert.deepEqual(decision.now.map((l) => [l.ItemCode, l.QuantityOrdered]), [['KETTLE-GOOSENECK', 2], ['MUG-12OZ', 2]]);
    assert.deepEqual(decision.later.map((l) => [l.ItemCode, l.QuantityOrdered]), [['KETTLE-GOOSENECK', 1], ['KETTLE-GOOSENECK', 1]]);
  });

  it('holds or back-orders by the store rule', () => {
    assert.equal(decideStock(lines, available, 'hold').kind, 'hold');
    assert.equal(decideStock(lines, available, 'backorder').kind, 'backorder');
    assert.equal(stockRuleFor('store-eu', { default: 'backorder', stores: { 'store-eu': 'hold' } }), 'hold');
    assert.equal(stockRuleFor('store-us-1', { default: 'backorder', stores: { 'store-eu': 'hold' } }), 'backorder');
  });

  it('sees a credit problem on hold or over the limit (0 = no limit)', () => {
    const customer = { CustomerNo: 'ACME', CreditHold: 'N' as const, CreditLimit: 500, CurrentBalance: 450 };
    assert.match(creditProblem(customer, '60.00') ?? '', /exceeds the credit limit 500.00/);
    assert.equal(creditProblem(customer, '50.00'), null);
    assert.match(creditProblem({ ...customer, CreditHold: 'Y' }, '1.00') ?? '', /credit hold/);
    assert.equal(creditProblem({ ...customer, CreditLimit: 0 }, '9999.00'), null);
  });
});
