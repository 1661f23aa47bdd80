import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { samplePaths } from './sample-paths.js';

describe('samplePaths', () => {
  it('lists every leaf as a dotted path with arrays as []', () => {
    const paths = samplePaths({
      orderId: '10482',
      customer: { email: 'maria.okafor@example.com' },
      lineItems: [{ sku: 'TRB-GRINDER-BURR', quantity: 1 }],
      tags: ['wholesale', 'portland'],
    });
    assert.deepEqual(paths, [
      { path: 'orderId', value: '10482' },
      { path: 'customer.email', value: 'maria.okafor@example.com' },
      { path: 'lineItems[].sku', value: 'TRB-GRINDER-BURR' },
      { path: 'lineItems[].quantity', value: 1 },
      { path: 'tags[]', value: 'wholesale' },
    ]);
  });

  it('finds fields that only some array elements carry, with their first real value', () => {
    const paths = samplePaths({ lineItems: [{ sku: 'TRB-MUG-12OZ', giftMessage: null }, { sku: 'TRB-TEA-EARL-100G', giftMessage: 'Happy birthday, Sam!' }] });
    assert.deepEqual(paths, [
      { path: 'lineItems[].sku', value: 'TRB-MUG-12OZ' },
      { path: 'lineItems[].giftMessage', value: 'Happy birthday, Sam!' },
    ]);
  });

  it('skips empty arrays and objects, which show no field', () => {
    assert.deepEqual(samplePaths({ discounts: [], metadata: {}, couponCode: null }), [{ path: 'couponCode', value: null }]);
  });
});
