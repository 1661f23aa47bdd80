import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { matches } from './query-filter.js';
import { parseQueryString, QuerySyntaxError } from './query-string.js';

const row = { DOCPARID: 'Sales Order', PONUMBER: "O'Brien", TOTAL: '84.14', WHENCREATED: '05/01/2024', STATE: 'Pending', MESSAGE: '' };
const test = (query: string) => matches(parseQueryString(query), row);

describe('readByQuery query strings', () => {
  it('reads equality joined by AND, with escaped quotes', () => {
    assert.deepEqual(parseQueryString("DOCPARID = 'Sales Order' AND PONUMBER = 'O\\'Brien'"), {
      kind: 'and',
      filters: [
        { kind: 'compare', field: 'DOCPARID', operator: '=', value: 'Sales Order' },
        { kind: 'compare', field: 'PONUMBER', operator: '=', value: "O'Brien" },
      ],
    });
    assert.equal(test("DOCPARID = 'Sales Order' AND PONUMBER = 'O\\'Brien'"), true);
    assert.equal(test("DOCPARID = 'Sales Order' AND PONUMBER = 'OBrien'"), false);
  });

  it('compares numbers and mm/dd/yyyy dates by value', () => {
    assert.equal(test('TOTAL > 9.5'), true);
    assert.equal(test("TOTAL >= '84.140'"), true);
    assert.equal(test("WHENCREATED >= '12/31/2023' AND WHENCREATED < '01/01/2025'"), true);
  });

  it('compares mm/dd/yyyy HH:MM:SS datetimes as times, a bare date as midnight', () => {
    const stamped = { WHENMODIFIED: '01/01/2025 00:00:05' };
    const at = (query: string) => matches(parseQueryString(query), stamped);
    assert.equal(at("WHENMODIFIED >= '12/31/2024 23:59:59'"), true, 'not a text comparison');
    assert.equal(at("WHENMODIFIED >= '01/01/2025 00:00:05' AND WHENMODIFIED <= '01/01/2025 00:00:05'"), true);
    assert.equal(at("WHENMODIFIED > '01/01/2025 00:00:05'"), false);
    assert.equal(at("WHENMODIFIED < '01/01/2025 00:00:10'"), true);
    assert.equal(at("WHENMODIFIED > '01/01/2025'"), true);
    assert.equal(at("WHENMODIFIED < '01/02/2025'"), true);
  });

  it('supports OR, NOT, parentheses, like, in and IS NULL', () => {
    assert.equal(test("(STATE = 'Closed' OR STATE = 'Pending') AND NOT DOCPARID = 'Sales Invoice'"), true);
    assert.equal(test("PONUMBER like 'O%'"), true);
    assert.equal(test("STATE in ('Draft', 'Closed')"), false);
    assert.equal(test("STATE not in ('Draft', 'Closed')"), true);
    assert.equal(test('MESSAGE IS NULL AND PONUMBER IS NOT NULL'), true);
  });

  it('selects everything for an empty query and rejects nonsense', () => {
    assert.equal(test(''), true);
    assert.throws(() => parseQueryString("PONUMBER = 'unterminated"), QuerySyntaxError);
    assert.throws(() => parseQueryString('PONUMBER ='), QuerySyntaxError);
    assert.throws(() => parseQueryString("PONUMBER = 'a' AND"), QuerySyntaxError);
  });
});
