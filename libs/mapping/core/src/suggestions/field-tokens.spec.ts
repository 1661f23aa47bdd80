import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { knownWords } from './field-synonyms.js';
import { segment, singular, splitWords, tokenise } from './field-tokens.js';

describe('splitWords', () => {
  it('splits camelCase, snake_case, kebab, acronyms and digits', () => {
    assert.deepEqual(splitWords('totalAmount'), ['total', 'amount']);
    assert.deepEqual(splitWords('ship_to_contact'), ['ship', 'to', 'contact']);
    assert.deepEqual(splitWords('PONumber'), ['po', 'number']);
    assert.deepEqual(splitWords('billingAddress.line1'), ['billing', 'address', 'line', '1']);
    assert.deepEqual(splitWords('lineItems[].sku'), ['line', 'items', 'sku']);
    assert.deepEqual(splitWords('CUSTVENDID'), ['custvendid']);
  });
});

describe('singular', () => {
  it('drops plural endings but keeps words that only look plural', () => {
    assert.deepEqual(['items', 'addresses', 'categories', 'taxes', 'status', 'analysis', 'qty'].map(singular), ['item', 'address', 'category', 'tax', 'status', 'analysis', 'qty']);
  });
});

describe('segment', () => {
  it('splits Intacct run-together names into the fewest known words', () => {
    assert.deepEqual(segment('custvendid', knownWords), ['custvend', 'id']);
    assert.deepEqual(segment('whencreated', knownWords), ['when', 'created']);
    assert.deepEqual(segment('docno', knownWords), ['doc', 'no']);
  });

  it('keeps a word whole unless known words cover all of it', () => {
    assert.deepEqual(segment('notes', knownWords), ['notes']);
    assert.deepEqual(segment('total', knownWords), ['total']);
    assert.deepEqual(segment('docparid', knownWords), ['docparid']);
  });
});

describe('tokenise', () => {
  it('joins word pairs that name one field', () => {
    assert.deepEqual(tokenise('ITEMID'), ['sku']);
    assert.deepEqual(tokenise('itemNumber'), ['sku']);
    assert.deepEqual(tokenise('unitPrice'), ['price']);
    assert.deepEqual(tokenise('postalCode'), ['zip']);
  });

  it('uses extra vocabulary to split names the tables do not know', () => {
    assert.deepEqual(tokenise('SHIPMETHOD'), ['shipmethod']);
    assert.deepEqual(tokenise('SHIPMETHOD', new Set([...knownWords, 'method'])), ['ship', 'method']);
  });
});
