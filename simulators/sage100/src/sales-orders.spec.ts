import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Sage100Simulator } from './simulator-types.js';
import { admin, call, manualClock, startTestSimulator, webOrder } from './testing/test-kit.js';

describe('Sage 100 simulator: sales orders', () => {
  let sim: Sage100Simulator;
  const clock = manualClock();
  before(async () => {
    sim = await startTestSimulator({ clock: clock.now });
  });
  after(() => sim.close());
  beforeEach(() => sim.reset());

  it('creates an order with a 7-character zero-filled SalesOrderNo, defaults, line keys and stamps', async () => {
    const reply = await call(sim, 'POST', '/SO/SalesOrder', webOrder());
    assert.equal(reply.status, 201, JSON.stringify(reply.body));
    const order = reply.body;
    assert.equal(order.SalesOrderNo, '0000001');
    assert.equal(order.OrderType, 'S');
    assert.equal(order.OrderStatus, 'N');
    assert.deepEqual(order.Lines.map((l: any) => [l.LineKey, l.ExtensionAmt, l.ItemCodeDesc]), [['000001', 49, 'Espresso beans 1 kg'], ['000002', 24.27, 'Ceramic mug 12 oz']]);
    assert.deepEqual([order.TaxableAmt, order.NonTaxableAmt], [73.27, 0]);
    assert.deepEqual([order.DateUpdated, order.TimeUpdated, order.DateCreated], ['2026-11-25', '14:03:09', '2026-11-25']);
    const second = await call(sim, 'POST', '/SO/SalesOrder', webOrder({ CustomerPONo: 'CL-100046' }));
    assert.equal(second.body.SalesOrderNo, '0000002');
    const other = await call(sim, 'POST', '/SO/SalesOrder', webOrder(), { 'x-company-code': 'XYZ' });
    assert.equal(other.status, 422, 'XYZ has no customers: numbering and files are per company');
    assert.deepEqual((await call(sim, 'GET', '/SO/SalesOrder/0000002')).body.CustomerPONo, 'CL-100046');
    assert.equal((await call(sim, 'GET', '/SO/SalesOrder/0009999')).status, 404);
  });

  it('refuses a field over its Sage length with 422 and BOI text naming the field', async () => {
    for (const [field, value, max] of [['CustomerPONo', 'CL-1234567890123', 15], ['ShipVia', 'FEDEX 2-DAY PRIORITY', 15], ['TermsCode', '030', 2], ['TaxSchedule', 'WASHINGTON', 9], ['PaymentType', 'PAYPAL', 5]] as const) {
      const reply = await call(sim, 'POST', '/SO/SalesOrder', webOrder({ [field]: value }));
      assert.equal(reply.status, 422, field);
      assert.deepEqual(reply.body, { error: 'validation', message: `The ${field} exceeds the maximum length of ${max} characters.`, field });
    }
    const longItem = await call(sim, 'POST', '/SO/SalesOrder', webOrder({ Lines: [{ ItemCode: 'X'.repeat(31), QuantityOrdered: 1 }] }));
    assert.equal(longItem.body.field, 'ItemCode');
    assert.equal(sim.orders().length, 0);
  });

  it('refuses values outside the enumerations', async () => {
    assert.equal((await call(sim, 'POST', '/SO/SalesOrder', webOrder({ OrderStatus: 'X' }))).body.message, "The value 'X' is not valid for OrderStatus.");
    assert.equal((await call(sim, 'POST', '/SO/SalesOrder', webOrder({ OrderType: 'Z' }))).body.field, 'OrderType');
    const badType = await call(sim, 'POST', '/SO/SalesOrder', webOrder({ Lines: [{ ItemCode: 'ESP-BEANS-1KG', ItemType: '6', QuantityOrdered: 1 }] }));
    assert.deepEqual([badType.status, badType.body.field], [422, 'ItemType']);
    for (const status of ['N', 'O', 'C', 'H']) assert.equal((await call(sim, 'POST', '/SO/SalesOrder', webOrder({ OrderStatus: status, CustomerPONo: `PO-${status}` }))).status, 201);
    for (const type of ['S', 'B', 'Q', 'M', 'R', 'P']) assert.equal((await call(sim, 'POST', '/SO/SalesOrder', webOrder({ OrderType: type, CustomerPONo: `PT-${type}` }))).status, 201);
  });

  it('checks the customer, division, items, warehouses, payment type and extension', async () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ CustomerNo: 'NOBODY' }, 'Customer number 01-NOBODY is invalid.'],
      [{ ARDivisionNo: '07' }, 'The AR division 07 is not on file.'],
      [{ PaymentType: 'BTC' }, 'Payment type BTC is invalid.'],
      [{ Lines: [{ ItemCode: 'NO-SUCH-SKU', QuantityOrdered: 1 }] }, 'Item code NO-SUCH-SKU is invalid.'],
      [{ Lines: [{ ItemCode: 'ESP-BEANS-1KG', WarehouseCode: 'WST', QuantityOrdered: 1 }] }, 'Warehouse code WST is invalid for item ESP-BEANS-1KG.'],
      [{ Lines: [{ ItemCode: 'TEA-SENCHA-250', QuantityOrdered: 1 }] }, 'Item code TEA-SENCHA-250 is inactive.'],
      [{ Lines: [{ ItemCode: 'ESP-BEANS-1KG', QuantityOrdered: 2, UnitPrice: 24.5, ExtensionAmt: 48 }] }, 'The extension amount 48 for item ESP-BEANS-1KG does not equal quantity times unit price less discount (49.00).'],
      [{ Lines: [{ ItemCode: 'FREIGHT', ItemType: '3', QuantityOrdered: 1, UnitPrice: 5 }] }, 'Item code FREIGHT is not a valid item for item type 3.'],
      [{ TaxableAmt: 10, NonTaxableAmt: 10 }, "Taxable and non-taxable amounts (20.00) do not equal the order's line total (73.27)."],
    ];
    for (const [change, message] of cases) {
      const reply = await call(sim, 'POST', '/SO/SalesOrder', webOrder(change));
      assert.equal(reply.status, 422, JSON.stringify(change));
      assert.equal(reply.body.message, message);
    }
    const mixed = await call(sim, 'POST', '/SO/SalesOrder', webOrder({
      Lines: [
        { ItemCode: 'ESP-BEANS-1KG', QuantityOrdered: 1 },
        { ItemCode: 'GIFT-WRAP', ItemType: '2', QuantityOrdered: 1, UnitPrice: 4.95 },
        { ItemCode: '/FREIGHT', ItemType: '3', QuantityOrdered: 1, UnitPrice: 7.95 },
        { ItemCode: '/C', ItemType: '4', QuantityOrdered: 0, CommentText: 'Leave at the side door' },
      ],
    }));
    assert.equal(mixed.status, 201, JSON.stringify(mixed.body));
    assert.deepEqual(mixed.body.Lines.map((l: any) => [l.ItemType, l.ExtensionAmt]), [['1', 24.5], ['2', 4.95], ['3', 7.95], ['4', 0]]);
  });

  it('answers 400 for unknown fields and wrong JSON types (structure, not a BOI rule)', async () => {
    assert.equal((await call(sim, 'POST', '/SO/SalesOrder', webOrder({ CustomerPoNo: 'typo' }))).status, 400);
    assert.equal((await call(sim, 'POST', '/SO/SalesOrder', webOrder({ FreightAmt: '7.95' }))).status, 400);
    assert.equal((await call(sim, 'GET', '/SO/SalesOrder?Colour=red')).status, 400);
  });

  it('refuses a second order with the same CustomerPONo for the same customer, open or in history, as duplicate', async () => {
    const first = await call(sim, 'POST', '/SO/SalesOrder', webOrder());
    const again = await call(sim, 'POST', '/SO/SalesOrder', webOrder());
    assert.equal(again.status, 422);
    assert.deepEqual(again.body, { error: 'duplicate', message: `Customer PO number CL-100045 has already been used on sales order ${first.body.SalesOrderNo} for this customer.`, field: 'CustomerPONo' });
    assert.equal((await call(sim, 'POST', '/SO/SalesOrder', webOrder({ CustomerNo: 'ABF' }))).status, 201, 'another customer may use the number');
    sim.ship({ SalesOrderNo: first.body.SalesOrderNo, TrackingIDs: ['1Z999AA10123456784'] });
    assert.equal((await call(sim, 'POST', '/SO/SalesOrder', webOrder())).body.error, 'duplicate', 'history counts too');
    const open = await call(sim, 'GET', '/SO/SalesOrder?CustomerPONo=CL-100045');
    assert.deepEqual(open.body.Records.map((o: any) => o.CustomerNo), ['ABF']);
    const history = await call(sim, 'GET', '/SO/SalesOrderHistory?CustomerPONo=CL-100045');
    assert.deepEqual(history.body.Records.map((o: any) => [o.SalesOrderNo, o.OrderStatus, o.UDF_CLARITY_ORDER]), [[first.body.SalesOrderNo, 'C', 'CL-100045']]);
  });

  it('changes header fields and lines with PATCH, moving the reservation', async () => {
    const order = (await call(sim, 'POST', '/SO/SalesOrder', webOrder())).body;
    clock.advance(2000);
    const changed = await call(sim, 'PATCH', `/SO/SalesOrder/${order.SalesOrderNo}`, { OrderStatus: 'H', ShipVia: 'FEDEX GROUND', Lines: [{ ItemCode: 'ESP-BEANS-1KG', QuantityOrdered: 5 }] });
    assert.equal(changed.status, 200, JSON.stringify(changed.body));
    assert.deepEqual([changed.body.OrderStatus, changed.body.ShipVia, changed.body.Lines.length, changed.body.TaxableAmt], ['H', 'FEDEX GROUND', 1, 122.5]);
    assert.equal(changed.body.TimeUpdated, '14:03:11');
    const rows = sim.itemWarehouses('ABC');
    assert.equal(rows.find((r) => r.ItemCode === 'ESP-BEANS-1KG' && r.WarehouseCode === '000')?.QuantityOnSalesOrder, 5);
    assert.equal(rows.find((r) => r.ItemCode === 'MUG-CER-12')?.QuantityOnSalesOrder, 0);
    assert.equal((await call(sim, 'PATCH', `/SO/SalesOrder/${order.SalesOrderNo}`, { TermsCode: '030' })).status, 422);
    assert.equal((await call(sim, 'PATCH', '/SO/SalesOrder/0009999', { ShipVia: 'UPS' })).status, 404);
    assert.equal((await call(sim, 'PATCH', `/SO/SalesOrder/${order.SalesOrderNo}`, {})).status, 400);
  });
});
