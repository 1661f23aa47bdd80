import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { XmlElement } from '../xml/xml-reader.js';
import { checkSequence, oneOrMore, optional, required } from './schema-sequence.js';

const withChildren = (...names: string[]): XmlElement => ({
  name: 'parent',
  attributes: {},
  text: '',
  children: names.map((name) => ({ name, attributes: {}, children: [], text: '' })),
});

const sequence = [required('a'), optional('b'), oneOrMore('c'), optional('d')];

describe('xs:sequence checking', () => {
  it('accepts children in order, optional ones skipped, repeats where allowed', () => {
    assert.equal(checkSequence(withChildren('a', 'c'), sequence), undefined);
    assert.equal(checkSequence(withChildren('a', 'b', 'c', 'c', 'd'), sequence), undefined);
  });

  it('rejects out-of-order, unknown, repeated and missing elements', () => {
    assert.match(checkSequence(withChildren('a', 'c', 'b'), sequence) ?? '', /'b': This element is not expected/);
    assert.match(checkSequence(withChildren('a', 'x', 'c'), sequence) ?? '', /'x'/);
    assert.match(checkSequence(withChildren('a', 'b', 'b', 'c'), sequence) ?? '', /'b'/);
    assert.match(checkSequence(withChildren('b', 'c'), sequence) ?? '', /Expected is \( a \)/);
    assert.match(checkSequence(withChildren('a'), sequence) ?? '', /Missing child element\(s\). Expected is \( c \)/);
  });
});
