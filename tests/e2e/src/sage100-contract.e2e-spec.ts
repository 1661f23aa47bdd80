import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { IntegrationError } from '@tributary/core';
import { Sage100Client, sage100UpdatedAtMs, type Sage100NewSalesOrder } from '@tributary/connectors-sage100';
import { startSage100Simulator, type Sage100Simulator } from '@tributary/simulator-sage100';

/**
 * The Sage 100 connector against the Sage 100 simulator, every route of the facade contract, no
 * Kafka. The simulator's clock is steered so "the same second as the watermark" is exact.
 */
describe('Sage100Client ⇄ Sage 100 simulator contract', () => {
  let sim: Sage100Simulator;
  let client: Sage100Client;
  let nowMs = Date.parse('2026-11-25T16:20:00.100Z');

  const rejectsWith = async (promise: Promise<unknown>, code: string): Promise<IntegrationError> => {
    try {
      await promise;
    } catch (error) {
      assert.ok(error instanceof IntegrationError, String(error));
      assert.equal(error.code, code, error.message);
      return error;
    }
    assert.fail(`expected ${code}`);
  };

  const order = (po: string, extra: Partial<Sage100NewSalesOrder> = {}): Sage100NewSalesOrder => ({
    ARDivisionNo: '01', CustomerNo: 'WEBSALES', OrderDate: '2026-11-25', CustomerPONo: po, UDF_CLARITY_ORDER: `clarity-${po}`,
    ShipToName: 'Priya Raman', ShipToAddress1: '88 Harbor View Rd', ShipToCity: 'Seattle', ShipToState: 'WA', ShipToZipCode: '98121', ShipToCountryCode: 'USA',
    ShipVia: 'UPS GROUND', TermsCode: '00', TaxSchedule: 'WA', PaymentType: 'VISA', FreightAmt: 9.5, SalesTaxAmt: 8.37, DiscountAmt: 0,
    Lines: [
      { ItemCode: 'ESP-BEANS-1KG', ItemType: '1', WarehouseCode: 'SEA', QuantityOrdered: 3, UnitPrice: 24.5, ExtensionAmt: 73.5 },
      { ItemCode: 'MUG-CER-12', ItemType: '1', WarehouseCode: 'SEA', QuantityOrdered: 2, UnitPrice: 8.99, LineDiscountPercent: 15, ExtensionAmt: 15.28 },
      { ItemCode: '/C', ItemType: '4', QuantityOrdered: 0, CommentText: 'Gift order — no invoice in the box' },
    ],
    ...extra,
  });

  before(async () => {
    sim = await startSage100Simulator({
      apiKeys: ['e2e-sage100-key'],
      companies: [{ code: 'TRB', divisions: ['01', '02'] }, { code: 'CAN' }],
      customers: [
        { company: 'TRB', ARDivisionNo: '01', CustomerNo: 'WEBSALES', CustomerName: 'Web Sales', EmailAddress: 'websales@tributary.example', ZipCode: '98121', TaxSchedule: 'WA' },
        { company: 'TRB', ARDivisionNo: '02', CustomerNo: 'HARBOURROAST', CustomerName: 'Harbour Roasters Ltd', EmailAddress: 'ap@harbour-roasters.example', ZipCode: '98101', CreditLimit: 500, CreditHold: 'Y' },
      ],
      items: [
        { ItemCode: 'ESP-BEANS-1KG', ItemType: '1', description: 'Espresso beans 1 kg', StandardUnitPrice: 24.5, warehouses: [{ WarehouseCode: 'SEA', QuantityOnHand: 40 }, { WarehouseCode: 'PDX', QuantityOnHand: 12 }] },
        { ItemCode: 'MUG-CER-12', ItemType: '1', description: 'Ceramic mug 12 oz', StandardUnitPrice: 8.99, warehouses: [{ WarehouseCode: 'SEA', QuantityOnHand: 100 }] },
      ],
      maxConcurrent: 3,
      clock: () => new Date(nowMs),
    });
    client = new Sage100Client({ apiUrl: sim.url, apiKey: 'e2e-sage100-key', companyCode: 'TRB', timeoutMs: 2000, maxConcurrentRequests: 2 });
  });

  after(async () => {
    await client.close();
    await sim.close();
  });

  it('creates, reads, finds by PO, updates and lists sales orders', async () => {
    const created = await client.createSalesOrder(order('CL-300001'));
    assert.match(created.SalesOrderNo, /^\d{7}$/);
    assert.deepEqual([created.OrderStatus, created.TaxableAmt, created.Lines.length], ['N', 88.78, 3]);
    assert.deepEqual((await client.getSalesOrder(created.SalesOrderNo))?.CustomerPONo, 'CL-300001');
    assert.equal(await client.getSalesOrder('0999999'), null);
    const found = await client.findSalesOrdersByPo('CL-300001');
    assert.deepEqual([found.open.map((o) => o.SalesOrderNo), found.history], [[created.SalesOrderNo], []]);
    nowMs += 1000;
    const updated = await client.updateSalesOrder(created.SalesOrderNo, { OrderStatus: 'O', ShipVia: 'FEDEX GROUND' });
    assert.deepEqual([updated.OrderStatus, updated.ShipVia, updated.TimeUpdated], ['O', 'FEDEX GROUND', '16:20:01']);
    const changed = await client.listSalesOrdersChangedSince(Date.parse('2026-11-25T16:20:01Z'));
    assert.deepEqual(changed.map((o) => o.SalesOrderNo), [created.SalesOrderNo]);
    const row = (await client.listItemWarehousesChangedSince(0, { ItemCode: 'ESP-BEANS-1KG', WarehouseCode: 'SEA' }))[0];
    assert.deepEqual([row?.QuantityOnHand, row?.QuantityOnSalesOrder], [40, 3]);
  });

  it('relays a 422 with the BOI text: a field too long, and a duplicate PO as DUPLICATE', async () => {
    const tooLong = await rejectsWith(client.createSalesOrder(order('CL-300002', { ShipVia: 'FEDEX 2-DAY PRIORITY' })), 'SAGE100.VALIDATION');
    assert.equal(tooLong.message, 'The ShipVia exceeds the maximum length of 15 characters.');
    assert.deepEqual([tooLong.transient, tooLong.details['field']], [false, 'ShipVia']);
    const duplicate = await rejectsWith(client.createSalesOrder(order('CL-300001')), 'SAGE100.DUPLICATE');
    assert.match(duplicate.message, /^Customer PO number CL-300001 has already been used on sales order \d{7} for this customer\.$/);
  });

  it('answers 409 while a record is locked, then succeeds once it is unlocked', async () => {
    const [open] = (await client.findSalesOrdersByPo('CL-300001')).open;
    sim.lock({ company: 'TRB', record: 'SalesOrder', key: open!.SalesOrderNo });
    const locked = await rejectsWith(client.updateSalesOrder(open!.SalesOrderNo, { Comment: 'Call before delivery' }), 'SAGE100.LOCKED');
    assert.equal(locked.transient, true);
    sim.unlock({ company: 'TRB', record: 'SalesOrder', key: open!.SalesOrderNo });
    assert.equal((await client.updateSalesOrder(open!.SalesOrderNo, { Comment: 'Call before delivery' })).Comment, 'Call before delivery');
  });

  it('answers 429 with Retry-After beyond the agent cap, and the client holds its next request for it', async () => {
    sim.setFaults({ latencyMs: 100 });
    // A client that allows more in flight than the agent; another spelling of the URL keeps its slots apart from `client`'s.
    const greedy = new Sage100Client({ apiUrl: `${sim.url}/`, apiKey: 'e2e-sage100-key', companyCode: 'TRB', timeoutMs: 2000, maxConcurrentRequests: 6 });
    const outcomes = await Promise.allSettled(Array.from({ length: 6 }, () => greedy.listPaymentTypes()));
    await greedy.close();
    sim.clearFaults();
    const throttled = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected').map((o) => o.reason as IntegrationError);
    assert.ok(throttled.length >= 3, `throttled ${throttled.length}`);
    assert.ok(throttled.every((e) => e.code === 'SAGE100.THROTTLED' && e.transient && e.details['retryAfterMs'] === 1000));
    sim.setFaults({ throttle: 1 });
    await rejectsWith(client.getItem('ESP-BEANS-1KG'), 'SAGE100.THROTTLED');
    const started = Date.now();
    assert.equal((await client.getItem('ESP-BEANS-1KG'))?.ItemCodeDesc, 'Espresso beans 1 kg');
    assert.ok(Date.now() - started >= 900, 'waited for Retry-After');
  });

  it('reports an offline agent as transient OFFLINE: 503, then refused connections', async () => {
    await sim.setOffline('unavailable');
    const unavailable = await rejectsWith(client.listPaymentTypes(), 'SAGE100.OFFLINE');
    assert.deepEqual([unavailable.transient, unavailable.details['httpStatus']], [true, 503]);
    await sim.setOffline('refuse');
    // A kept-alive socket the agent dropped fails first as UNAVAILABLE (a write's outcome unknown); a new connection is refused.
    const refused = await rejectsWith(client.createSalesOrder(order('CL-300009')).catch(() => client.createSalesOrder(order('CL-300009'))), 'SAGE100.OFFLINE');
    assert.equal(refused.details['outcomeUnknown'], false);
    await sim.setOnline();
    assert.equal((await client.listPaymentTypes()).length, 5);
  });

  it('creates, finds, searches and updates customers; reads items and payment types', async () => {
    const created = await client.createCustomer({ ARDivisionNo: '01', CustomerNo: 'PRAMAN', CustomerName: 'Priya Raman', EmailAddress: 'Priya.Raman@example.com', ZipCode: '98121', City: 'Seattle', State: 'WA', CountryCode: 'USA', CreditLimit: 1500 });
    assert.equal(created.CreditHold, 'N');
    await rejectsWith(client.createCustomer({ ARDivisionNo: '01', CustomerNo: 'PRAMAN', CustomerName: 'Priya Raman' }), 'SAGE100.DUPLICATE');
    assert.equal((await client.findCustomer('01', 'PRAMAN'))?.EmailAddress, 'Priya.Raman@example.com');
    assert.equal(await client.findCustomer('01', 'NOBODY'), null);
    assert.deepEqual((await client.searchCustomers({ email: 'priya.raman@EXAMPLE.com' })).map((c) => c.CustomerNo), ['PRAMAN']);
    assert.deepEqual((await client.searchCustomers({ name: 'priya  raman', zip: '98121' })).map((c) => c.CustomerNo), ['PRAMAN']);
    assert.equal((await client.findCustomer('02', 'HARBOURROAST'))?.CreditHold, 'Y');
    assert.equal((await client.updateCustomer('01', 'PRAMAN', { TelephoneNo: '206-555-0188' })).TelephoneNo, '206-555-0188');
    assert.equal((await client.getItem('MUG-CER-12'))?.TotalQuantityOnHand, 100);
    assert.equal(await client.getItem('NO-SUCH-SKU'), null);
    assert.deepEqual((await client.listPaymentTypes()).map((t) => t.PaymentType).sort(), ['AMEX', 'CHECK', 'MC', 'PAYPL', 'VISA']);
    const other = new Sage100Client({ apiUrl: sim.url, apiKey: 'e2e-sage100-key', companyCode: 'CAN', timeoutMs: 2000 });
    assert.equal(await other.findCustomer('01', 'PRAMAN'), null, 'companies are separate');
    await other.close();
  });

  it('records a deposit against an order once per Reference and finds it', async () => {
    const [open] = (await client.findSalesOrdersByPo('CL-300001')).open;
    const receipt = await client.createCashReceipt({ ARDivisionNo: '01', CustomerNo: 'WEBSALES', PaymentType: 'VISA', TransactionDate: '2026-11-25', PostingAmt: 106.65, SalesOrderNo: open!.SalesOrderNo, Reference: 'pi_3QxT7e2eZvKYlo2C1' });
    assert.match(receipt.DepositNo, /^\d{5}$/);
    await rejectsWith(client.createCashReceipt({ ARDivisionNo: '01', CustomerNo: 'WEBSALES', PaymentType: 'VISA', TransactionDate: '2026-11-25', PostingAmt: 106.65, SalesOrderNo: open!.SalesOrderNo, Reference: 'pi_3QxT7e2eZvKYlo2C1' }), 'SAGE100.DUPLICATE');
    assert.deepEqual((await client.findCashReceiptsByReference('pi_3QxT7e2eZvKYlo2C1')).map((r) => r.PostingAmt), [106.65]);
    assert.equal((await client.getSalesOrder(open!.SalesOrderNo))?.DepositAmt, 106.65);
  });

  it('shows a shipment as an invoice with tracking by DateUpdatedFrom, keeping records of the watermark second', async () => {
    const [first] = (await client.findSalesOrdersByPo('CL-300001')).open;
    const second = await client.createSalesOrder(order('CL-300003', { Lines: [{ ItemCode: 'MUG-CER-12', WarehouseCode: 'SEA', QuantityOrdered: 4 }] }));
    nowMs = Date.parse('2026-11-25T16:30:00.200Z');
    sim.ship({ company: 'TRB', SalesOrderNo: first!.SalesOrderNo, ShipVia: 'UPS GROUND', TrackingIDs: ['1Z999AA10123456784', '1Z999AA10123456795'] });

    const firstPoll = await client.listInvoicesChangedSince(Date.parse('2026-11-25T16:29:00Z'));
    assert.equal(firstPoll.length, 1);
    const invoice = firstPoll[0]!;
    assert.deepEqual([invoice.SalesOrderNo, invoice.CustomerPONo, invoice.ShipVia, invoice.UDF_CLARITY_ORDER], [first!.SalesOrderNo, 'CL-300001', 'UPS GROUND', 'clarity-CL-300001']);
    assert.deepEqual(invoice.Tracking.map((t) => t.TrackingID), ['1Z999AA10123456784', '1Z999AA10123456795']);
    assert.deepEqual(invoice.Lines.map((l) => [l.ItemCode, l.QuantityShipped]), [['ESP-BEANS-1KG', 3], ['MUG-CER-12', 2]]);
    const watermark = sage100UpdatedAtMs(invoice);

    nowMs = Date.parse('2026-11-25T16:30:00.800Z'); // the same second as the watermark
    sim.ship({ company: 'TRB', SalesOrderNo: second.SalesOrderNo, TrackingIDs: ['9400111899223817465520'] });
    const secondPoll = await client.listInvoicesChangedSince(watermark);
    assert.deepEqual(secondPoll.map((i) => i.SalesOrderNo), [first!.SalesOrderNo, second.SalesOrderNo], 'inclusive: the first again, and the one of the same second');

    const history = await client.findSalesOrdersByPo('CL-300001');
    assert.deepEqual([history.open, history.history.map((h) => h.OrderStatus)], [[], ['C']]);
    assert.equal((await client.listSalesOrderHistoryChangedSince(watermark)).length, 2);
    const stock = await client.listItemWarehousesChangedSince(watermark);
    assert.deepEqual(stock.map((r) => `${r.ItemCode}@${r.WarehouseCode} ${r.QuantityOnHand}/${r.QuantityOnSalesOrder}`), ['ESP-BEANS-1KG@SEA 37/0', 'MUG-CER-12@SEA 94/0']);
  });
});
