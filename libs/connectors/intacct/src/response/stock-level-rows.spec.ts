import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseIntacctResponse } from './intacct-response.js';
import { listReply } from './reply-fixtures.js';
import { epochMsOf, stockLevels } from './stock-level-rows.js';

const dataOf = (xml: string): unknown => {
  const parsed = parseIntacctResponse(xml);
  assert.ok(parsed.ok && parsed.value.kind === 'operation');
  return parsed.value.results[0]?.data;
};

const row = { RECORDNO: '41', ITEMID: 'ESP-BEANS-1KG', WAREHOUSEID: 'WH-EAST', QTYONHAND: '120.5', QTYONORDER: '12', QTYONHOLD: '0', WHENMODIFIED: '11/25/2026 23:59:07' };

describe('ITEMWAREHOUSEINFO rows', () => {
  it('reads WHENMODIFIED mm/dd/yyyy HH:MM:SS as UTC epoch ms, refusing impossible times', () => {
    assert.equal(epochMsOf('11/25/2026 23:59:07'), Date.UTC(2026, 10, 25, 23, 59, 7));
    assert.equal(epochMsOf('02/30/2026 00:00:00'), undefined);
    assert.equal(epochMsOf('11/25/2026 24:00:00'), undefined);
    assert.equal(epochMsOf('11/25/2026'), undefined);
  });

  it('reads rows, leaving out empty optional quantities', () => {
    const levels = stockLevels(dataOf(listReply('q', 'readByQuery', 'itemwarehouseinfo', [row, { ...row, RECORDNO: '42', QTYONORDER: '', QTYONHOLD: '' }])));
    assert.deepEqual(levels.ok && levels.value, [
      { recordNo: '41', itemId: 'ESP-BEANS-1KG', warehouseId: 'WH-EAST', qtyOnHand: '120.5', qtyOnOrder: '12', qtyOnHold: '0', modifiedAt: Date.UTC(2026, 10, 25, 23, 59, 7) },
      { recordNo: '42', itemId: 'ESP-BEANS-1KG', warehouseId: 'WH-EAST', qtyOnHand: '120.5', modifiedAt: Date.UTC(2026, 10, 25, 23, 59, 7) },
    ]);
    const none = stockLevels(dataOf(listReply('q', 'readByQuery', 'itemwarehouseinfo', [])));
    assert.deepEqual(none.ok && none.value, []);
  });

  it('treats a missing <data>, a bad quantity or a bad time as a transient unreadable reply', () => {
    for (const bad of [
      stockLevels(undefined),
      stockLevels(dataOf(listReply('q', 'readByQuery', 'itemwarehouseinfo', [{ ...row, QTYONHAND: 'lots' }]))),
      stockLevels(dataOf(listReply('q', 'readByQuery', 'itemwarehouseinfo', [{ ...row, WHENMODIFIED: '2026-11-25 23:59:07' }]))),
      stockLevels(dataOf(listReply('q', 'readByQuery', 'itemwarehouseinfo', [{ ...row, WHENMODIFIED: '13/01/2026 00:00:00' }]))),
    ]) {
      assert.ok(!bad.ok);
      assert.equal(bad.error.code, 'INTACCT.UNAVAILABLE');
      assert.equal(bad.error.transient, true);
    }
  });
});
