import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { usDateTime } from './functions/itemwarehouseinfo-rows.js';
import type { IntacctSimulator, StoredItem } from './simulator-types.js';
import { envelope, fn, loginAuth, post, startTestSimulator } from './testing/gateway-test-kit.js';

let sim: IntacctSimulator;

before(async () => {
  sim = await startTestSimulator({
    items: ['ESP-BEANS-1KG', 'MUG-CER-12'],
    itemMaster: [
      { itemId: 'MUG-CER-12', name: 'Ceramic mug 12 oz', basePrice: '8.99', description: 'Stoneware mug, dishwasher safe' },
      { itemId: 'TEA-SENCHA-250', name: 'Sencha green tea 250 g', basePrice: '14.50', status: 'inactive' },
    ],
  });
});
after(() => sim.close());
beforeEach(() => sim.reset());

const result = (reply: { xml: any }) => reply.xml.response.operation.result[0];
const errorOf = (reply: { xml: any }) => result(reply).errormessage.error[0];
const call = (controlId: string, body: string) => post(sim.url, envelope(loginAuth, [fn(controlId, body)]));
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const itemQuery = (query: string, fields = '*') =>
  `<readByQuery><object>ITEM</object><fields>${fields}</fields><query>${esc(query)}</query><pagesize>100</pagesize></readByQuery>`;
const rowsOf = (data: any): Array<Record<string, string>> => {
  const rows = data?.item ?? [];
  return Array.isArray(rows) ? rows : [rows];
};
const atSecond = (ms: number) => usDateTime(new Date(Math.floor(ms / 1000) * 1000).toISOString());
const item = (itemId: string): StoredItem | undefined => sim.items().find((i) => i.itemId === itemId);

