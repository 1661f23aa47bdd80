import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { usDateTime } from './functions/itemwarehouseinfo-rows.js';
import type { IntacctSimulator } from './simulator-types.js';
import { envelope, fn, loginAuth, post, startTestSimulator } from './testing/gateway-test-kit.js';

let sim: IntacctSimulator;

const SEED = [
  { itemId: 'ESP-BEANS-1KG', warehouseId: 'WH-EAST', qtyOnHand: '120' },
  { itemId: 'ESP-BEANS-1KG', warehouseId: 'WH-WEST', qtyOnHand: '35.5' },
  { itemId: 'MUG-CER-12', warehouseId: 'WH-EAST', qtyOnHand: '0' },
];

before(async () => {
  sim = await startTestSimulator({ inventory: SEED });
});
after(() => sim.close());
beforeEach(() => sim.reset());

const result = (reply: { xml: any }) => reply.xml.response.operation.result[0];
const call = (controlId: string, body: string) => post(sim.url, envelope(loginAuth, [fn(controlId, body)]));
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const stockQuery = (query: string, pageSize = 100, fields = '*') =>
  `<readByQuery><object>ITEMWAREHOUSEINFO</object><fields>${fields}</fields><query>${esc(query)}</query><pagesize>${pageSize}</pagesize></readByQuery>`;
/** The rows of a readByQuery/readMore result; one row parses as an object, several as an array. */
const rowsOf = (data: any): Array<Record<string, string>> => {
  const rows = data?.itemwarehouseinfo ?? [];
  return Array.isArray(rows) ? rows : [rows];
};
const atSecond = (ms: number) => usDateTime(new Date(Math.floor(ms / 1000) * 1000).toISOString());

