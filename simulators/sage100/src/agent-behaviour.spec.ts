import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Sage100Simulator } from './simulator-types.js';
import { admin, call, startTestSimulator, webOrder } from './testing/test-kit.js';

describe('Sage 100 simulator: the agent (auth, locks, offline, throttling, faults)', () => {
  let sim: Sage100Simulator;
  before(async () => {
    sim = await startTestSimulator({ maxConcurrent: 2, timeoutHangMs: 200 });
  });
  after(() => sim.close());
  beforeEach(() => sim.reset());

  it('answers 401 without a known key, 403 for a company the key may not use, 400 without a company', async () => {
    assert.deepEqual((await call(sim, 'GET', '/AR/PaymentType', undefined, { 'x-api-key': 'wrong' })).body.error, 'unauthorized');
    assert.equal((await call(sim, 'GET', '/AR/PaymentType', undefined, { 'x-api-key': 'xyz-only' })).status, 403);
    assert.equal((await call(sim, 'GET', '/AR/PaymentType', undefined, { 'x-api-key': 'xyz-only', 'x-company-code': 'XYZ' })).status, 200);
    assert.equal((await call(sim, 'GET', '/AR/PaymentType', undefined, { 'x-company-code': 'QQQ' })).status, 403);
    assert.equal((await fetch(`${sim.url}/AR/PaymentType`, { headers: { 'x-api-key': 'sim-test-key' } })).status, 400);
    assert.equal((await call(sim, 'GET', '/AR/Nothing')).status, 404);
    assert.equal((await call(sim, 'DELETE', '/SO/SalesOrder/0000001')).status, 400);
  });

  it('answers 409 while a record is locked, and accepts the write once it is unlocked', async () => {
    const order = (await call(sim, 'POST', '/SO/SalesOrder', webOrder())).body;
    assert.equal((await admin(sim, 'POST', '/locks', { record: 'SalesOrder', key: order.SalesOrderNo })).status, 204);
    const locked = await call(sim, 'PATCH', `/SO/SalesOrder/${order.SalesOrderNo}`, { ShipVia: 'FEDEX' });
    assert.deepEqual(locked.body, { error: 'locked', message: `The record ${order.SalesOrderNo} in SO_SalesOrderHeader is in use by another user. Try again later.` });
    assert.equal(locked.status, 409);
    assert.equal((await call(sim, 'GET', `/SO/SalesOrder/${order.SalesOrderNo}`)).status, 200, 'reads are not blocked');
    assert.deepEqual((await admin(sim, 'GET', '/locks')).body, [{ company: 'ABC', record: 'SalesOrder', key: order.SalesOrderNo }]);
    await admin(sim, 'DELETE', '/locks', { record: 'SalesOrder', key: order.SalesOrderNo });
    assert.equal((await call(sim, 'PATCH', `/SO/SalesOrder/${order.SalesOrderNo}`, { ShipVia: 'FEDEX' })).status, 200);

    sim.lock({ record: 'Customer', key: '01-WEBSALES' });
    assert.equal((await call(sim, 'POST', '/SO/SalesOrder', webOrder({ CustomerPONo: 'CL-2' }))).status, 409, 'an order updates its customer');
    assert.equal((await call(sim, 'PATCH', '/AR/Customer/01/WEBSALES', { TelephoneNo: '503-555-0100' })).status, 409);
    sim.unlock({ record: 'Customer', key: '01-WEBSALES' });
    sim.setFaults({ locked: 1 });
    assert.equal((await call(sim, 'POST', '/SO/SalesOrder', webOrder({ CustomerPONo: 'CL-2' }))).status, 409);
    assert.equal((await call(sim, 'POST', '/SO/SalesOrder', webOrder({ CustomerPONo: 'CL-2' }))).status, 201);
    assert.equal((await admin(sim, 'POST', '/locks', { record: 'Invoice', key: 'x' })).status, 400);
  });

  it('goes offline: 503 while the agent cannot reach Sage, refused connections while it is down', async () => {
    assert.equal((await admin(sim, 'POST', '/offline', { mode: 'unavailable' })).status, 204);
    const down = await call(sim, 'GET', '/AR/PaymentType');
    assert.deepEqual([down.status, down.body.error, down.body.message], [503, 'offline', 'The Sage 100 agent is not connected to the Sage 100 server.']);
    await admin(sim, 'DELETE', '/offline');
    assert.equal((await call(sim, 'GET', '/AR/PaymentType')).status, 200);

    await sim.setOffline('refuse');
    try {
      // A pooled keep-alive socket may first report "other side closed"; a new connection is refused.
      await fetch(`${sim.url}/AR/PaymentType`).catch(() => undefined);
      await assert.rejects(fetch(`${sim.url}/AR/PaymentType`), (error: any) => error.cause?.code === 'ECONNREFUSED');
    } finally {
      await sim.setOnline();
    }
    assert.equal((await call(sim, 'GET', '/AR/PaymentType')).status, 200);

    assert.equal((await admin(sim, 'POST', '/offline', { mode: 'refuse', forMs: 150 })).status, 204);
    await assert.rejects(fetch(`${sim.url}/AR/PaymentType`, { headers: { connection: 'close' } }));
    await new Promise((resolve) => setTimeout(resolve, 250));
    assert.equal((await call(sim, 'GET', '/AR/PaymentType')).status, 200, 'listening again after forMs');

    await sim.setOffline('unavailable', { forMs: 100 });
    assert.equal((await call(sim, 'GET', '/AR/PaymentType')).status, 503);
    await new Promise((resolve) => setTimeout(resolve, 150));
    assert.equal((await call(sim, 'GET', '/AR/PaymentType')).status, 200, 'back after forMs');
  });

  it('answers 429 with Retry-After beyond maxConcurrent requests in flight, and on a throttle fault', async () => {
    sim.setFaults({ latencyMs: 150 });
    const replies = await Promise.all([1, 2, 3, 4].map(() => call(sim, 'GET', '/AR/PaymentType')));
    const statuses = replies.map((r) => r.status).sort();
    assert.deepEqual(statuses, [200, 200, 429, 429]);
    const throttled = replies.find((r) => r.status === 429)!;
    assert.equal(throttled.headers.get('retry-after'), '1');
    assert.equal(throttled.body.error, 'throttled');
    assert.ok(sim.stats().maxConcurrentSeen > 2);
    sim.setFaults({ throttle: 1 });
    assert.equal((await call(sim, 'GET', '/AR/PaymentType')).status, 429);
    assert.equal((await call(sim, 'GET', '/AR/PaymentType')).status, 200);
  });

  it('injects 500s, hangs and commit-then-fail writes; rates replay the same with the same seed', async () => {
    sim.setFaults({ http5xx: 1 });
    assert.equal((await call(sim, 'GET', '/AR/PaymentType')).status, 500);
    sim.setFaults({ timeout: 1 });
    await assert.rejects(call(sim, 'GET', '/AR/PaymentType'));
    sim.setFaults({ commitThenFail: 1 });
    assert.equal((await call(sim, 'POST', '/SO/SalesOrder', webOrder())).status, 500);
    assert.equal(sim.orders().length, 1, 'the write was committed');
    const draw = async () => {
      sim.reset();
      sim.setFaults({ rates: { http5xx: 0.5 } });
      const statuses: number[] = [];
      for (let i = 0; i < 12; i += 1) statuses.push((await call(sim, 'GET', '/AR/PaymentType')).status);
      return statuses;
    };
    const first = await draw();
    assert.deepEqual(await draw(), first);
    assert.ok(first.includes(500) && first.includes(200));
    assert.equal((await admin(sim, 'POST', '/faults', { throttle: -1 })).status, 400);
  });

  it('creates, finds, searches and updates customers by Sage rules', async () => {
    const created = await call(sim, 'POST', '/AR/Customer/01/JALVAREZ', { CustomerName: 'Jordan Alvarez', EmailAddress: 'Jordan.Alvarez@example.com', ZipCode: '97209', City: 'Portland', State: 'OR', CreditLimit: 1500 });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    assert.deepEqual([created.body.CreditHold, created.body.CurrentBalance], ['N', 0]);
    assert.equal((await call(sim, 'POST', '/AR/Customer/01/JALVAREZ', { CustomerName: 'Someone else' })).body.error, 'duplicate');
    assert.equal((await call(sim, 'POST', '/AR/Customer/01/jalvarez', { CustomerName: 'Lower case' })).status, 422);
    assert.equal((await call(sim, 'POST', '/AR/Customer/09/NEWONE', { CustomerName: 'Bad division' })).body.message, 'The AR division 09 is not on file.');
    assert.equal((await call(sim, 'POST', '/AR/Customer/01/LONGNAME', { CustomerName: 'A customer name over thirty chars' })).body.field, 'CustomerName');
    assert.equal((await call(sim, 'POST', `/AR/Customer/01/${'X'.repeat(21)}`, { CustomerName: 'Too long a key' })).body.field, 'CustomerNo');
    assert.equal((await call(sim, 'GET', '/AR/Customer/01/JALVAREZ')).body.EmailAddress, 'Jordan.Alvarez@example.com');
    assert.equal((await call(sim, 'GET', '/AR/Customer/01/NOBODY')).status, 404);
    const byEmail = await call(sim, 'GET', '/AR/Customer?EmailAddress=jordan.alvarez%40EXAMPLE.com');
    assert.deepEqual(byEmail.body.Records.map((c: any) => c.CustomerNo), ['JALVAREZ']);
    const byName = await call(sim, 'GET', `/AR/Customer?CustomerName=${encodeURIComponent('  jordan   ALVAREZ ')}&ZipCode=97209`);
    assert.deepEqual(byName.body.Records.map((c: any) => c.CustomerNo), ['JALVAREZ']);
    assert.equal((await call(sim, 'GET', '/AR/Customer?CustomerName=Jordan%20Alvarez&ZipCode=10001')).body.Records.length, 0);
    const updated = await call(sim, 'PATCH', '/AR/Customer/01/JALVAREZ', { CreditHold: 'Y', TelephoneNo: '503-555-0142' });
    assert.deepEqual([updated.status, updated.body.CreditHold], [200, 'Y']);
    assert.equal((await call(sim, 'PATCH', '/AR/Customer/01/JALVAREZ', { CreditHold: 'maybe' })).status, 422);
  });

  it('records deposits against orders and receipts against invoices, unique by Reference', async () => {
    const order = (await call(sim, 'POST', '/SO/SalesOrder', webOrder())).body;
    const receipt = { ARDivisionNo: '01', CustomerNo: 'WEBSALES', PaymentType: 'VISA', TransactionDate: '2026-11-25', PostingAmt: 86.34, SalesOrderNo: order.SalesOrderNo, Reference: 'pay_3PqX7c2eZvKYlo2C' };
    const created = await call(sim, 'POST', '/AR/CashReceipt', receipt);
    assert.equal(created.status, 201, JSON.stringify(created.body));
    assert.deepEqual([created.body.DepositNo, created.body.CheckNo], ['00001', 'WEB0000001']);
    assert.equal((await call(sim, 'GET', `/SO/SalesOrder/${order.SalesOrderNo}`)).body.DepositAmt, 86.34);
    const again = await call(sim, 'POST', '/AR/CashReceipt', receipt);
    assert.deepEqual([again.status, again.body.error, again.body.message], [422, 'duplicate', 'Reference pay_3PqX7c2eZvKYlo2C has already been used on deposit 00001.']);
    assert.equal((await call(sim, 'POST', '/AR/CashReceipt', { ...receipt, Reference: 'r2', PaymentType: 'BTC' })).status, 422);
    assert.equal((await call(sim, 'POST', '/AR/CashReceipt', { ...receipt, Reference: 'r3', CustomerNo: 'ABF' })).body.message, `Sales order ${order.SalesOrderNo} does not belong to customer 01-ABF.`);
    assert.equal((await call(sim, 'POST', '/AR/CashReceipt', { ...receipt, Reference: 'r4', PostingAmt: 0 })).status, 422);
    const { invoice } = sim.ship({ SalesOrderNo: order.SalesOrderNo, TrackingIDs: ['1Z1'] });
    const onInvoice = await call(sim, 'POST', '/AR/CashReceipt', { ...receipt, SalesOrderNo: undefined, InvoiceNo: invoice.InvoiceNo, Reference: 'r5', PostingAmt: 10 });
    assert.equal(onInvoice.status, 201, JSON.stringify(onInvoice.body));
    assert.equal(sim.customers('ABC').find((c) => c.CustomerNo === 'WEBSALES')?.CurrentBalance, 76.34, 'invoice 86.34 less 10 received');
    assert.deepEqual((await call(sim, 'GET', '/AR/CashReceipt?Reference=pay_3PqX7c2eZvKYlo2C')).body.Records.map((r: any) => r.DepositNo), ['00001']);
  });

  it('serves items, and seeds and lists through the admin API', async () => {
    const item = await call(sim, 'GET', '/CI/Item/ESP-BEANS-1KG');
    assert.deepEqual([item.body.ItemType, item.body.StandardUnitPrice, item.body.TotalQuantityOnHand], ['1', 24.5, 160]);
    assert.equal((await call(sim, 'GET', '/CI/Item/NOPE')).status, 404);
    assert.equal((await admin(sim, 'POST', '/seed', { items: [{ company: 'ABC', ItemCode: 'FILTER-V60', ItemType: '1', description: 'V60 paper filters', StandardUnitPrice: 6.5, warehouses: [{ WarehouseCode: '000', QuantityOnHand: 50 }] }] })).status, 204);
    assert.equal((await call(sim, 'GET', '/CI/Item/FILTER-V60')).status, 200);
    assert.equal((await call(sim, 'GET', '/CI/Item/FILTER-V60', undefined, { 'x-company-code': 'XYZ' })).status, 404);
    assert.equal((await admin(sim, 'POST', '/seed', { items: [{ ItemCode: 'X', ItemType: '9', description: 'bad', warehouses: [] }] })).status, 400);
    for (const path of ['/orders', '/history', '/customers', '/items', '/item-warehouses', '/invoices', '/receipts', '/payment-types', '/stats']) {
      assert.equal((await admin(sim, 'GET', path)).status, 200, path);
    }
    assert.equal((await admin(sim, 'GET', '/orders?company=NOPE')).status, 404);
  });
});