describe('Intacct simulator: ITEM master', () => {
  it('seeds items from `items` and `itemMaster`, the richer seed winning, and returns to them on reset', () => {
    assert.deepEqual(
      sim.items().map(({ recordNo, itemId, name, status, basePrice, soDescription, version }) => ({ recordNo, itemId, name, status, basePrice, soDescription, version })),
      [
        { recordNo: '1', itemId: 'ESP-BEANS-1KG', name: 'ESP-BEANS-1KG', status: 'active', basePrice: '0.00', soDescription: undefined, version: 1 },
        { recordNo: '2', itemId: 'MUG-CER-12', name: 'Ceramic mug 12 oz', status: 'active', basePrice: '8.99', soDescription: 'Stoneware mug, dishwasher safe', version: 1 },
        { recordNo: '3', itemId: 'TEA-SENCHA-250', name: 'Sencha green tea 250 g', status: 'inactive', basePrice: '14.50', soDescription: undefined, version: 1 },
      ],
    );
    sim.setItem({ itemId: 'NEW-ITEM' });
    sim.setItem({ itemId: 'MUG-CER-12', basePrice: '9.49' });
    sim.reset();
    assert.equal(sim.items().length, 3);
    assert.equal(item('MUG-CER-12')?.basePrice, '8.99');
  });

  it('updates only the fields sent, bumping WHENMODIFIED and the version', async () => {
    const before = item('MUG-CER-12')!;
    await new Promise((resolve) => setTimeout(resolve, 5));
    const reply = await call('item-1', '<update><ITEM><ITEMID>MUG-CER-12</ITEMID><NAME>Ceramic mug 12 oz &amp; saucer</NAME><EXTENDED_DESCRIPTION>Glazed stoneware</EXTENDED_DESCRIPTION><BASEPRICE>10.25</BASEPRICE></ITEM></update>');
    assert.equal(result(reply).status, 'success');
    assert.equal(result(reply).function, 'update');
    assert.deepEqual(result(reply).data, { '@listtype': 'objects', '@count': '1', item: { RECORDNO: '2', ITEMID: 'MUG-CER-12' } });
    const after = item('MUG-CER-12')!;
    assert.deepEqual(
      { name: after.name, basePrice: after.basePrice, soDescription: after.soDescription, extendedDescription: after.extendedDescription, status: after.status, version: after.version },
      { name: 'Ceramic mug 12 oz & saucer', basePrice: '10.25', soDescription: 'Stoneware mug, dishwasher safe', extendedDescription: 'Glazed stoneware', status: 'active', version: 2 },
    );
    assert.ok(after.modifiedAt > before.modifiedAt);
    assert.equal(after.createdAt, before.createdAt);

    await call('item-2', '<update><ITEM><ITEMID>MUG-CER-12</ITEMID><STATUS>inactive</STATUS><SODESCRIPTION></SODESCRIPTION></ITEM></update>');
    assert.deepEqual([item('MUG-CER-12')?.status, item('MUG-CER-12')?.soDescription, item('MUG-CER-12')?.version], ['inactive', undefined, 3]);
    const byRecordNo = await call('item-3', '<update><ITEM><RECORDNO>1</RECORDNO><BASEPRICE>24.50</BASEPRICE></ITEM></update>');
    assert.equal(result(byRecordNo).data.item.ITEMID, 'ESP-BEANS-1KG');
    assert.equal(item('ESP-BEANS-1KG')?.basePrice, '24.50');
  });

  it('refuses an unknown ITEMID, a bad BASEPRICE, a bad STATUS and an empty NAME with BL01001973', async () => {
    const unknown = await call('item-x', '<update><ITEM><ITEMID>NO-SUCH-SKU</ITEMID><NAME>Ghost</NAME></ITEM></update>');
    assert.equal(errorOf(unknown).errorno, 'BL01001973');
    assert.match(errorOf(unknown).description2, /Item 'NO-SUCH-SKU' does not exist/);
    assert.equal(result(unknown).errormessage.error[1].description2, 'Could not update Item record!');
    for (const [fields, description2] of [
      ['<BASEPRICE>-1.00</BASEPRICE>', /BASEPRICE '-1.00' is not a non-negative amount/],
      ['<BASEPRICE>ten</BASEPRICE>', /BASEPRICE 'ten'/],
      ['<STATUS>archived</STATUS>', /STATUS 'archived' is not one of active, inactive/],
      ['<NAME></NAME>', /NAME cannot be empty/],
    ] as const) {
      const reply = await call(`item-bad-${Math.random()}`, `<update><ITEM><ITEMID>MUG-CER-12</ITEMID>${fields}</ITEM></update>`);
      assert.equal(errorOf(reply).errorno, 'BL01001973');
      assert.match(errorOf(reply).description2, description2);
    }
    assert.equal(item('MUG-CER-12')?.version, 1, 'nothing changed');
  });

  it('refuses update of other objects and ITEM fields out of order', async () => {
    const customer = await call('u-1', '<update><CUSTOMER><CUSTOMERID>C-0001</CUSTOMERID><NAME>x</NAME></CUSTOMER></update>');
    assert.equal(errorOf(customer).errorno, 'SIM-UNSUPPORTED');
    assert.match(errorOf(customer).description2, /cannot update 'CUSTOMER'; only ITEM/);
    const outOfOrder = await call('u-2', '<update><ITEM><ITEMID>MUG-CER-12</ITEMID><BASEPRICE>1</BASEPRICE><NAME>x</NAME></ITEM></update>');
    assert.equal(outOfOrder.xml.response.errormessage.error[0].errorno, 'XL03000003');
  });

  it('reads ITEM rows and filters on WHENMODIFIED as a datetime', async () => {
    const data = result(await call('q-1', itemQuery("ITEMID = 'MUG-CER-12'"))).data;
    assert.equal(data['@listtype'], 'item');
    const [row] = rowsOf(data);
    assert.deepEqual(Object.keys(row ?? {}), ['RECORDNO', 'ITEMID', 'NAME', 'STATUS', 'BASEPRICE', 'SODESCRIPTION', 'EXTENDED_DESCRIPTION', 'WHENCREATED', 'WHENMODIFIED']);
    assert.deepEqual({ ...row, WHENCREATED: '', WHENMODIFIED: '' }, {
      RECORDNO: '2', ITEMID: 'MUG-CER-12', NAME: 'Ceramic mug 12 oz', STATUS: 'active', BASEPRICE: '8.99', SODESCRIPTION: 'Stoneware mug, dishwasher safe',
      EXTENDED_DESCRIPTION: '', WHENCREATED: '', WHENMODIFIED: '',
    });

    // Seeded a second or more ago: only the change made now is at or after `now`.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const now = Date.now();
    await call('item-1', '<update><ITEM><ITEMID>TEA-SENCHA-250</ITEMID><STATUS>active</STATUS></ITEM></update>');
    const changed = rowsOf(result(await call('q-2', itemQuery(`WHENMODIFIED >= '${atSecond(now)}'`, 'ITEMID,STATUS,WHENMODIFIED'))).data);
    assert.deepEqual(changed.map((r) => [r.ITEMID, r.STATUS]), [['TEA-SENCHA-250', 'active']]);
    assert.ok([atSecond(now), atSecond(Date.now())].includes(changed[0]?.WHENMODIFIED ?? ''));
    const all = result(await call('q-3', itemQuery("WHENMODIFIED > '12/31/2019 23:59:59'", 'ITEMID'))).data;
    assert.equal(all['@totalcount'], '3');
  });

  it('serves GET and POST /_sim/items, upserting as if edited in the UI', async () => {
    const listed = (await (await fetch(`${sim.adminUrl}/items`)).json()) as StoredItem[];
    assert.deepEqual(listed.map((i) => i.itemId), ['ESP-BEANS-1KG', 'MUG-CER-12', 'TEA-SENCHA-250']);
    const postItem = (body: unknown) =>
      fetch(`${sim.adminUrl}/items`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: typeof body === 'string' ? body : JSON.stringify(body) });

    const changed = await postItem({ itemId: 'ESP-BEANS-1KG', name: 'Espresso beans 1 kg', basePrice: '24.50', description: 'Dark roast, whole bean' });
    assert.equal(changed.status, 200);
    const body = (await changed.json()) as StoredItem;
    assert.deepEqual([body.recordNo, body.name, body.basePrice, body.soDescription, body.version], ['1', 'Espresso beans 1 kg', '24.50', 'Dark roast, whole bean', 2]);

    const created = (await (await postItem({ itemId: 'FILTER-V60-100' })).json()) as StoredItem;
    assert.deepEqual([created.recordNo, created.name, created.basePrice, created.status, created.version], ['4', 'FILTER-V60-100', '0.00', 'active', 1]);

    for (const bad of [{ itemId: 'X', basePrice: '-2' }, { itemId: 'X', basePrice: 2 }, { itemId: '' }, { itemId: 'X', status: 'gone' }, 'not json']) {
      const reply = await postItem(bad);
      assert.equal(reply.status, 400, JSON.stringify(bad));
      if (typeof bad !== 'string') assert.ok(Array.isArray(((await reply.json()) as { issues?: unknown[] }).issues));
    }
    assert.equal(sim.items().length, 4);
    assert.throws(() => sim.setItem({ itemId: 'X', basePrice: 'free' }), RangeError);
  });

  it('accepts itemMaster items on sales documents when `items` restricts them', async () => {
    const reply = await call(
      'so-1',
      '<create_sotransaction><transactiontype>Sales Order</transactiontype><datecreated><year>2024</year><month>05</month><day>01</day></datecreated><customerid>CUST-00042</customerid><referenceno>WEB-1</referenceno><sotransitems><sotransitem><itemid>TEA-SENCHA-250</itemid><quantity>1</quantity><price>14.50</price></sotransitem></sotransitems></create_sotransaction>',
    );
    assert.equal(result(reply).status, 'success');
  });
});
