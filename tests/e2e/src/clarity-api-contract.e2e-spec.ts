import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { IntegrationError } from '@tributary/core';
import {
  ClarityApiClient,
  clarityApiRoutes,
  clarityCustomerWebhookSchema,
  clarityShipmentWebhookSchema,
  clarityThinWebhookSchema,
  verifyClaritySignature,
  type ClarityApiRequestEvent,
} from '@tributary/connectors-clarity';
import {
  sampleShopData,
  startClaritySimulator,
  startWebhookReceiver,
  type ClaritySimulator,
  type WebhookReceiver,
} from '@tributary/simulator-clarity';

/**
 * The Clarity API client against the simulated shop: two independent implementations of
 * libs/connectors/clarity/openapi/clarity-api.v1.yaml. No Kafka needed.
 */
describe('ClarityApiClient ⇄ Clarity simulator contract', () => {
  const credentials = { clientId: 'tributary-egress', clientSecret: 'e2e-client-secret' };
  const webhookSecret = 'whsec_e2e_contract';
  const data = sampleShopData(10, { seed: 42, startNumber: 70001 });
  const order = data.orders![0]!;
  const customer = data.customers!.find((c) => c.customerId === order.customerId)!;
  let simulator: ClaritySimulator;
  let receiver: WebhookReceiver;
  let client: ClarityApiClient;
  const events: ClarityApiRequestEvent[] = [];

  before(async () => {
    receiver = await startWebhookReceiver();
    simulator = await startClaritySimulator({ clients: [credentials], data, webhooks: { url: receiver.url, secrets: [webhookSecret], backoffMs: 20 } });
    client = new ClarityApiClient({ baseUrl: simulator.url, ...credentials, timeoutMs: 2_000, onRequest: (event) => events.push(event) });
  });
  after(async () => {
    await client.close();
    await simulator.idle();
    await simulator.close();
    await receiver.close();
  });
  beforeEach(() => {
    receiver.received.length = 0;
    receiver.answer();
  });

  const verified = (webhook: { rawBody: string; headers: Record<string, unknown> }) =>
    verifyClaritySignature({
      rawBody: Buffer.from(webhook.rawBody),
      header: String(webhook.headers['x-clarity-signature']),
      secrets: [webhookSecret],
      nowSeconds: Math.floor(Date.now() / 1000),
    }).ok;

  it('the OpenAPI document has every route the client calls, and the simulator serves each', async () => {
    const document = parse(readFileSync(new URL('../../../libs/connectors/clarity/openapi/clarity-api.v1.yaml', import.meta.url), 'utf8')) as {
      paths: Record<string, Record<string, { operationId?: string }>>;
    };
    for (const [operation, route] of Object.entries(clarityApiRoutes)) {
      assert.equal(document.paths[route.path]?.[route.method.toLowerCase()]?.operationId, operation, `${route.method} ${route.path}`);
      if (operation === 'token') continue;
      // Whatever the answer to an unknown id or an empty body, it must be the route's, not "no route".
      const response = await fetch(`${simulator.url}${route.path.replace(/\{\w+\}/g, 'unknown-id')}`, {
        method: route.method,
        headers: { authorization: 'Bearer not-a-token' },
      });
      assert.equal(response.status, 401, `${route.method} ${route.path} is served (and guarded)`);
    }
  });

  it('reads every kind of entity through the client, validated by the webhook schemas; null when unknown', async () => {
    const got = await client.getOrder(order.orderId);
    assert.equal(got?.orderNumber, order.orderNumber);
    assert.equal(got?.lineItems.length, order.lineItems.length);
    assert.equal((await client.getCustomer(customer.customerId))?.email, customer.email);
    assert.equal((await client.getProduct(data.products![3]!.sku))?.name, data.products![3]!.name);
    assert.equal((await client.getPayment(data.payments![0]!.paymentId))?.orderId, order.orderId);
    assert.equal((await client.getReturn(data.returns![0]!.returnId))?.returnNumber, data.returns![0]!.returnNumber);
    // Every sample entity the shop serves passes the connector's schemas.
    for (const each of data.orders!) assert.ok(await client.getOrder(each.orderId), each.orderId);
    for (const each of data.customers!) assert.ok(await client.getCustomer(each.customerId), each.customerId);
    for (const each of data.products!) assert.ok(await client.getProduct(each.sku), each.sku);
    for (const each of data.payments!) assert.ok(await client.getPayment(each.paymentId), each.paymentId);
    for (const each of data.returns!) assert.ok(await client.getReturn(each.returnId), each.returnId);
    for (const missing of [client.getOrder('nope'), client.getCustomer('nope'), client.getProduct('nope'), client.getReturn('nope'), client.getPayment('nope'), client.getShipment('nope')]) {
      assert.equal(await missing, null);
    }
  });

  it('creates a shipment idempotently and reads it back', async () => {
    const shipment = {
      shipmentId: 'shp-70001-1',
      orderId: order.orderId,
      carrier: 'UPS',
      service: 'Ground',
      trackingNumber: '1Z999AA10123456784',
      trackingUrl: 'https://www.ups.com/track?tracknum=1Z999AA10123456784',
      shippedAt: '2026-11-26T15:38:00Z',
      lines: order.lineItems.map((line) => ({ sku: line.sku, quantity: line.quantity })),
    };
    assert.deepEqual(await client.createShipment(shipment, { idempotencyKey: shipment.shipmentId }), { shipmentId: 'shp-70001-1', status: 'created', replayed: false });
    assert.deepEqual(await client.createShipment(shipment, { idempotencyKey: shipment.shipmentId }), { shipmentId: 'shp-70001-1', status: 'created', replayed: true });
    assert.equal(simulator.shipments().length, 1);
    const read = await client.getShipment('shp-70001-1');
    assert.equal(read?.orderNumber, order.orderNumber);
    assert.equal(read?.trackingNumber, '1Z999AA10123456784');
    await assert.rejects(
      client.createShipment({ ...shipment, shipmentId: 'shp-x', orderId: 'no-such-order' }, { idempotencyKey: 'shp-x' }),
      (error: unknown) => error instanceof IntegrationError && error.code === 'CLARITY.REJECTED' && !error.transient && error.details['clarityError'] === 'unknown_order',
    );
    // What Clarity would announce for it passes the connector's shipment webhook schema.
    const [delivery] = await simulator.emit('shipment.created', 'shp-70001-1');
    assert.equal(delivery?.state, 'delivered');
    const [webhook] = await receiver.waitFor(1);
    assert.ok(clarityShipmentWebhookSchema.safeParse(webhook!.body).success, JSON.stringify(webhook!.body));
  });

  it('pushes 250 levels in three calls; stale sequences are ignored and counted', async () => {
    const before = simulator.inventoryPushes().length;
    const levels = Array.from({ length: 250 }, (_, i) => ({ sku: `TRB-SKU-${i % 125}`, locationId: i < 125 ? 'AUS-01' : 'SEA-01', available: String(100 + i), sequence: 10 }));
    assert.deepEqual(await client.putInventory(levels), { accepted: 250, ignoredStale: 0 });
    const pushes = simulator.inventoryPushes().slice(before);
    assert.deepEqual(pushes.map((p) => p.levels.length), [100, 100, 50]);
    assert.deepEqual(await client.putInventory([{ sku: 'TRB-SKU-0', locationId: 'AUS-01', available: '1', sequence: 9 }]), { accepted: 0, ignoredStale: 1 });
    assert.equal(simulator.inventory().find((l) => l.sku === 'TRB-SKU-0' && l.locationId === 'AUS-01')?.available, '100');
  });

  it('updates an order status idempotently', async () => {
    const first = await client.updateOrderStatus(order.orderId, { status: 'shipped', note: 'UPS 1Z999AA10123456784' }, { idempotencyKey: `${order.orderId}-shipped` });
    const again = await client.updateOrderStatus(order.orderId, { status: 'shipped', note: 'UPS 1Z999AA10123456784' }, { idempotencyKey: `${order.orderId}-shipped` });
    assert.deepEqual(again, first);
    assert.equal(first.previousStatus, order.status);
    assert.equal((await client.getOrder(order.orderId))?.status, 'shipped');
    assert.equal(simulator.orderStatuses().filter((s) => s.orderId === order.orderId).length, 1);
  });

  it('a customer PATCH produces customer.updated with updatedBy integration:tributary, which the connector can tell is an echo', async () => {
    const updated = await client.updateCustomer(customer.customerId, { phone: '+1 512 555 0177' });
    assert.equal(updated.phone, '+1 512 555 0177');
    assert.equal(updated.updatedBy, 'integration:tributary');
    const [webhook] = await receiver.waitFor(1);
    assert.ok(verified(webhook!), 'signed with the webhook secret');
    const parsed = clarityCustomerWebhookSchema.safeParse(webhook!.body);
    assert.ok(parsed.success, JSON.stringify(parsed.error?.issues));
    assert.equal(parsed.data.type, 'customer.updated');
    assert.equal(parsed.data.data.updatedBy, 'integration:tributary');
    assert.deepEqual(parsed.data.data.changedFields, ['phone']);
    // The same value again changes nothing and announces nothing: no echo loop.
    await client.updateCustomer(customer.customerId, { phone: '+1 512 555 0177' });
    await simulator.idle();
    assert.equal(receiver.received.length, 1);
  });

  it('after expireTokens the next call gets 401, fetches a new token once, and succeeds', async () => {
    await client.getOrder(order.orderId);
    const issuedBefore = simulator.stats().tokensIssued;
    const eventsBefore = events.length;
    simulator.expireTokens();
    assert.equal((await client.getOrder(order.orderId))?.orderId, order.orderId);
    assert.equal(simulator.stats().tokensIssued, issuedBefore + 1);
    assert.deepEqual(events.slice(eventsBefore).map((e) => `${e.operation} ${e.status}`), ['getOrder 401', 'token 200', 'getOrder 200']);
    await client.getOrder(order.orderId);
    assert.equal(simulator.stats().tokensIssued, issuedBefore + 1, 'the new token is cached');
  });

  it('classifies injected faults: 5xx and 429 transient, Retry-After carried', async () => {
    simulator.setFaults({ failNext: 1 });
    await assert.rejects(client.getOrder(order.orderId), (error: unknown) => error instanceof IntegrationError && error.code === 'CLARITY.UNAVAILABLE' && error.transient);
    simulator.setFaults({ rate429: 1, retryAfterSeconds: 2 });
    await assert.rejects(client.getOrder(order.orderId), (error: unknown) => error instanceof IntegrationError && error.code === 'CLARITY.THROTTLED' && error.details['retryAfterMs'] === 2000);
    simulator.setFaults({ latencyMs: 400 });
    const impatient = new ClarityApiClient({ baseUrl: simulator.url, ...credentials, timeoutMs: 150 });
    await assert.rejects(impatient.getOrder(order.orderId), (error: unknown) => error instanceof IntegrationError && error.code === 'CLARITY.TIMEOUT' && error.details['outcomeUnknown'] === true);
    await impatient.close();
    simulator.clearFaults();
    assert.ok(await client.getOrder(order.orderId));
  });

  it('a thin webhook carries only the id, and the entity it names can be fetched', async () => {
    await simulator.emit('order.updated', order.orderId, { thin: true });
    const [webhook] = await receiver.waitFor(1);
    assert.ok(verified(webhook!));
    const thin = clarityThinWebhookSchema.parse(webhook!.body);
    assert.deepEqual(thin.data, { id: order.orderId });
    assert.equal((await client.getOrder(thin.data.id))?.orderId, order.orderId);
  });

  it('the emitter retries a receiver failing twice, with one webhook id and back-off', async () => {
    receiver.answer(503, 500);
    const [delivery] = await simulator.emit('customer.updated', customer.customerId);
    assert.deepEqual([delivery?.state, delivery?.attempts, delivery?.status], ['delivered', 3, 200]);
    const received = await receiver.waitFor(3);
    assert.deepEqual(received.map((r) => r.answeredWith), [503, 500, 200]);
    assert.equal(new Set(received.map((r) => r.body.id)).size, 1);
  });
});
