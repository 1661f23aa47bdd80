import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import type { OrderReturn } from '@tributary/canonical-model';
import { ItemResolver, loadMappingConfig } from '@tributary/mapping-core';
import { toIntacctCreditMemo } from './credit-memo.js';

const root = join(fileURLToPath(import.meta.url), '../../../../..');
const mapping = loadMappingConfig(join(root, 'config/mappings/default.yaml'));
const rules = { mapping, items: new ItemResolver(mapping.items) };
const origin = { documentKey: 'Sales Invoice-INV0042', customerId: 'CUST-301' };

const aReturn = (overrides: Partial<OrderReturn> = {}): OrderReturn => ({
  returnId: 'ret-9', returnNumber: 'RMA-9', orderId: '10077', orderNumber: 'CL-10077', customerId: 'cust-301', currency: 'USD',
  createdAt: Date.UTC(2026, 10, 28, 12), reason: 'arrived chipped',
  lines: [{ lineId: '2', sku: 'TRB-MUG-12-OZ', quantity: 1, unitPrice: '19.99', tax: '1.65', restock: false }],
  shippingRefund: '4.95', refundTotal: '26.59',
  ...overrides,
});

describe('toIntacctCreditMemo', () => {
  it('is a credit memo created from the original document, lines by ITEMID, tax and shipping as subtotals', () => {
    const result = toIntacctCreditMemo(aReturn(), origin, rules);
    assert.ok(result.ok, result.ok ? '' : result.error.message);
    const memo = result.value;
    assert.equal(memo.transactionType, 'Sales Credit Memo');
    assert.equal(memo.createdFrom, 'Sales Invoice-INV0042');
    assert.equal(memo.customerId, 'CUST-301');
    assert.equal(memo.referenceNo, 'RMA-9');
    assert.equal(memo.externalId, 'ret-9');
    assert.deepEqual(memo.dateCreated, { year: 2026, month: 11, day: 28 });
    assert.deepEqual(memo.lines.map((l) => [l.itemId, l.quantity, l.price, l.memo]), [['MUG-12OZ', 1, '19.99', 'not restocked']]);
    assert.deepEqual(memo.subtotals, [{ description: 'Shipping', total: '4.95' }, { description: 'Tax', total: '1.65' }]);
    assert.match(memo.message ?? '', /RMA-9 of order CL-10077: arrived chipped/);
  });

  it('refuses a return whose refund total does not add up', () => {
    const result = toIntacctCreditMemo(aReturn({ refundTotal: '26.60' }), origin, rules);
    assert.ok(!result.ok);
    assert.equal(result.error.code, 'MAPPING.TOTALS_MISMATCH');
    assert.match(result.error.message, /26\.59, but the refund total is 26\.60/);
  });

  it('carries the exchange rate of the return day for a foreign-currency return', () => {
    const result = toIntacctCreditMemo(aReturn({ currency: 'EUR' }), origin, rules);
    assert.ok(result.ok, result.ok ? '' : result.error.message);
    assert.equal(result.value.baseCurrency, 'USD');
    assert.ok(result.value.exchangeRate);
    assert.deepEqual(result.value.exchangeRateDate, { year: 2026, month: 11, day: 24 });
  });

  it('refuses an unmapped SKU with the item resolver\'s code and the line path', () => {
    const result = toIntacctCreditMemo(aReturn({ lines: [{ lineId: '1', sku: 'NOPE-XYZ-123', quantity: 1, unitPrice: '19.99', tax: '1.65', restock: true }] }), origin, rules);
    assert.ok(!result.ok);
    assert.equal(result.error.code, 'MAPPING.UNMAPPED_SKU');
    assert.equal(result.error.details['path'], 'lines[0].sku');
  });

  it('refuses zero or fractional quantities and negative prices', () => {
    for (const line of [{ quantity: 0 }, { quantity: 1.5 }, { unitPrice: '-1.00' }]) {
      const bad = aReturn();
      const result = toIntacctCreditMemo({ ...bad, lines: [{ ...bad.lines[0]!, ...line }] }, origin, rules);
      assert.ok(!result.ok);
      assert.match(result.error.code, /MAPPING\.INVALID_(LINE|AMOUNT)/);
    }
  });
});
