import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ItemResolver } from './item-resolver.js';
import { itemCatalogueSchema } from './item-catalogue.schema.js';

// A distributor-sized catalogue: 10,000 SKUs built from real-looking parts, each unique.
const ranges = ['TRB', 'BARISTA', 'ORIGIN', 'HOMEBREW', 'CAFEPRO'];
const products = ['ESPRESSO', 'GRINDER', 'KETTLE', 'FRENCHPRESS', 'POUROVER', 'TEAPOT', 'INFUSER', 'TAMPER', 'MILKJUG', 'CANISTER'];
const finishes = ['BLACK', 'WHITE', 'STEEL', 'COPPER', 'WALNUT', 'GRAPHITE', 'SAGE', 'CREAM', 'NAVY', 'OLIVE'];
const skuAt = (i: number): string =>
  `${ranges[i % 5]}-${products[Math.floor(i / 5) % 10]}-${finishes[Math.floor(i / 50) % 10]}-${String(i).padStart(5, '0')}`;

const items = Object.fromEntries(Array.from({ length: 10_000 }, (_, i) => [skuAt(i), `ITM${String(100_000 + i)}`]));
// The threshold is lowered so that ordinary typos auto-map: this spec is about finding the
// right item among 10,000, not about how cautious the default is.
const resolver = new ItemResolver(itemCatalogueSchema.parse({ items, fuzzy: { autoMapThreshold: 0.85 } }));

/** Drops the second letter of the product word ("GRINDER" → "GINDER"), a typo on a long SKU. */
const withTypo = (sku: string): string => sku.replace(/^([A-Z]+-[A-Z])[A-Z]/, '$1');

describe('ItemResolver over 10,000 items', () => {
  it('resolves 1,000 store SKUs to the right items', () => {
    for (let n = 0; n < 1_000; n++) {
      const i = (n * 7_919) % 10_000; // spread over the whole catalogue
      const sku = skuAt(i);
      const sent = n % 4 === 0 ? sku : n % 4 === 1 ? sku.toLowerCase().replaceAll('-', ' ') : n % 4 === 2 ? withTypo(sku) : `ZZ-DISCONTINUED-${n}`;
      const result = resolver.resolve(sent);
      if (n % 4 === 3) {
        assert.ok(!result.ok, `${sent} should not map`);
        assert.equal(result.error.code, 'MAPPING.UNMAPPED_SKU');
        continue;
      }
      assert.ok(result.ok, `${sent} should map to ${sku}: ${result.ok ? '' : result.error.message}`);
      assert.equal(result.value.itemId, `ITM${String(100_000 + i)}`, sent);
      assert.equal(result.value.reason, (['exact', 'normalised', 'fuzzy'] as const)[n % 4]);
    }
  });
});