describe('Intacct simulator: ITEMWAREHOUSEINFO', () => {
  it('seeds rows from the inventory option and keeps them across reset', () => {
    const rows = sim.inventory();
    assert.deepEqual(
      rows.map(({ recordNo, itemId, warehouseId, qtyOnHand, qtyOnOrder, qtyOnHold }) => ({ recordNo, itemId, warehouseId, qtyOnHand, qtyOnOrder, qtyOnHold })),
      [
        { recordNo: '1', itemId: 'ESP-BEANS-1KG', warehouseId: 'WH-EAST', qtyOnHand: '120', qtyOnOrder: '0', qtyOnHold: '0' },
        { recordNo: '2', itemId: 'ESP-BEANS-1KG', warehouseId: 'WH-WEST', qtyOnHand: '35.5', qtyOnOrder: '0', qtyOnHold: '0' },
        { recordNo: '3', itemId: 'MUG-CER-12', warehouseId: 'WH-EAST', qtyOnHand: '0', qtyOnOrder: '0', qtyOnHold: '0' },
      ],
    );
    sim.setStock('NEW-ITEM', 'WH-EAST', '1');
    sim.reset();
    assert.equal(sim.inventory().length, 3);
  });

  it('setStock updates the row of an item and warehouse, creates a new one otherwise, and refuses non-decimals', () => {
    const before = Date.now();
    sim.setStock('MUG-CER-12', 'WH-EAST', '14');
    sim.setStock('MUG-CER-12', 'WH-WEST', '2.25');
    const rows = sim.inventory();
    assert.equal(rows.length, 4);
    const updated = rows.find((r) => r.itemId === 'MUG-CER-12' && r.warehouseId === 'WH-EAST');
    assert.equal(updated?.recordNo, '3');
    assert.equal(updated?.qtyOnHand, '14');
    assert.ok(Date.parse(updated?.modifiedAt ?? '') >= before);
    assert.equal(rows.find((r) => r.warehouseId === 'WH-WEST' && r.itemId === 'MUG-CER-12')?.recordNo, '4');
    assert.throws(() => sim.setStock('MUG-CER-12', 'WH-EAST', 'ten'), RangeError);
  });

  it('serves the admin API: POST and GET /_sim/inventory', async () => {
    const posted = await fetch(`${sim.adminUrl}/inventory`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ itemId: 'TEA-GREEN', warehouseId: 'WH-EAST', qtyOnHand: '7' }),
    });
    assert.equal(posted.status, 200);
    assert.deepEqual(await posted.json().then((r: any) => [r.recordNo, r.qtyOnHand]), ['4', '7']);
    const bad = await fetch(`${sim.adminUrl}/inventory`, { method: 'POST', body: JSON.stringify({ itemId: 'TEA-GREEN', warehouseId: 'WH-EAST', qtyOnHand: 7 }) });
    assert.equal(bad.status, 400);
    const listed = (await fetch(`${sim.adminUrl}/inventory`).then((r) => r.json())) as Array<{ itemId: string }>;
    assert.deepEqual(listed.map((r) => r.itemId), ['ESP-BEANS-1KG', 'ESP-BEANS-1KG', 'MUG-CER-12', 'TEA-GREEN']);
  });

  it('reads rows with WHENMODIFIED as mm/dd/yyyy HH:MM:SS (UTC) and filters on ITEMID AND WAREHOUSEID', async () => {
    const before = Date.now();
    sim.setStock('ESP-BEANS-1KG', 'WH-WEST', '30');
    const data = result(await call('r-1', stockQuery("ITEMID = 'ESP-BEANS-1KG' AND WAREHOUSEID = 'WH-WEST'"))).data;
    assert.equal(data['@listtype'], 'itemwarehouseinfo');
    const [row] = rowsOf(data);
    assert.equal(row?.RECORDNO, '2');
    assert.equal(row?.QTYONHAND, '30');
    assert.equal(row?.QTYONORDER, '0');
    assert.equal(row?.QTYONHOLD, '0');
    assert.match(row?.WHENMODIFIED ?? '', /^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}:\d{2}$/);
    assert.ok([atSecond(before), atSecond(Date.now())].includes(row?.WHENMODIFIED ?? ''));
  });

  it('compares WHENMODIFIED as a datetime, not as text', async () => {
    const now = Date.now();
    const count = async (query: string) => Number(result(await call(`c-${Math.random()}`, stockQuery(query))).data['@totalcount']);
    assert.equal(await count(`WHENMODIFIED >= '${atSecond(now - 1000)}'`), 3);
    assert.equal(await count(`WHENMODIFIED >= '${atSecond(now + 3_600_000)}'`), 0);
    // Textually '12/31/2019 23:59:59' sorts after every 2026 date; as a time it is before.
    assert.equal(await count("WHENMODIFIED > '12/31/2019 23:59:59'"), 3);
    assert.equal(await count("WHENMODIFIED < '01/01/2099 00:00:00' AND WAREHOUSEID = 'WH-EAST'"), 2);
    assert.equal(await count(`WHENMODIFIED >= '${atSecond(now - 1000).slice(0, 10)}'`), 3, 'a bare date is midnight');
  });

  it('pages with pagesize and readMore by resultId', async () => {
    for (let n = 1; n <= 4; n += 1) sim.setStock(`SKU-${n}`, 'WH-NORTH', String(n));
    const page1 = result(await call('p-1', stockQuery("WAREHOUSEID = 'WH-NORTH' OR WAREHOUSEID = 'WH-EAST'", 2, 'RECORDNO,ITEMID'))).data;
    assert.equal(page1['@totalcount'], '6');
    assert.equal(page1['@numremaining'], '4');
    assert.deepEqual(rowsOf(page1).map((r) => r.RECORDNO), ['1', '3']);
    const page2 = result(await call('p-2', `<readMore><resultId>${page1['@resultId']}</resultId></readMore>`)).data;
    assert.deepEqual(rowsOf(page2), [{ RECORDNO: '4', ITEMID: 'SKU-1' }, { RECORDNO: '5', ITEMID: 'SKU-2' }]);
    assert.equal(page2['@numremaining'], '2');
    const page3 = result(await call('p-3', `<readMore><resultId>${page2['@resultId']}</resultId></readMore>`)).data;
    assert.deepEqual(rowsOf(page3).map((r) => r.ITEMID), ['SKU-3', 'SKU-4']);
    assert.equal(page3['@numremaining'], '0');
    assert.equal(page3['@resultId'], '');
  });
});
