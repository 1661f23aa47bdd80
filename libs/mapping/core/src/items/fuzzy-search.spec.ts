import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { buildCatalogueIndex } from './catalogue-index.js';
import { fuzzySearch } from './fuzzy-search.js';
import { itemCatalogueSchema } from './item-catalogue.schema.js';
import { roundConfidence } from './item-candidate.js';
import { normaliseSku, skuSimilarity, trigrams } from './sku-similarity.js';

describe('fuzzySearch', () => {
  it('returns the same best scores as comparing with every SKU', () => {
    const word = fc.constantFrom('TRB', 'MUG', 'BEANS', 'ETH', 'COL', 'TEA', 'SENCHA', 'KETTLE', 'GN', 'V60', '1KG', '250G', '12OZ', '16OZ');
    const sku = fc.array(word, { minLength: 1, maxLength: 4 }).map((words) => words.join('-'));
    fc.assert(fc.property(fc.uniqueArray(sku, { minLength: 1, maxLength: 40 }), sku, fc.integer({ min: 1, max: 5 }), (skus, query, limit) => {
      const items = Object.fromEntries(skus.map((s, i) => [s, `ITEM-${i % 7}`]));
      const index = buildCatalogueIndex(itemCatalogueSchema.parse({ items }));
      const key = normaliseSku(query);
      const queryGrams = trigrams(key);

      const bestPerItem = new Map<string, number>();
      for (const entry of index.entries) {
        if (![...trigrams(entry.key)].some((gram) => queryGrams.has(gram))) continue;
        const score = skuSimilarity(key, entry.key);
        bestPerItem.set(entry.itemId, Math.max(score, bestPerItem.get(entry.itemId) ?? 0));
      }
      const expected = [...bestPerItem.values()].sort((a, b) => b - a).slice(0, limit).map(roundConfidence);

      const hits = fuzzySearch(index, key, limit);
      assert.deepEqual(hits.map((hit) => hit.confidence), expected);
      assert.equal(new Set(hits.map((hit) => hit.entry.itemId)).size, hits.length);
    }), { numRuns: 300 });
  });
});
