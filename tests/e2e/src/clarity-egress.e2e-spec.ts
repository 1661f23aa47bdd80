import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { INestApplicationContext } from '@nestjs/common';
import type { Admin, Kafka, Producer } from 'kafkajs';
import { createClarityEgress } from '@tributary/clarity-egress';
import { topics, type CustomerProfile, type CustomerProfileEvent, type InventoryLevelEvent, type OrderEvent, type OrderStatusEvent, type ShipmentEvent } from '@tributary/canonical-model';
import { AvroEventCodec, createKafkaClient, IsolatedDecoder, retryKafka, SchemaRegistryClient } from '@tributary/kafka-runtime';
import { createLogger } from '@tributary/observability';
import { sampleShopData, startClaritySimulator, type ClaritySimulator, type InventoryPush, type StoredOrder } from '@tributary/simulator-clarity';
import { stackEnv, waitFor } from '@tributary/testing';
import { MAPPING_FILE } from './e2e-stack.js';

const CLIENT = { clientId: 'tributary-egress', clientSecret: 'egress-secret' };
const FLUSH_MS = 2_000;
const at = (minute: number) => Date.UTC(2026, 10, 26, 9, minute);
const envelope = (eventType: string, occurredAt: number, source: string, id: string) => ({ eventId: id, eventType, occurredAt, source, correlationId: id, causationId: null, schemaVersion: 1 });

const levelEvent = (sku: string, sequence: number, options: { location?: string; oversold?: boolean } = {}): InventoryLevelEvent => {
  const available = options.oversold ? 0 : (sequence * 7) % 250;
  return {
    ...envelope(options.oversold ? 'inventory.oversold' : 'inventory.level-changed', at(0) + sequence, 'inventory-projector', `lvl-${sku}-${sequence}`),
    level: {
      sku, locationId: options.location ?? 'WH-AUSTIN', onHand: String(available + 5), reserved: options.oversold ? '9' : '5', safetyStock: '0',
      available: String(available), availableRaw: options.oversold ? '-4' : String(available), erpVersion: null, sequence, changedAt: at(0) + sequence,
    },
  };
};

const orderEvent = (order: StoredOrder): OrderEvent => ({
  ...envelope('order.created', at(1), 'clarity', `order-${order.orderId}`),
  order: {
    orderId: order.orderId, orderNumber: order.orderNumber, status: 'pending', orderedAt: at(1), currency: 'USD', storeId: 'store-us-1', channel: 'web',
    customer: { customerId: order.customerId, email: 'ada@example.com', firstName: 'Ada', lastName: 'Lovelace', company: null, phone: null },
    billingAddress: { name: 'Ada Lovelace', line1: '500 Congress Ave', line2: null, city: 'Austin', region: 'TX', postalCode: '78701', country: 'US' },
    shippingAddress: { name: 'Ada Lovelace', line1: '500 Congress Ave', line2: null, city: 'Austin', region: 'TX', postalCode: '78701', country: 'US' },
    lines: order.lineItems.map((line, i) => ({ lineId: `${order.orderId}-${i + 1}`, sku: line.sku, description: null, quantity: Number(line.quantity), unitPrice: '24.00', discount: '0.00', tax: '0.00', lineTotal: '24.00' })),
    shipping: { method: 'ground', amount: '0.00' }, payment: null, couponCode: null,
    totals: { subtotal: '0.00', discountTotal: '0.00', taxTotal: '0.00', shippingTotal: '0.00', grandTotal: '0.00' },
  },
});

const shipmentEvent = (shipmentId: string, order: StoredOrder, options: { withOrderId?: boolean; source?: string } = {}): ShipmentEvent => ({
  ...envelope('shipment.created', at(20), options.source ?? 'sage100', `ship-${shipmentId}`),
  shipment: {
    shipmentId, orderId: options.withOrderId ? order.orderId : null, orderNumber: order.orderNumber, carrier: 'UPS', service: 'Ground', trackingNumber: `1Z999AA1${shipmentId}`,
    trackingUrl: null, shippedAt: at(20), warehouseId: 'WH-AUSTIN', lines: order.lineItems.slice(0, 1).map((line) => ({ lineId: null, sku: line.sku, quantity: String(line.quantity) })),
  },
});

