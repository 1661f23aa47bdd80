import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import type { Product } from '@tributary/canonical-model';
import { ItemResolver, loadMappingConfig, type MappingConfig } from '@tributary/mapping-core';
import { toIntacctItemUpdate } from './item-update.js';

const root = join(fileURLToPath(import.meta.url), '../../../../..');
const mapping = loadMappingConfig(join(root, 'config/mappings/default.yaml'));
const rulesFor = (m: MappingConfig) => ({ mapping: m, items: new ItemResolver(m.items) });

const product = (overrides: Partial<Product> = {}): Product => ({
  sku: 'TRB-MUG-12OZ', erpItemId: null, name: 'Ceramic mug, 12 oz', description: 'Stoneware, dishwasher safe', price: '21.50', currency: 'USD', status: 'active', version: 'v1',
  ...overrides,
});

describe('toIntacctItemUpdate', () => {
  it('sends only the fields Clarity masters (default: price and description)', () => {
    const result = toIntacctItemUpdate(product(), rulesFor(mapping));
    assert.ok(result.ok);
    assert.deepEqual(result.value.update, { itemId: 'MUG-12OZ', description: 'Stoneware, dishwasher safe', basePrice: '21.50' });
    assert.deepEqual(result.value.skipped, ['name: the ERP is master', 'status: the ERP is master']);
  });

  it('never writes a price in another currency as BASEPRICE', () => {
    const result = toIntacctItemUpdate(product({ currency: 'EUR', description: null }), rulesFor(mapping));
    assert.ok(result.ok);
    assert.equal(result.value.update, null);
    assert.match(result.value.skipped.join(), /price: in EUR, not the base currency USD/);
  });

  it('follows the mapping file when Clarity masters the name and status too', () => {
    const all = { ...mapping, products: { clarityMasters: ['name', 'status'] as const } } as unknown as MappingConfig;
    const result = toIntacctItemUpdate(product({ status: 'inactive' }), rulesFor(all));
    assert.ok(result.ok);
    assert.deepEqual(result.value.update, { itemId: 'MUG-12OZ', name: 'Ceramic mug, 12 oz', status: 'inactive' });
  });

  it('refuses an unmapped SKU and a malformed price', () => {
    const unmapped = toIntacctItemUpdate(product({ sku: 'NOPE-XYZ-123' }), rulesFor(mapping));
    assert.ok(!unmapped.ok);
    assert.equal(unmapped.error.code, 'MAPPING.UNMAPPED_SKU');
    const price = toIntacctItemUpdate(product({ price: '21,50' }), rulesFor(mapping));
    assert.ok(!price.ok);
    assert.equal(price.error.code, 'MAPPING.INVALID_AMOUNT');
  });
});
