import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { matches, parseSoql } from './soql.js';

describe('parseSoql', () => {
  it('reads the SELECT … FROM … WHERE … ORDER BY … LIMIT forms jsforce and the connector send', () => {
    const query = parseSoql("SELECT Id, Product2.ProductCode FROM PricebookEntry WHERE Pricebook2Id = '01s5g00000000AB' AND Product2.ProductCode IN ('TRB-MUG-12OZ', 'O\\'Brien') ORDER BY UnitPrice DESC NULLS LAST LIMIT 10 OFFSET 2");
    assert.deepEqual(query.fields, ['Id', 'Product2.ProductCode']);
    assert.equal(query.from, 'PricebookEntry');
    assert.deepEqual(query.orderBy, [{ field: 'UnitPrice', descending: true, nullsLast: true }]);
    assert.deepEqual([query.limit, query.offset], [10, 2]);
    const values: Record<string, unknown> = { Pricebook2Id: '01s5g00000000AB', 'Product2.ProductCode': "O'Brien" };
    assert.ok(matches(query.where!, (path) => values[path]));
  });

  it('compares text case-insensitively, dates as instants, and supports OR, NOT, LIKE and null', () => {
    const where = parseSoql("SELECT Id FROM Account WHERE (Name = 'acme' OR Name LIKE 'Glob%') AND NOT Phone = null AND SystemModstamp > 2026-11-25T10:00:00Z").where!;
    const row = (name: string, phone: string | null, stamp: string) => (path: string) => ({ Name: name, Phone: phone, SystemModstamp: stamp })[path];
    assert.ok(matches(where, row('ACME', '555', '2026-11-25T10:00:01.000+0000')));
    assert.ok(matches(where, row('Globex Corp', '555', '2026-11-25T11:00:00.000+0000')));
    assert.ok(!matches(where, row('ACME', null, '2026-11-25T11:00:00.000+0000')));
    assert.ok(!matches(where, row('ACME', '555', '2026-11-25T09:59:59.000+0000')));
  });

  it('counts and refuses malformed queries with MALFORMED_QUERY', () => {
    assert.equal(parseSoql('SELECT COUNT() FROM Contact').count, true);
    assert.throws(() => parseSoql('SELECT FROM Account'), { errorCode: 'MALFORMED_QUERY' });
    assert.throws(() => parseSoql("SELECT Id FROM Account WHERE Name = 'open"), { errorCode: 'MALFORMED_QUERY' });
  });
});