const statusEvent = (order: StoredOrder, status: string, erpState: string, minute: number): OrderStatusEvent => ({
  ...envelope('order.status-changed', at(minute), 'intacct', `status-${order.orderNumber}-${minute}`),
  orderStatus: {
    orderNumber: order.orderNumber, system: 'intacct', documentType: 'Sales Order', documentId: `Sales Order-${order.orderId}`, erpState, status,
    total: '129.90', currency: 'USD', erpVersion: `${new Date(at(minute)).toISOString()}#${erpState}`,
  },
});

const profileEvent = (id: string, profile: CustomerProfile): CustomerProfileEvent => ({ ...envelope('customer.profile-changed', at(30), 'inventory-projector', id), profile });

describe('clarity-egress on the real broker, against the Clarity simulator', () => {
  let shop: ClaritySimulator;
  let egress: INestApplicationContext;
  let env: Record<string, string>;
  let kafka: Kafka;
  let producer: Producer;
  let admin: Admin;
  let orders: StoredOrder[];
  const decoder = new IsolatedDecoder();
  const codecs = new Map<string, AvroEventCodec<unknown>>();
  const topic = (name: string) => `${env['TOPIC_PREFIX']}${name}`;

  const send = async (spec: { name: string; valueSchema: object }, messages: Array<{ key: string; value: unknown }>) => {
    let codec = codecs.get(spec.name);
    if (!codec) codecs.set(spec.name, (codec = await AvroEventCodec.create({ registry: new SchemaRegistryClient(env['SCHEMA_REGISTRY_URL']!), decoder, subject: `${topic(spec.name)}-value`, schema: spec.valueSchema })));
    await producer.send({ topic: topic(spec.name), acks: -1, messages: messages.map(({ key, value }) => ({ key, value: codec.encode(value) })) });
  };

  /** Whether the group committed everything the topic holds (every message handled). */
  const caughtUp = async (group: string, name: string) => {
    const [ends, committed] = await Promise.all([
      retryKafka(() => admin.fetchTopicOffsets(topic(name))),
      retryKafka(() => admin.fetchOffsets({ groupId: `${env['TOPIC_PREFIX']}${group}`, topics: [topic(name)] })),
    ]);
    const byPartition = new Map(committed[0]!.partitions.map((p) => [p.partition, BigInt(p.offset)]));
    return ends.every((end) => BigInt(end.high) === 0n || (byPartition.get(end.partition) ?? -1n) >= BigInt(end.high));
  };
  const pushesOf = (key: string, pushes: InventoryPush[] = shop.inventoryPushes()) =>
    pushes.flatMap((push) => push.levels.filter((l) => `${l.sku}@${l.locationId}` === key).map((l) => ({ ...l, atMs: push.atMs })));
  const requests = (route: string, status: string) => shop.stats().requests[route]?.[status] ?? 0;

  before(async () => {
    const data = sampleShopData(6, { seed: 42, startNumber: 20001 });
    shop = await startClaritySimulator({ clients: [CLIENT], data });
    orders = shop.orders();
    env = stackEnv({
      CLARITY_API_URL: shop.url,
      CLARITY_CLIENT_ID: CLIENT.clientId,
      CLARITY_CLIENT_SECRET: CLIENT.clientSecret,
      CLARITY_API_TIMEOUT_MS: '2000',
      CLARITY_INVENTORY_FLUSH_MS: String(FLUSH_MS),
      MAPPING_FILE,
      RETRY_INITIAL_DELAY_MS: '50',
      RETRY_MAX_DELAY_MS: '400',
      CIRCUIT_PROBE_INTERVAL_MS: '300',
    });
    egress = await createClarityEgress(env); // provisions the topics
    kafka = createKafkaClient({ brokers: env['KAFKA_BROKERS']!.split(','), clientId: 'e2e-clarity-egress', logger: createLogger('e2e', 'silent') });
    producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false });
    await producer.connect();
    admin = kafka.admin();
    await admin.connect();
    // The order directory learns Clarity's order ids from Clarity's own order events.
    await send(topics.order, orders.map((order) => ({ key: order.orderId, value: orderEvent(order) })));
    await waitFor(() => caughtUp('clarity-egress', topics.order.name), { what: 'orders learned', timeoutMs: 30_000 });
  });

  after(async () => {
    await egress?.close();
    await producer?.disconnect();
    await admin?.disconnect();
    await shop?.close();
    await decoder.close();
  });

  it('1,000 level changes for 10 SKUs: at most the newest per SKU reaches Clarity, in order, and offsets are committed after the pushes', async () => {
    const skus = Array.from({ length: 10 }, (_, i) => `TRB-COAL-${String(i + 1).padStart(2, '0')}`);
    const events = Array.from({ length: 1000 }, (_, i) => levelEvent(skus[i % 10]!, Math.floor(i / 10) + 1));
    const started = Date.now();
    for (let i = 0; i < events.length; i += 50) {
      await send(topics.inventoryLevel, events.slice(i, i + 50).map((e) => ({ key: `${e.level.sku}@${e.level.locationId}`, value: e })));
    }
    const produceMs = Date.now() - started;
    const keys = skus.map((sku) => `${sku}@WH-AUSTIN`);
    await waitFor(() => keys.every((key) => shop.inventory().find((l) => `${l.sku}@${l.locationId}` === key)?.sequence === 100), { what: 'the last level of every SKU in Clarity', timeoutMs: 30_000 });

    const pushes = shop.inventoryPushes().filter((p) => p.levels.some((l) => skus.includes(l.sku)));
    const perKey = Object.fromEntries(keys.map((key) => [key, pushesOf(key, pushes).map((l) => l.sequence)]));
    const pushedLevels = Object.values(perKey).reduce((sum, seqs) => sum + seqs.length, 0);
    console.log(JSON.stringify({ coalescing: { levelChanges: 1000, produceMs, flushMs: FLUSH_MS, puts: pushes.length, levelsPushed: pushedLevels, perKey } }));
    for (const [key, sequences] of Object.entries(perKey)) {
      assert.ok(sequences.length >= 1, `${key} pushed`);
      for (let i = 1; i < sequences.length; i++) assert.ok(sequences[i]! > sequences[i - 1]!, `${key}: sequences strictly increasing (${sequences.join(',')})`);
      assert.equal(sequences.at(-1), 100);
    }
    assert.ok(pushedLevels <= 100, `far fewer than 1,000 levels pushed (got ${pushedLevels})`);
    assert.equal(pushes.reduce((sum, p) => sum + p.ignoredStale, 0), 0, 'Clarity never had to ignore a stale level');
    for (const push of pushes) assert.ok(push.levels.length <= 100);
    for (let i = 1; i < pushes.length; i++) assert.ok(pushes[i]!.atMs - pushes[i - 1]!.atMs >= FLUSH_MS * 0.9, 'at most one flush per interval');
    for (const key of keys) {
      const last = events.filter((e) => `${e.level.sku}@${e.level.locationId}` === key).at(-1)!.level;
      const stored = shop.inventory().find((l) => `${l.sku}@${l.locationId}` === key)!;
      assert.deepEqual({ available: stored.available, sequence: stored.sequence }, { available: last.available, sequence: last.sequence });
    }
    await waitFor(() => caughtUp('clarity-egress-inventory', topics.inventoryLevel.name), { what: 'inventory offsets committed after the pushes', timeoutMs: 10_000 });
  });

  it('pushes an oversold level at once, without waiting for the flush', async () => {
    const waiting = levelEvent('TRB-SLOW-01', 1);
    await send(topics.inventoryLevel, [{ key: 'TRB-SLOW-01@WH-AUSTIN', value: waiting }]);
    const sent = Date.now();
    const oversold = levelEvent('TRB-HOT-01', 1, { oversold: true });
    await send(topics.inventoryLevel, [{ key: 'TRB-HOT-01@WH-AUSTIN', value: oversold }]);
    const push = await waitFor(() => shop.inventoryPushes().find((p) => p.levels.some((l) => l.sku === 'TRB-HOT-01')), { what: 'the oversold level pushed', timeoutMs: 10_000, intervalMs: 20 });
    assert.deepEqual(push.levels.map((l) => l.sku), ['TRB-HOT-01'], 'alone, not with the levels waiting for the flush');
    assert.equal(push.levels[0]!.available, '0');
    assert.ok(push.atMs - sent < FLUSH_MS, `pushed ${push.atMs - sent} ms after it was sent`);
    await waitFor(() => shop.inventory().some((l) => l.sku === 'TRB-SLOW-01'), { what: 'the ordinary level at the next flush', timeoutMs: 10_000 });
  });

  it('creates a shipment once, with carrier and tracking, even when its event comes twice and the sink restarts', async () => {
    const order = orders[0]!;
    const event = shipmentEvent('S100-INV-0042', order);
    await send(topics.shipment, [{ key: 'S100-INV-0042', value: event }, { key: 'S100-INV-0042', value: event }]);
    const created = await waitFor(() => shop.shipments().find((s) => s.shipmentId === 'S100-INV-0042'), { what: 'the shipment in Clarity' });
    assert.equal(created.orderId, order.orderId, 'the order number resolved to the Clarity order id');
    assert.equal(created.carrier, 'UPS');
    assert.equal(created.trackingNumber, '1Z999AA1S100-INV-0042');
    assert.equal(created.updatedBy, `integration:${CLIENT.clientId}`);
    await waitFor(() => caughtUp('clarity-egress', topics.shipment.name), { what: 'both deliveries handled' });

    await egress.close();
    egress = await createClarityEgress(env);
    await send(topics.shipment, [{ key: 'S100-INV-0042', value: event }]);
    await waitFor(() => caughtUp('clarity-egress', topics.shipment.name), { what: 'the third delivery handled after the restart' });
    assert.equal(shop.shipments().filter((s) => s.shipmentId === 'S100-INV-0042').length, 1);
    assert.equal(requests('POST /api/v1/shipments', '201'), 1, 'created once');
    assert.equal(requests('POST /api/v1/shipments', '200'), 0, 'not even replayed: the ledger knew');

    const fromClarity = shipmentEvent('CL-SHIP-7', order, { withOrderId: true, source: 'clarity' });
    await send(topics.shipment, [{ key: 'CL-SHIP-7', value: fromClarity }]);
    await waitFor(() => caughtUp('clarity-egress', topics.shipment.name), { what: 'Clarity\'s own shipment handled' });
    assert.ok(!shop.shipments().some((s) => s.shipmentId === 'CL-SHIP-7'), 'a shipment that came from Clarity is not written back');
  });

  it('updates the Clarity customer once for a phone changed in Salesforce, and writes nothing for Clarity-mastered fields', async () => {
    const customer = shop.customers()[0]!;
    const provenance = (source: string, version: string) => ({ source, changedAt: at(30), version });
    const profile: CustomerProfile = {
      customerId: `CUST-${customer.customerId}`, kind: 'b2c', email: 'someone.else@example.com', firstName: customer.firstName, lastName: customer.lastName, company: null,
      phone: '+1 512 555 0142', billingAddress: null, shippingAddress: null, accountOwner: '005OWNER', creditLimit: null,
      ids: { clarity: customer.customerId, salesforceAccount: '001ACME' },
      provenance: { email: provenance('clarity', '2'), firstName: provenance('clarity', '2'), lastName: provenance('clarity', '2'), phone: provenance('salesforce', '17'), accountOwner: provenance('salesforce', '17') },
    };
    await send(topics.customerProfile, [{ key: profile.customerId, value: profileEvent('profile-1', profile) }]);
    const updated = await waitFor(() => shop.customers().find((c) => c.customerId === customer.customerId && c.phone === '+1 512 555 0142'), { what: 'the phone in Clarity' });
    assert.deepEqual(updated.changedFields, ['phone']);
    assert.equal(updated.updatedBy, 'integration:tributary', 'marked as ours (X-Change-Origin), so the ingress suppresses the echo');
    assert.equal(updated.email, customer.email, 'a Clarity-mastered field is never written');

    // The same profile again (the merge re-published it after our echo), then one that is wholly Clarity's.
    await send(topics.customerProfile, [{ key: profile.customerId, value: profileEvent('profile-2', profile) }]);
    const clarityOnly: CustomerProfile = { ...profile, phone: '+1 512 555 0999', provenance: { ...profile.provenance, phone: provenance('clarity', '3') } };
    await send(topics.customerProfile, [{ key: profile.customerId, value: profileEvent('profile-3', clarityOnly) }]);
    await waitFor(() => caughtUp('clarity-egress', topics.customerProfile.name), { what: 'the profiles handled' });
    assert.equal(requests('PATCH /api/v1/customers/{customerId}', '200'), 1, 'one PATCH in all');
    const after = shop.customers().find((c) => c.customerId === customer.customerId)!;
    assert.equal(after.version, updated.version);
    assert.equal(after.phone, '+1 512 555 0142');
  });

  it('moves the Clarity order forward with the ERP status, and never back', async () => {
    const order = orders[1]!;
    await send(topics.orderStatus, [
      { key: order.orderNumber, value: statusEvent(order, 'invoiced', 'Converted', 40) },
      { key: order.orderNumber, value: statusEvent(order, 'open', 'Pending', 41) },
      { key: order.orderNumber, value: statusEvent(order, 'closed', 'Closed', 42) },
      { key: order.orderNumber, value: statusEvent(order, 'closed', 'Closed', 42) },
    ]);
    await waitFor(() => caughtUp('clarity-egress', topics.orderStatus.name), { what: 'the statuses handled' });
    const changes = shop.orderStatuses().filter((c) => c.orderId === order.orderId);
    assert.deepEqual(changes.map((c) => c.to), ['invoiced', 'shipped'], 'open would move it back: skipped; Intacct Closed is Clarity shipped (statusMaps)');
    assert.equal(new Set(changes.map((c) => c.idempotencyKey)).size, 2);
    assert.match(changes[0]!.idempotencyKey, /#Converted$/);
    assert.equal(shop.orders().find((o) => o.orderId === order.orderId)?.status, 'shipped');
  });

  it('rides out a Clarity outage (503s): retried, nothing lost, nothing twice', async () => {
    const order = orders[2]!;
    const customer = shop.customers()[1]!;
    shop.setFaults({ rate5xx: 0.6 });
    const skus = ['TRB-OUT-1', 'TRB-OUT-2', 'TRB-OUT-3'];
    const levels = Array.from({ length: 300 }, (_, i) => levelEvent(skus[i % 3]!, Math.floor(i / 3) + 1));
    const since = shop.inventoryPushes().length;
    await send(topics.inventoryLevel, levels.map((e) => ({ key: `${e.level.sku}@${e.level.locationId}`, value: e })));
    await send(topics.shipment, [{ key: 'S100-INV-0077', value: shipmentEvent('S100-INV-0077', order) }]);
    await send(topics.orderStatus, [{ key: order.orderNumber, value: statusEvent(order, 'invoiced', 'Converted', 50) }]);
    const profile: CustomerProfile = {
      customerId: `CUST-${customer.customerId}`, kind: 'b2c', email: customer.email, firstName: null, lastName: null, company: 'Lovelace Analytics', phone: null,
      billingAddress: null, shippingAddress: null, accountOwner: null, creditLimit: null, ids: { clarity: customer.customerId },
      provenance: { company: { source: 'salesforce', changedAt: at(50), version: '3' } },
    };
    await send(topics.customerProfile, [{ key: profile.customerId, value: profileEvent('profile-outage', profile) }]);

    await waitFor(() => skus.every((sku) => shop.inventory().find((l) => l.sku === sku)?.sequence === 100), { what: 'the last levels after the outage', timeoutMs: 60_000 });
    await waitFor(() => shop.shipments().some((s) => s.shipmentId === 'S100-INV-0077'), { what: 'the shipment', timeoutMs: 60_000 });
    await waitFor(() => shop.orderStatuses().some((c) => c.orderId === order.orderId), { what: 'the order status', timeoutMs: 60_000 });
    await waitFor(() => shop.customers().find((c) => c.customerId === customer.customerId)?.company === 'Lovelace Analytics', { what: 'the customer', timeoutMs: 60_000 });
    const failures = Object.values(shop.stats().requests).reduce((sum, byStatus) => sum + (byStatus['503'] ?? 0), 0);
    shop.clearFaults();
    assert.ok(failures > 0, 'the outage happened');

    const pushes = shop.inventoryPushes().slice(since);
    for (const sku of skus) {
      const sequences = pushesOf(`${sku}@WH-AUSTIN`, pushes).map((l) => l.sequence);
      for (let i = 1; i < sequences.length; i++) assert.ok(sequences[i]! > sequences[i - 1]!, `${sku}: in order (${sequences.join(',')})`);
    }
    assert.equal(pushes.reduce((sum, p) => sum + p.ignoredStale, 0), 0);
    assert.equal(shop.shipments().filter((s) => s.shipmentId === 'S100-INV-0077').length, 1);
    assert.deepEqual(shop.orderStatuses().filter((c) => c.orderId === order.orderId).map((c) => c.to), ['invoiced']);
    assert.equal(shop.customers().find((c) => c.customerId === customer.customerId)?.changedFields?.join(), 'company');
    await waitFor(async () => (await caughtUp('clarity-egress', topics.shipment.name)) && (await caughtUp('clarity-egress', topics.orderStatus.name)) && (await caughtUp('clarity-egress-inventory', topics.inventoryLevel.name)), { what: 'everything committed', timeoutMs: 20_000 });
  });
});
