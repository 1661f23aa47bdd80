import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readByQueryFunction } from './read-by-query.js';
import { buildRequestXml } from './request-envelope.js';
import { intacctDateTime, stockChangedSince } from './stock-changes.js';

describe('ITEMWAREHOUSEINFO change poll request', () => {
  it('formats epoch ms as mm/dd/yyyy HH:MM:SS in UTC, truncated to the second', () => {
    assert.equal(intacctDateTime(Date.UTC(2026, 10, 25, 9, 5, 7, 999)), '11/25/2026 09:05:07');
    assert.equal(intacctDateTime(Date.UTC(2025, 0, 1, 0, 0, 0)), '01/01/2025 00:00:00');
  });

  it('reads every stock field modified at or after the time, 1000 rows a page', () => {
    const xml = buildRequestXml(
      { senderId: 's', senderPassword: 'p', requestControlId: 'r' },
      { kind: 'session', sessionId: 'x' },
      [readByQueryFunction(stockChangedSince(Date.UTC(2026, 10, 25, 23, 59, 59, 500)), 'stock-1')],
    );
    assert.match(
      xml,
      /<readByQuery><object>ITEMWAREHOUSEINFO<\/object><fields>RECORDNO,ITEMID,WAREHOUSEID,QTYONHAND,QTYONORDER,QTYONHOLD,WHENMODIFIED<\/fields><query>WHENMODIFIED &gt;= &apos;11\/25\/2026 23:59:59&apos;<\/query><pagesize>1000<\/pagesize><\/readByQuery>/,
    );
  });
});
