import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { digitSignature, normaliseSku, skuSimilarity, trigrams } from './sku-similarity.js';

const similarity = (a: string, b: string) => skuSimilarity(normaliseSku(a), normaliseSku(b));

describe('normaliseSku', () => {
  it('makes spellings of one SKU agree across case, punctuation, spaces and accents', () => {
    for (const spelling of ['trb mug 12oz', 'TRB-MUG-12OZ', 'Trb_Mug.12oz', ' trb/mug–12 oz ']) {
      assert.equal(normaliseSku(spelling), 'TRBMUG12OZ');
    }
    assert.equal(normaliseSku('Café-Crème-250g'), 'CAFECREME250G');
  });
});

describe('trigrams', () => {
  it('pads the key so that short SKUs still have trigrams', () => {
    assert.deepEqual([...trigrams('AB')], ['  A', ' AB', 'AB ']);
  });
});

describe('skuSimilarity', () => {
  it('keeps a doubled letter in a long SKU above the default auto-map threshold', () => {
    assert.ok(similarity('TRB-BEANS-ESPRESSO-1KG', 'TRB-BEANS-ESPRESSSO-1KG') >= 0.92);
  });

  it('rates one substituted character low enough not to auto-map a different size', () => {
    assert.ok(similarity('TRB-BEANS-ETH-1KG', 'TRB-BEANS-ETH-5KG') < 0.92);
    assert.ok(similarity('TRB-MUG-12OZ', 'TRB-MUG-16OZ') < 0.92);
  });

  it('is 1 for the same key, symmetric and between 0 and 1', () => {
    const sku = fc.stringMatching(/^[A-Z0-9]{1,24}$/);
    fc.assert(fc.property(sku, sku, (a, b) => {
      const ab = skuSimilarity(a, b);
      assert.equal(skuSimilarity(a, a), 1);
      assert.ok(Math.abs(ab - skuSimilarity(b, a)) < 1e-12);
      assert.ok(ab >= 0 && ab <= 1);
    }));
  });
});

describe('digitSignature', () => {
  it('keeps the digit runs that carry size and pack count', () => {
    assert.equal(digitSignature('TRBV60FILTER100'), '60|100');
    assert.equal(digitSignature('TRBMUGTRAVEL16OZ'), '16');
    assert.equal(digitSignature('TRBINFUSERSTEEL'), '');
  });
});
