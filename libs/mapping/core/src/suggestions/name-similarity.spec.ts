import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { nameSimilarity } from './name-similarity.js';

describe('nameSimilarity', () => {
  it('is 1 for the same words and prefers the same word to a synonym', () => {
    assert.equal(nameSimilarity(['quantity'], ['quantity'], []).score, 1);
    const same = nameSimilarity(['total'], ['total', 'amount'], []);
    const synonym = nameSimilarity(['total'], ['amount'], ['payment', 'info']);
    assert.ok(same.score > synonym.score);
    assert.deepEqual(same.matches, [{ target: 'total', source: 'total', kind: 'same', inParent: false }]);
    assert.deepEqual(synonym.matches, [{ target: 'total', source: 'amount', kind: 'synonym', inParent: false }]);
  });

  it('counts a parent word for less than the field’s own name', () => {
    const own = nameSimilarity(['customer', 'email'], ['customer', 'email'], []);
    const parent = nameSimilarity(['customer', 'email'], ['email'], ['customer']);
    assert.ok(parent.score < own.score);
    assert.equal(parent.matches.find((m) => m.target === 'customer')?.inParent, true);
  });

  it('lets qualifier words such as "order" cost little', () => {
    const qualified = nameSimilarity(['id'], ['order', 'id'], []);
    const other = nameSimilarity(['id'], ['store', 'id'], []);
    assert.ok(qualified.score > other.score);
  });

  it('is 0 when no word matches', () => {
    assert.deepEqual(nameSimilarity(['message'], ['channel'], ['order']), { score: 0, matches: [] });
  });
});
