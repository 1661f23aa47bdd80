import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { topics, type InventoryLevelEvent, type OrderEvent, type PaymentEvent } from '@tributary/canonical-model';
import { listHeldSage100Orders, reconcileSage100, sage100CliEnvSchema } from '@tributary/tributary-cli';
import { loadConfig } from '@tributary/config';
import { createLogger } from '@tributary/observability';
import { BACK_ORDER_SUFFIX, customerPoNo, sage100OrderTotal } from '@tributary/mapping-sage100';
import { sampleOrders, webhookFor, type ClarityOrderPayload } from '@tributary/simulator-clarity';
import { waitFor } from '@tributary/testing';
import { canonicalOrder, LIMITED, Sage100Stack } from './sage100-stack.js';

const ORDERS = 50;
const cents = (value: number | string) => Math.round(Number(value) * 100);

describe('sage100-sink: Clarity orders become Sage 100 sales orders, once (real broker, registry, Sage 100 simulator)', () => {
  let stack: Sage100Stack;
  let payloads: ClarityOrderPayload[];

  before(async () => {
    stack = await Sage100Stack.start({ withIngress: true });
    stack.sim.seed({
      customers: [
        { ARDivisionNo: '01', CustomerNo: 'JROE', CustomerName: 'Jane Roe', EmailAddress: 'jane.roe@example.com', ZipCode: '78701' },
        { ARDivisionNo: '01', CustomerNo: 'ONHOLD', CustomerName: 'Held Account', EmailAddress: 'held@example.com', ZipCode: '78702', CreditHold: 'Y' },
        { ARDivisionNo: '01', CustomerNo: 'NEARLIMIT', CustomerName: 'Near Limit', EmailAddress: 'limit@example.com', ZipCode: '78703', CreditLimit: 50, CurrentBalance: 40 },
      ],
    });
  });
  after(async () => { await stack.stop(); });

  it(`${ORDERS} realistic orders → ${ORDERS} sales orders with the right lines, freight, tax and totals`, async () => {
    payloads = sampleOrders(ORDERS, { seed: 7, startNumber: 700_001 });
    const results = await stack.sender().sendMany(payloads.map((o) => webhookFor(o)), { concurrency: 8 });
    assert.equal(results.filter((r) => r.status !== 202).length, 0, 'every webhook acknowledged');
    await waitFor(() => payloads.every((p) => stack.ordersFor(p.orderNumber).length > 0), { what: `${ORDERS} sales orders`, timeoutMs: 60_000, intervalMs: 250 });
    const items = (await import('./e2e-stack.js')).itemIds;
    for (const payload of payloads) {
      const found = stack.sim.orders().filter((o) => o.UDF_CLARITY_ORDER === payload.orderNumber);
      assert.equal(found.length, 1, `one sales order for ${payload.orderNumber}`);
      const order = found[0]!;
      assert.equal(order.CustomerPONo, payload.orderNumber);
      assert.equal(order.company, payload.shippingAddress.country === 'CA' ? 'CAN' : 'ABC', 'company by routing rule');
      const itemLines = order.Lines.filter((l) => l.ItemType === '1');
      assert.deepEqual(itemLines.map((l) => [l.ItemCode, l.QuantityOrdered]), payload.lineItems.map((l) => [items[l.sku], Number(l.quantity)]), `${payload.orderNumber} lines`);
      assert.equal(cents(order.FreightAmt), cents(payload.shipping.amount), `${payload.orderNumber} freight`);
      assert.equal(cents(order.SalesTaxAmt), payload.lineItems.reduce((s, l) => s + cents(l.tax), 0), `${payload.orderNumber} tax`);
      assert.equal(cents(sage100OrderTotal(order)), cents(payload.totalAmount), `${payload.orderNumber} total`);
      assert.ok(order.ShipVia.length > 0 && order.TermsCode === '00' && order.TaxSchedule === 'WEB' && order.PaymentType.length > 0, 'header codes from the mapping file');
    }
  });

  it('the same order delivered three more times (redelivery and a duplicate with a new event id) stays one order', async () => {
    const messages = await stack.read<OrderEvent>(topics.order);
    const first = messages.find((m) => m.value?.order.orderNumber === payloads[0]!.orderNumber)!.value!;
    await stack.sendOrders([first, first, { ...first, eventId: `${first.eventId}-again` }]);
    await waitFor(() => stack.caughtUp('sage100-sink', topics.order.name), { what: 'the redeliveries handled', timeoutMs: 30_000 });
    assert.equal(stack.ordersFor(first.order.orderNumber).length, 1);
  });

  it('customers: a known e-mail reuses the customer; two concurrent orders of a new customer create one', async () => {
    const known = canonicalOrder({ orderNumber: 'CL-KNOWN-1', email: 'Jane.Roe+shop@Example.com', firstName: 'Jane', lastName: 'Roe', postalCode: '78701' });
    const a = canonicalOrder({ orderNumber: 'CL-NEW-A', customerId: 'cust-new-77', email: 'new.customer@example.com', firstName: 'Ada', lastName: 'Byron' });
    const b = canonicalOrder({ orderNumber: 'CL-NEW-B', customerId: 'cust-new-77', email: 'new.customer@example.com', firstName: 'Ada', lastName: 'Byron' });
    await stack.sendOrders([known, a, b]);
    await waitFor(() => ['CL-KNOWN-1', 'CL-NEW-A', 'CL-NEW-B'].every((n) => stack.ordersFor(n).length === 1), { what: 'three orders', timeoutMs: 30_000 });
    assert.equal(stack.ordersFor('CL-KNOWN-1')[0]!.CustomerNo, 'JROE');
    const created = stack.sim.customers().filter((c) => c.EmailAddress === 'new.customer@example.com');
    assert.equal(created.length, 1, 'one customer');
    assert.equal(created[0]!.CustomerNo, 'CLCUST-NEW-77', 'deterministic CustomerNo with the configured prefix');
    assert.equal(created[0]!.ARDivisionNo, '01');
    assert.deepEqual(new Set(['CL-NEW-A', 'CL-NEW-B'].map((n) => stack.ordersFor(n)[0]!.CustomerNo)), new Set(['CLCUST-NEW-77']));
  });

  it('credit: a customer on credit hold or over the limit gets the order on hold (OrderStatus H)', async () => {
    await stack.sendOrders([
      canonicalOrder({ orderNumber: 'CL-CREDIT-1', email: 'held@example.com', lastName: 'Account', firstName: 'Held' }),
      canonicalOrder({ orderNumber: 'CL-CREDIT-2', email: 'limit@example.com', lastName: 'Limit', firstName: 'Near' }),
      canonicalOrder({ orderNumber: 'CL-CREDIT-OK', email: 'jane.roe@example.com', lastName: 'Roe', firstName: 'Jane' }),
    ]);
    await waitFor(() => ['CL-CREDIT-1', 'CL-CREDIT-2', 'CL-CREDIT-OK'].every((n) => stack.ordersFor(n).length === 1), { what: 'credit orders', timeoutMs: 30_000 });
    const status = (n: string) => (stack.ordersFor(n)[0] as { OrderStatus: string }).OrderStatus;
    assert.equal(status('CL-CREDIT-1'), 'H');
    assert.equal(status('CL-CREDIT-2'), 'H');
    assert.equal(status('CL-CREDIT-OK'), 'N');
  });

  it('out of stock: back order (default), partial + back order (store-split), hold until restock (store-hold)', async () => {
    await stack.sendOrders([
      canonicalOrder({ orderNumber: 'CL-STOCK-BO', lines: [{ sku: `TRB-${LIMITED.backorder}`, quantity: 5, unitPrice: '20.00' }] }),
      canonicalOrder({ orderNumber: 'CL-STOCK-SPLIT', storeId: 'store-split', lines: [{ sku: `TRB-${LIMITED.split}`, quantity: 5, unitPrice: '20.00' }, { sku: 'TRB-MUG-12OZ', quantity: 1, unitPrice: '14.00' }] }),
      canonicalOrder({ orderNumber: 'CL-STOCK-HOLD', storeId: 'store-hold', lines: [{ sku: `TRB-${LIMITED.hold}`, quantity: 3, unitPrice: '20.00' }] }),
    ]);
    await waitFor(() => stack.ordersFor('CL-STOCK-BO').length === 1 && stack.ordersFor('CL-STOCK-SPLIT').length === 2, { what: 'back order and split', timeoutMs: 30_000 });
    assert.equal(stack.ordersFor('CL-STOCK-BO')[0]!.OrderType, 'B');
    const split = stack.sim.orders().filter((o) => o.UDF_CLARITY_ORDER === 'CL-STOCK-SPLIT').sort((x, y) => y.OrderType.localeCompare(x.OrderType));
    assert.deepEqual(split.map((o) => [o.CustomerPONo, o.OrderType, o.Lines.map((l) => `${l.ItemCode}×${l.QuantityOrdered}`).join(',')]), [
      ['CL-STOCK-SPLIT', 'S', `${LIMITED.split}×2,MUG-12OZ×1`],
      [customerPoNo('CL-STOCK-SPLIT', BACK_ORDER_SUFFIX), 'B', `${LIMITED.split}×3`], // 17 characters: shortened deterministically
    ]);
    assert.ok(split[0]!.FreightAmt > 0 && split[1]!.FreightAmt === 0, 'freight and tax on the first half only');

    const cli = loadConfig(sage100CliEnvSchema, stack.env);
    const held = await waitFor(async () => (await listHeldSage100Orders(cli, createLogger('e2e', 'silent'))).find((h) => h.orderNumber === 'CL-STOCK-HOLD'), { what: 'the held order listed', timeoutMs: 30_000 });
    assert.equal(held.kind, 'stock');
    assert.match(held.reason, /LIMITED-C@000 ordered 3, available 0/);
    assert.equal(stack.ordersFor('CL-STOCK-HOLD').length, 0, 'not in Sage while held');

    stack.sim.setQuantityOnHand({ ItemCode: LIMITED.hold, WarehouseCode: '000', QuantityOnHand: 10 });
    const level: InventoryLevelEvent = {
      eventId: 'lvl-limited-c-1', eventType: 'inventory.level-changed', occurredAt: Date.now(), source: 'inventory-projector', correlationId: 'lvl-limited-c-1', causationId: null, schemaVersion: 1,
      level: { sku: `TRB-${LIMITED.hold}`, locationId: 'WH-AUSTIN', onHand: '10', reserved: '0', safetyStock: '0', available: '10', availableRaw: '10', erpVersion: null, sequence: 1, changedAt: Date.now() },
    };
    await stack.send(topics.inventoryLevel, [{ key: `TRB-${LIMITED.hold}@WH-AUSTIN`, value: level }]);
    await waitFor(() => stack.ordersFor('CL-STOCK-HOLD').length === 1, { what: 'the held order released on restock', timeoutMs: 30_000 });
    assert.equal(stack.ordersFor('CL-STOCK-HOLD')[0]!.OrderType, 'S');
    assert.equal((await listHeldSage100Orders(cli, createLogger('e2e', 'silent'))).length, 0, 'nothing held any more');
  });

  it('payments become deposits once; reconciliation reports 0 missing, 0 duplicate', async () => {
    const paid = payloads.slice(0, 5);
    const events: PaymentEvent[] = paid.map((p, i) => ({
      eventId: `pay-${p.orderNumber}`, eventType: 'payment.captured', occurredAt: Date.now(), source: 'clarity', correlationId: `pay-${p.orderNumber}`, causationId: null, schemaVersion: 1,
      payment: { paymentId: `pay-${i}`, orderId: p.orderId, orderNumber: p.orderNumber, customerId: p.customerId, kind: 'captured', method: p.paymentInfo.method, gateway: 'stripe', transactionId: `txn-${p.orderNumber}`, amount: String(p.totalAmount), fee: null, currency: 'USD', processedAt: Date.now() },
    }));
    await stack.send(topics.payment, [...events, ...events].map((e) => ({ key: e.payment.paymentId, value: e })));
    await waitFor(() => paid.every((p) => stack.sim.receipts().some((r) => r.Reference === `txn-${p.orderNumber}`)), { what: 'five deposits', timeoutMs: 30_000 });
    await waitFor(() => stack.caughtUp('sage100-sink', topics.payment.name), { what: 'payments handled', timeoutMs: 30_000 });
    for (const p of paid) assert.equal(stack.sim.receipts().filter((r) => r.Reference === `txn-${p.orderNumber}`).length, 1, 'one deposit per capture');

    const report = await reconcileSage100(loadConfig(sage100CliEnvSchema, stack.env), createLogger('e2e', 'silent'), { fromMs: 0, toMs: Date.now(), companies: ['ABC', 'CAN'], requeueMissing: false, progress: () => {} });
    assert.deepEqual(report.counts, { missing: 0, duplicate: 0, mismatched: 0, orphan: 0 }, JSON.stringify(report.findings.slice(0, 5)));
    assert.ok((report.sections.order?.matched ?? 0) >= ORDERS + 8, `orders matched: ${report.sections.order?.matched}`);
    assert.equal(report.sections.payment?.matched, 5);
  });
});
