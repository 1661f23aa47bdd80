import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { INestApplicationContext } from '@nestjs/common';
import { topics, type InventoryAdjustmentEvent, type OrderStatusEvent, type ShipmentEvent } from '@tributary/canonical-model';
import { createClarityEgress } from '@tributary/clarity-egress';
import { createSage100Source } from '@tributary/sage100-source';
import { sampleShopData, startClaritySimulator, type ClaritySimulator } from '@tributary/simulator-clarity';
import { sleep, waitFor } from '@tributary/testing';
import { canonicalOrder, Sage100Stack } from './sage100-stack.js';

const CLIENT = { clientId: 'tributary-egress', clientSecret: 'egress-secret' };
const TRACKING = ['1Z999AA10123456784', '1Z999AA10123456785'];

describe('sage100-source: a shipped order reaches Clarity once with carrier and tracking; stock and status flow back', () => {
  let stack: Sage100Stack;
  let shop: ClaritySimulator;
  let egress: INestApplicationContext | undefined;
  let source: INestApplicationContext | undefined;
  let env: Record<string, string>;

  before(async () => {
    shop = await startClaritySimulator({ clients: [CLIENT], data: sampleShopData(3, { seed: 9, startNumber: 880_001 }) });
    stack = await Sage100Stack.start();
    env = { ...stack.env, CLARITY_API_URL: shop.url, CLARITY_CLIENT_ID: CLIENT.clientId, CLARITY_CLIENT_SECRET: CLIENT.clientSecret, CLARITY_API_TIMEOUT_MS: '2000', POLL_INTERVAL_MS: '500' };
    egress = await createClarityEgress(env);
  });
  after(async () => {
    await source?.close();
    await egress?.close();
    await stack.stop();
    await shop.close();
  });

  it('invoice with tracking → commerce.shipment.v1 (carrier from ShipVia) → clarity-egress → Clarity /api/v1/shipments, once', async () => {
    const clarityOrder = shop.orders()[0]!;
    const event = canonicalOrder({ orderNumber: clarityOrder.orderNumber, orderId: clarityOrder.orderId, method: 'UPS 2nd Day Air', lines: clarityOrder.lineItems.map((l) => ({ sku: l.sku, quantity: Number(l.quantity), unitPrice: Number(l.unitPrice).toFixed(2) })) });
    await stack.sendOrders([event]);
    const order = await waitFor(() => stack.sim.orders().find((o) => o.UDF_CLARITY_ORDER === clarityOrder.orderNumber), { what: 'the sales order', timeoutMs: 30_000 });
    assert.equal(order.ShipVia, 'UPS 2ND DAY');

    source = await createSage100Source(env);
    stack.sim.ship({ SalesOrderNo: order.SalesOrderNo, TrackingIDs: TRACKING });
    const shipped = await waitFor(() => shop.shipments().find((s) => s.orderNumber === clarityOrder.orderNumber), { what: 'the shipment in Clarity', timeoutMs: 30_000 });
    assert.equal(shipped.carrier, 'UPS');
    assert.equal(shipped.service, 'UPS 2ND DAY');
    assert.equal(shipped.trackingNumber, TRACKING.join(','));
    assert.equal(shipped.orderId, clarityOrder.orderId);
    assert.deepEqual(shipped.lines.map((l) => [l.sku, Number(l.quantity)]), clarityOrder.lineItems.map((l) => [l.sku, Number(l.quantity)]));

    // More polls (each reads the watermark's second again) and a restart (state rebuilt from the topic): nothing twice.
    await sleep(1_500);
    await source.close();
    source = await createSage100Source(env);
    await sleep(1_500);
    const shipments = (await stack.read<ShipmentEvent>(topics.shipment)).filter((m) => m.value?.shipment.orderNumber === clarityOrder.orderNumber);
    assert.equal(shipments.length, 1, 'one shipment event per invoice version');
    assert.equal(shop.shipments().filter((s) => s.orderNumber === clarityOrder.orderNumber).length, 1, 'one shipment in Clarity');

    const adjustments = (await stack.read<InventoryAdjustmentEvent>(topics.inventoryAdjustment)).map((m) => m.value!);
    const first = clarityOrder.lineItems[0]!;
    const mug = adjustments.filter((a) => a.adjustment.sku === first.sku && a.adjustment.locationId === 'WH-AUSTIN');
    assert.equal(mug.at(-1)?.adjustment.onHand, `${5000 - Number(first.quantity)}.0000`, 'on hand after shipping, back as a canonical adjustment');
    assert.equal(new Set(mug.map((a) => a.adjustment.erpVersion)).size, mug.length, 'no version twice');
    const statuses = (await stack.read<OrderStatusEvent>(topics.orderStatus)).map((m) => m.value!).filter((s) => s.orderStatus.orderNumber === clarityOrder.orderNumber);
    assert.ok(statuses.some((s) => s.orderStatus.status === 'invoiced'), `order status reached invoiced: ${statuses.map((s) => s.orderStatus.erpState).join(', ')}`);
    assert.equal(new Set(statuses.map((s) => s.orderStatus.erpVersion)).size, statuses.length, 'no status version twice');
  });
});
