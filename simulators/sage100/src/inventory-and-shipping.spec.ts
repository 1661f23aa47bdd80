import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Sage100Simulator } from './simulator-types.js';
import { admin, call, manualClock, startTestSimulator, webOrder } from './testing/test-kit.js';

describe('Sage 100 simulator: inventory, shipping and DateUpdated', () => {
  let sim: Sage100Simulator;
  const clock = manualClock();
  before(async () => {
    sim = await startTestSimulator({ clock: clock.now });
  });
  after(() => sim.close());
  beforeEach(() => {
    clock.set('2026-11-25T14:03:09.250Z');
    sim.reset();
  });

  const row = (item: string, wh = '000') => sim.itemWarehouses('ABC').find((r) => r.ItemCode === item && r.WarehouseCode === wh)!;

  it('keeps on hand and on sales order consistent through order, partial shipment and final shipment', async () => {
    const order = (await call(sim, 'POST', '/SO/SalesOrder', webOrder())).body;
    assert.deepEqual([row('ESP-BEANS-1KG').QuantityOnHand, row('ESP-BEANS-1KG').QuantityOnSalesOrder], [120, 2]);
    assert.deepEqual([row('MUG-CER-12').QuantityOnHand, row('MUG-CER-12').QuantityOnSalesOrder], [300, 3]);
    const quote = await call(sim, 'POST', '/SO/SalesOrder', webOrder({ OrderType: 'Q', CustomerPONo: 'QUOTE-1' }));
    assert.equal(quote.status, 201);
    assert.equal(row('ESP-BEANS-1KG').QuantityOnSalesOrder, 2, 'a quote reserves nothing');

    clock.advance(60_000);
    const partial = await admin(sim, 'POST', '/ship', { SalesOrderNo: order.SalesOrderNo, ShipVia: 'UPS GROUND', TrackingIDs: ['1Z999AA10123456784'], lines: [{ ItemCode: 'MUG-CER-12', QuantityShipped: 1 }] });
    assert.equal(partial.status, 200, JSON.stringify(partial.body));
    assert.equal(partial.body.invoice.InvoiceNo, '0000001');
    assert.deepEqual(partial.body.invoice.Tracking, [{ PackageNo: '0001', TrackingID: '1Z999AA10123456784' }]);
    assert.deepEqual([partial.body.invoice.FreightAmt, partial.body.invoice.Lines[0].ExtensionAmt], [7.95, 8.09]);
    assert.equal(partial.body.order.OrderStatus, 'O');
    assert.deepEqual([row('MUG-CER-12').QuantityOnHand, row('MUG-CER-12').QuantityOnSalesOrder], [299, 2]);

    const rest = sim.ship({ SalesOrderNo: order.SalesOrderNo, TrackingIDs: ['1Z999AA10123456785', '1Z999AA10123456786'] });
    assert.equal(rest.order, undefined);
    assert.equal(rest.history?.OrderStatus, 'C');
    assert.equal(rest.invoice.FreightAmt, 0, 'freight goes on the first invoice only');
    assert.deepEqual(rest.invoice.Lines.map((l) => [l.ItemCode, l.QuantityShipped]), [['ESP-BEANS-1KG', 2], ['MUG-CER-12', 2]]);
    assert.deepEqual([row('ESP-BEANS-1KG').QuantityOnHand, row('ESP-BEANS-1KG').QuantityOnSalesOrder], [118, 0]);
    assert.deepEqual([row('MUG-CER-12').QuantityOnHand, row('MUG-CER-12').QuantityOnSalesOrder], [297, 0]);
    assert.equal(sim.items('ABC').find((i) => i.ItemCode === 'ESP-BEANS-1KG')?.TotalQuantityOnHand, 158);
    assert.equal((await call(sim, 'GET', `/SO/SalesOrder/${order.SalesOrderNo}`)).status, 404, 'gone to history');
    const invoices = await call(sim, 'GET', `/SO/Invoice?SalesOrderNo=${order.SalesOrderNo}`);
    assert.deepEqual(invoices.body.Records.map((i: any) => i.Tracking.length), [1, 2]);
  });

  it('refuses to ship more than remains, more than is on hand, or an order on hold', async () => {
    const order = (await call(sim, 'POST', '/SO/SalesOrder', webOrder({ Lines: [{ ItemCode: 'GRINDER-BURR-PRO', QuantityOrdered: 3 }] }))).body;
    const short = await admin(sim, 'POST', '/ship', { SalesOrderNo: order.SalesOrderNo, TrackingIDs: ['1Z1'] });
    assert.deepEqual([short.status, short.body.message], [422, 'Quantity shipped 3 for item GRINDER-BURR-PRO exceeds the quantity on hand 2 in warehouse 000.']);
    assert.equal((await admin(sim, 'POST', '/ship', { SalesOrderNo: order.SalesOrderNo, TrackingIDs: [], lines: [{ LineKey: '000001', QuantityShipped: 4 }] })).status, 422);
    assert.equal((await admin(sim, 'POST', '/ship', { SalesOrderNo: order.SalesOrderNo, TrackingIDs: [], lines: [{ ItemCode: 'MUG-CER-12', QuantityShipped: 1 }] })).status, 400, 'no such line');
    assert.equal((await admin(sim, 'POST', '/ship', { SalesOrderNo: order.SalesOrderNo, TrackingIDs: [], lines: [{ QuantityShipped: 1 }] })).status, 400, 'zod: LineKey or ItemCode');
    const restock = await admin(sim, 'POST', '/item-warehouses', { ItemCode: 'GRINDER-BURR-PRO', WarehouseCode: '000', QuantityOnHand: 10 });
    assert.deepEqual([restock.status, restock.body.QuantityOnHand, restock.body.QuantityOnSalesOrder], [200, 10, 3]);
    await call(sim, 'PATCH', `/SO/SalesOrder/${order.SalesOrderNo}`, { OrderStatus: 'H' });
    assert.equal((await admin(sim, 'POST', '/ship', { SalesOrderNo: order.SalesOrderNo, TrackingIDs: ['1Z1'] })).body.message, `Sales order ${order.SalesOrderNo} is on hold and cannot be invoiced.`);
    assert.equal((await admin(sim, 'POST', '/ship', { SalesOrderNo: order.SalesOrderNo })).status, 400, 'zod: TrackingIDs is required');
    assert.equal((await admin(sim, 'POST', '/ship', { SalesOrderNo: '0009999', TrackingIDs: [] })).status, 404);
  });

  it('returns records updated at or after DateUpdatedFrom, the same second included, in stamp order', async () => {
    const first = (await call(sim, 'POST', '/SO/SalesOrder', webOrder())).body;
    const watermark = `${first.DateUpdated}T${first.TimeUpdated}`;
    clock.advance(500); // 14:03:09.750: the same second as the watermark
    const sameSecond = (await call(sim, 'POST', '/SO/SalesOrder', webOrder({ CustomerPONo: 'CL-100046' }))).body;
    clock.advance(1000);
    const later = (await call(sim, 'POST', '/SO/SalesOrder', webOrder({ CustomerPONo: 'CL-100047' }))).body;
    const since = await call(sim, 'GET', `/SO/SalesOrder?DateUpdatedFrom=${watermark}`);
    assert.deepEqual(since.body.Records.map((o: any) => o.SalesOrderNo), [first.SalesOrderNo, sameSecond.SalesOrderNo, later.SalesOrderNo]);
    const after = await call(sim, 'GET', '/SO/SalesOrder?DateUpdatedFrom=2026-11-25T14:03:10');
    assert.deepEqual(after.body.Records.map((o: any) => o.SalesOrderNo), [later.SalesOrderNo]);
    assert.equal((await call(sim, 'GET', '/SO/SalesOrder?DateUpdatedFrom=2026-11-26')).body.Records.length, 0);
    assert.equal((await call(sim, 'GET', '/SO/SalesOrder?DateUpdatedFrom=25/11/2026')).status, 400);

    const stock = await call(sim, 'GET', '/IM/ItemWarehouse?DateUpdatedFrom=2026-11-25T14:03:10');
    assert.deepEqual(stock.body.Records.map((r: any) => `${r.ItemCode}@${r.WarehouseCode}:${r.QuantityOnSalesOrder}`), ['ESP-BEANS-1KG@000:6', 'MUG-CER-12@000:9']);
    assert.equal((await call(sim, 'GET', '/AR/PaymentType?DateUpdatedFrom=2026-11-25T14:03:10')).body.Records.length, 0);
    assert.equal((await call(sim, 'GET', '/AR/PaymentType')).body.Records.length, 5);
  });

  it('pages by keyset: a record changed while paging moves behind the cursor and none is skipped', async () => {
    const numbers: string[] = [];
    for (let i = 0; i < 5; i += 1) numbers.push((await call(sim, 'POST', '/SO/SalesOrder', webOrder({ CustomerPONo: `PAGE-${i}` }))).body.SalesOrderNo);
    const page1 = await call(sim, 'GET', '/SO/SalesOrder?PageSize=2');
    assert.deepEqual(page1.body.Records.map((o: any) => o.SalesOrderNo), numbers.slice(0, 2));
    clock.advance(1000);
    await call(sim, 'PATCH', `/SO/SalesOrder/${numbers[0]}`, { ShipVia: 'USPS PRIORITY' });
    const seen = [...page1.body.Records.map((o: any) => o.SalesOrderNo)];
    let cursor = page1.body.NextCursor;
    while (cursor) {
      const page = await call(sim, 'GET', `/SO/SalesOrder?PageSize=2&Cursor=${cursor}`);
      seen.push(...page.body.Records.map((o: any) => o.SalesOrderNo));
      cursor = page.body.NextCursor;
    }
    assert.deepEqual(seen, [...numbers, numbers[0]]);
    assert.equal((await call(sim, 'GET', '/SO/SalesOrder?Cursor=not-a-cursor')).status, 400);
  });
});
