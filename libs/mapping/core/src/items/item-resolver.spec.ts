import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { IntegrationError } from '@tributary/core';
import { ItemResolver } from './item-resolver.js';
import { itemCatalogueSchema } from './item-catalogue.schema.js';
import type { ItemCandidate } from './item-candidate.js';
import { coffeeShop } from './test-catalogue.js';

const mapped = (resolver: ItemResolver, sku: string): ItemCandidate => {
  const result = resolver.resolve(sku);
  assert.ok(result.ok, `expected ${sku} to map, got ${result.ok ? '' : result.error.message}`);
  return result.value;
};

const unmapped = (resolver: ItemResolver, sku: string): IntegrationError => {
  const result = resolver.resolve(sku);
  assert.ok(!result.ok, `expected ${sku} not to map`);
  return result.error;
};

describe('itemCatalogueSchema', () => {
  it('fills in the conservative fuzzy defaults and empty aliases', () => {
    const catalogue = itemCatalogueSchema.parse({ items: { 'TRB-MUG-12OZ': 'MUG-CER-12' } });
    assert.deepEqual(catalogue.aliases, {});
    assert.deepEqual(catalogue.fuzzy, { enabled: true, autoMapThreshold: 0.92, maxSuggestions: 3 });
  });

  it('rejects a threshold outside 0..1', () => {
    assert.equal(itemCatalogueSchema.safeParse({ items: {}, fuzzy: { autoMapThreshold: 1.2 } }).success, false);
  });
});

describe('ItemResolver.resolve', () => {
  const resolver = new ItemResolver(coffeeShop());

  it('maps a catalogue SKU exactly', () => {
    assert.deepEqual(mapped(resolver, 'TRB-GRINDER-BURR'), { itemId: 'GRD-BURR-40', sku: 'TRB-GRINDER-BURR', confidence: 1, reason: 'exact' });
  });

  it('follows an alias to its canonical SKU, or straight to an item id', () => {
    assert.deepEqual(mapped(resolver, 'AMZ-B0C9XMUG12'), { itemId: 'MUG-CER-12', sku: 'TRB-MUG-12OZ', confidence: 1, reason: 'alias' });
    assert.deepEqual(mapped(resolver, 'TRB-KETTLE-GN'), { itemId: 'KTL-GN-900', sku: 'TRB-KETTLE-GOOSENECK', confidence: 1, reason: 'alias' });
  });

  it('matches the same SKU typed with other case, spaces or punctuation at 0.99', () => {
    assert.deepEqual(mapped(resolver, 'trb mug 12oz'), { itemId: 'MUG-CER-12', sku: 'TRB-MUG-12OZ', confidence: 0.99, reason: 'normalised' });
    assert.equal(mapped(resolver, 'trb_kettle_gn').itemId, 'KTL-GN-900');
  });

  it('maps a typo in a long SKU when it is above the auto-map threshold', () => {
    const candidate = mapped(resolver, 'TRB-BEANS-ESPRESSSO-1KG');
    assert.equal(candidate.itemId, 'BNS-ESP-1000');
    assert.equal(candidate.reason, 'fuzzy');
    assert.ok(candidate.confidence >= 0.92 && candidate.confidence < 0.99);
    assert.equal(candidate.confidence, Math.round(candidate.confidence * 1000) / 1000);
  });

  it('does not map a similar SKU below the threshold and names the suggestions', () => {
    const error = unmapped(resolver, 'TRB-GRINDR-BURR');
    assert.ok(error instanceof IntegrationError);
    assert.equal(error.code, 'MAPPING.UNMAPPED_SKU');
    assert.equal(error.transient, false);
    assert.equal(error.details['sku'], 'TRB-GRINDR-BURR');
    const suggestions = error.details['suggestions'] as ItemCandidate[];
    assert.equal(suggestions[0]?.itemId, 'GRD-BURR-40');
    assert.ok(suggestions.length <= 3);
    assert.match(error.message, /TRB-GRINDR-BURR/);
    assert.match(error.message, /TRB-GRINDER-BURR → GRD-BURR-40 \(fuzzy 0\.\d+\)/);
  });

  it('never auto-maps a SKU whose numbers differ, however low the threshold', () => {
    const lenient = new ItemResolver(coffeeShop({ fuzzy: { autoMapThreshold: 0.5 } }));
    const error = unmapped(lenient, 'TRB-BEANS-ETH-5KG');
    assert.match(error.message, /differs in its numbers/);
    assert.equal((error.details['suggestions'] as ItemCandidate[])[0]?.itemId, 'BNS-ETH-1000');
    assert.equal(mapped(lenient, 'TRB-GRINDR-BURR').itemId, 'GRD-BURR-40');
  });

  it('reports an unknown SKU with no suggestions when nothing is alike', () => {
    const error = unmapped(resolver, 'QQQ');
    assert.deepEqual(error.details['suggestions'], []);
    assert.match(error.message, /no similar SKU/);
  });

  it('does not guess when fuzzy matching is off', () => {
    const strict = new ItemResolver(coffeeShop({ fuzzy: { enabled: false } }));
    assert.match(unmapped(strict, 'TRB-BEANS-ESPRESSSO-1KG').message, /fuzzy matching is off/);
    assert.equal(mapped(strict, 'trb-mug-12oz').reason, 'normalised');
  });

  it('refuses a spelling that normalises to two different items', () => {
    const clash = new ItemResolver(itemCatalogueSchema.parse({ items: { 'TRB-MUG-12OZ': 'MUG-CER-12', 'TRB.MUG.12OZ': 'MUG-CER-12-SECONDS' } }));
    const error = unmapped(clash, 'trb mug 12oz');
    assert.deepEqual((error.details['suggestions'] as ItemCandidate[]).map((s) => s.itemId), ['MUG-CER-12', 'MUG-CER-12-SECONDS']);
    assert.match(error.message, /several items/);
  });

  it('does not pick between two items that are equally close', () => {
    const twins = new ItemResolver(itemCatalogueSchema.parse({ items: { 'TRB-MUGA-12OZ': 'MUG-A-12', 'TRB-MUGB-12OZ': 'MUG-B-12' }, fuzzy: { autoMapThreshold: 0.5 } }));
    const error = unmapped(twins, 'TRB-MUG-12OZ');
    assert.match(error.message, /equally close/);
    assert.deepEqual((error.details['suggestions'] as ItemCandidate[]).map((s) => s.itemId), ['MUG-A-12', 'MUG-B-12']);
  });

  it('rejects an empty SKU without suggestions', () => {
    assert.deepEqual(unmapped(resolver, ' - ').details['suggestions'], []);
  });
});

describe('ItemResolver.suggest', () => {
  it('puts the certain match first, then similar items, one per item, at most maxSuggestions', () => {
    const suggestions = new ItemResolver(coffeeShop()).suggest('TRB-BEANS-ETH-1KG');
    assert.equal(suggestions.length, 3);
    assert.deepEqual(suggestions[0], { itemId: 'BNS-ETH-1000', sku: 'TRB-BEANS-ETH-1KG', confidence: 1, reason: 'exact' });
    assert.equal(new Set(suggestions.map((s) => s.itemId)).size, 3);
    assert.ok(suggestions.slice(1).every((s) => s.reason === 'fuzzy' && s.confidence < 1));
    assert.equal(suggestions[1]?.itemId, 'BNS-ETH-250');
  });

  it('ranks by confidence for an unknown SKU', () => {
    const suggestions = new ItemResolver(coffeeShop({ fuzzy: { maxSuggestions: 5 } })).suggest('TRB-TEA-EARLGREY-100G');
    assert.equal(suggestions[0]?.itemId, 'TEA-EG-100');
    const confidences = suggestions.map((s) => s.confidence);
    assert.deepEqual(confidences, [...confidences].sort((a, b) => b - a));
  });
});
