import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Consumer, Kafka, Producer } from 'kafkajs';
import { topics, type CrossReference, type CustomerEvent, type CustomerProfileEvent, type InventoryAdjustmentEvent, type InventoryLevelEvent, type OrderEvent, type ReturnEvent, type ShipmentEvent } from '@tributary/canonical-model';
import { AvroEventCodec, createKafkaClient, IsolatedDecoder, SchemaRegistryClient } from '@tributary/kafka-runtime';
import { createLogger } from '@tributary/observability';
import { sleep, stackEnv, waitFor } from '@tributary/testing';

const root = join(fileURLToPath(import.meta.url), '../../../..');
const projectorMain = join(root, 'apps/inventory-projector/dist/main.js');
const MAPPING_FILE = join(root, 'config/mappings/default.yaml');

const freePort = () => new Promise<number>((resolve) => {
  const server = createServer();
  server.listen(0, '127.0.0.1', () => { const { port } = server.address() as { port: number }; server.close(() => resolve(port)); });
});

/** A real projector process (its main.js), its topics under this test's prefix. */
class ProjectorProcess {
  child: ChildProcess | undefined;
  port = 0;
  constructor(readonly env: Record<string, string>) {}
  async start(): Promise<void> {
    this.port = await freePort();
    const child = spawn(process.execPath, [projectorMain], { env: { ...process.env, ...this.env, OPS_PORT: String(this.port) }, stdio: ['ignore', 'ignore', 'inherit'] });
    this.child = child;
    await waitFor(async () => (await fetch(`http://127.0.0.1:${this.port}/health/ready`)).ok, { what: 'the projector ready', timeoutMs: 60_000, intervalMs: 200 });
  }
  async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill(signal);
    await exited;
  }
  async metrics(): Promise<string> {
    return (await fetch(`http://127.0.0.1:${this.port}/metrics`)).text();
  }
}

const at = (minute: number) => Date.UTC(2026, 10, 26, 9, minute);
const envelope = (eventType: string, occurredAt: number, source: string, id: string) => ({ eventId: id, eventType, occurredAt, source, correlationId: id, causationId: null, schemaVersion: 1 });
const adjustment = (sku: string, location: string, onHand: string, minute: number): InventoryAdjustmentEvent => ({
  ...envelope('inventory.adjusted', at(minute), 'intacct', `adj-${sku}-${location}-${minute}`),
  adjustment: { sku, erpItemId: sku.replace('TRB-', ''), locationId: location, onHand, onOrder: null, onHold: null, erpVersion: `${new Date(at(minute)).toISOString()}#${onHand}` },
});
const address = (country: string) => ({ name: 'Ada Lovelace', line1: '500 Congress Ave', line2: null, city: country === 'CA' ? 'Toronto' : 'Austin', region: country === 'CA' ? 'ON' : 'TX', postalCode: country === 'CA' ? 'M5V 2T6' : '78701', country });
const order = (eventType: string, orderId: string, lines: Array<[string, number]>, options: { country?: string; status?: string; minute?: number } = {}): OrderEvent => ({
  ...envelope(eventType, at(options.minute ?? 10), 'clarity', `${orderId}-${eventType}-${options.minute ?? 10}`),
  order: {
    orderId, orderNumber: `W${orderId}`, status: options.status ?? 'processing', orderedAt: at(1), currency: 'USD', storeId: 'store-us-1', channel: 'web',
    customer: { customerId: 'CUST-1', email: 'ada@example.com', firstName: 'Ada', lastName: 'Lovelace', company: null, phone: null },
    billingAddress: address('US'), shippingAddress: address(options.country ?? 'US'),
    lines: lines.map(([sku, quantity], i) => ({ lineId: `${orderId}-${i + 1}`, sku, description: null, quantity, unitPrice: '24.00', discount: '0.00', tax: '0.00', lineTotal: (24 * quantity).toFixed(2) })),
    shipping: { method: 'ground', amount: '0.00' }, payment: null, couponCode: null,
    totals: { subtotal: '0.00', discountTotal: '0.00', taxTotal: '0.00', shippingTotal: '0.00', grandTotal: '0.00' },
  },
});
const shipment = (shipmentId: string, orderId: string, lines: Array<[string, string]>): ShipmentEvent => ({
  ...envelope('shipment.created', at(20), 'sage100', shipmentId),
  shipment: { shipmentId, orderId, orderNumber: `W${orderId}`, carrier: 'UPS', service: 'Ground', trackingNumber: `1Z${shipmentId}`, trackingUrl: null, shippedAt: at(20), warehouseId: 'WH-AUSTIN', lines: lines.map(([sku, quantity]) => ({ lineId: null, sku, quantity })) },
});
const returned = (returnId: string, lines: Array<[string, number, boolean]>, minute: number): ReturnEvent => ({
  ...envelope('return.created', at(minute), 'clarity', returnId),
  return: { returnId, returnNumber: `RMA-${returnId}`, orderId: 'o-ret', orderNumber: 'Wo-ret', customerId: 'CUST-1', currency: 'USD', createdAt: at(minute), reason: 'damaged', lines: lines.map(([sku, quantity, restock], i) => ({ lineId: String(i + 1), sku, quantity, unitPrice: '24.00', tax: '0.00', restock })), shippingRefund: '0.00', refundTotal: '0.00' },
});
const customer = (customerId: string, source: 'clarity' | 'salesforce', minute: number, version: string, fields: Partial<CustomerEvent['customer']>): CustomerEvent => ({
  ...envelope('customer.updated', at(minute), source, `${customerId}-${source}-${version}`),
  customer: {
    customerId, clarityId: source === 'clarity' ? customerId : null, salesforceAccountId: source === 'salesforce' ? `001${customerId}` : null, salesforceContactId: null, kind: 'b2c',
    email: null, firstName: null, lastName: null, company: null, phone: null, billingAddress: null, shippingAddress: null, marketingOptIn: null, accountOwner: null,
    modifiedAt: at(minute), version, changedFields: [], ...fields,
  },
});

type Level = InventoryLevelEvent;

describe('inventory-projector on the real broker (levels, reservations, customer profiles, rebuild)', () => {
  let kafka: Kafka;
  let producer: Producer;
  let observer: Consumer;
  let projector: ProjectorProcess;
  let env: Record<string, string>;
  const decoder = new IsolatedDecoder();
  const levels: Level[] = [];
  const profiles: CustomerProfileEvent[] = [];
  const codecs: Record<string, AvroEventCodec<unknown>> = {};
  const topic = (name: string) => `${env['TOPIC_PREFIX']}${name}`;
  const latest = (key: string) => levels.filter((l) => `${l.level.sku}@${l.level.locationId}` === key).at(-1)?.level;

  const send = async (spec: { name: string; valueSchema: object }, key: string, value: unknown) => {
    const codec = codecs[spec.name] ??= await AvroEventCodec.create({ registry: new SchemaRegistryClient(env['SCHEMA_REGISTRY_URL']!), decoder, subject: `${topic(spec.name)}-value`, schema: spec.valueSchema });
    await producer.send({ topic: topic(spec.name), acks: -1, messages: [{ key, value: codec.encode(value) }] });
  };

  before(async () => {
    const prefix = stackEnv()['TOPIC_PREFIX']!;
    env = stackEnv({ TOPIC_PREFIX: prefix, MAPPING_FILE, PROJECTOR_SESSION_TIMEOUT_MS: '6000', PROJECTOR_GROUP_ID: `${prefix}projector`, PROJECTOR_TRANSACTIONAL_ID: `${prefix}projector` });
    kafka = createKafkaClient({ brokers: env['KAFKA_BROKERS']!.split(','), clientId: 'e2e-projector', logger: createLogger('e2e', 'silent') });
    projector = new ProjectorProcess(env);
    await projector.start(); // provisions its topics
    producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false });
    await producer.connect();
    const levelCodec = await AvroEventCodec.create<Level>({ registry: new SchemaRegistryClient(env['SCHEMA_REGISTRY_URL']!), decoder, subject: `${topic(topics.inventoryLevel.name)}-value`, schema: topics.inventoryLevel.valueSchema });
    const profileCodec = await AvroEventCodec.create<CustomerProfileEvent>({ registry: new SchemaRegistryClient(env['SCHEMA_REGISTRY_URL']!), decoder, subject: `${topic(topics.customerProfile.name)}-value`, schema: topics.customerProfile.valueSchema });
    observer = kafka.consumer({ groupId: `${env['TOPIC_PREFIX']}observer`, maxWaitTimeInMs: 100, readUncommitted: false });
    await observer.connect();
    await observer.subscribe({ topics: [topic(topics.inventoryLevel.name), topic(topics.customerProfile.name)], fromBeginning: true });
    await observer.run({
      eachBatch: async ({ batch }) => {
        if (batch.topic.endsWith(topics.inventoryLevel.name)) {
          for (const r of await levelCodec.decodeMany(batch.messages.map((m) => m.value))) if (r.ok) levels.push(r.value);
        } else {
          for (const r of await profileCodec.decodeMany(batch.messages.map((m) => m.value))) if (r.ok) profiles.push(r.value);
        }
      },
    });
  });
  after(async () => {
    await observer?.disconnect();
    await producer?.disconnect();
    await projector?.stop('SIGKILL');
    await decoder.close();
  });

  it('reserves on order.created, moves the reservation by the delta on order.updated, releases it on cancel', async () => {
    await send(topics.inventoryAdjustment, 'TRB-MUG-12OZ@WH-AUSTIN', adjustment('TRB-MUG-12OZ', 'WH-AUSTIN', '148', 1));
    await send(topics.inventoryAdjustment, 'TRB-MUG-12OZ@WH-TORONTO', adjustment('TRB-MUG-12OZ', 'WH-TORONTO', '20', 1));
    await send(topics.order, '5001', order('order.created', '5001', [['TRB-MUG-12OZ', 3]]));
    await send(topics.order, '5002', order('order.created', '5002', [['TRB-MUG-12OZ', 2]], { country: 'CA' }));
    // Topics and partitions are consumed in any order: wait for both the counts and the reservations.
    const settled = (key: string, onHand: string, reserved: string) => latest(key)?.onHand === onHand && latest(key)?.reserved === reserved;
    await waitFor(() => settled('TRB-MUG-12OZ@WH-AUSTIN', '148.0000', '3.0000') && settled('TRB-MUG-12OZ@WH-TORONTO', '20.0000', '2.0000'), { what: 'reservations at the ship-from warehouses' });
    assert.equal(latest('TRB-MUG-12OZ@WH-AUSTIN')?.available, '145.0000');
    assert.equal(latest('TRB-MUG-12OZ@WH-TORONTO')?.available, '18.0000', 'Canadian orders reserve in Toronto (fulfilment rule)');
    await send(topics.order, '5001', order('order.updated', '5001', [['TRB-MUG-12OZ', 7]], { minute: 11 }));
    await waitFor(() => latest('TRB-MUG-12OZ@WH-AUSTIN')?.reserved === '7.0000', { what: 'the update delta' });
    await send(topics.order, '5001', order('order.cancelled', '5001', [['TRB-MUG-12OZ', 7]], { status: 'cancelled', minute: 12 }));
    await waitFor(() => latest('TRB-MUG-12OZ@WH-AUSTIN')?.reserved === '0.0000', { what: 'the release on cancel' });
    const mug = latest('TRB-MUG-12OZ@WH-AUSTIN')!;
    assert.deepEqual({ onHand: mug.onHand, available: mug.available, availableRaw: mug.availableRaw, erpVersion: mug.erpVersion }, { onHand: '148.0000', available: '148.0000', availableRaw: '148.0000', erpVersion: adjustment('TRB-MUG-12OZ', 'WH-AUSTIN', '148', 1).adjustment.erpVersion });
    const sequences = levels.filter((l) => l.level.sku === 'TRB-MUG-12OZ' && l.level.locationId === 'WH-AUSTIN').map((l) => l.level.sequence);
    assert.deepEqual(sequences, sequences.map((_, i) => i + 1), 'one publication per change, sequence 1, 2, 3…');
  });

  it('a shipment releases the shipped lines; the on-hand decrease comes from the ERP', async () => {
    await send(topics.inventoryAdjustment, 'TRB-BEANS-ETH-1KG@WH-AUSTIN', adjustment('TRB-BEANS-ETH-1KG', 'WH-AUSTIN', '35', 1));
    await send(topics.order, '5003', order('order.created', '5003', [['TRB-BEANS-ETH-1KG', 4], ['TRB-TEA-EARL-100G', 1]]));
    await waitFor(() => latest('TRB-BEANS-ETH-1KG@WH-AUSTIN')?.reserved === '4.0000' && latest('TRB-BEANS-ETH-1KG@WH-AUSTIN')?.onHand === '35.0000', { what: 'the reservation' });
    await send(topics.shipment, 'SHP-1', shipment('SHP-1', '5003', [['TRB-BEANS-ETH-1KG', '3']]));
    await send(topics.shipment, 'SHP-1', shipment('SHP-1', '5003', [['TRB-BEANS-ETH-1KG', '3']])); // delivered twice
    await waitFor(() => latest('TRB-BEANS-ETH-1KG@WH-AUSTIN')?.reserved === '1.0000', { what: 'the release of the shipped lines' });
    assert.equal(latest('TRB-BEANS-ETH-1KG@WH-AUSTIN')?.onHand, '35.0000');
    await send(topics.inventoryAdjustment, 'TRB-BEANS-ETH-1KG@WH-AUSTIN', adjustment('TRB-BEANS-ETH-1KG', 'WH-AUSTIN', '32', 25));
    await waitFor(() => latest('TRB-BEANS-ETH-1KG@WH-AUSTIN')?.onHand === '32.0000', { what: 'the ERP count after shipping' });
    assert.equal(latest('TRB-BEANS-ETH-1KG@WH-AUSTIN')?.available, '31.0000');
    await sleep(300);
    assert.equal(levels.filter((l) => l.level.sku === 'TRB-BEANS-ETH-1KG' && l.level.reserved === '1.0000' && l.level.onHand === '35.0000').length, 1, 'the duplicate shipment changed nothing');
  });

  it('returns marked restock go back on hand at the returns warehouse; others do not', async () => {
    await send(topics.inventoryAdjustment, 'TRB-FRENCHPRESS-1L@WH-AUSTIN', adjustment('TRB-FRENCHPRESS-1L', 'WH-AUSTIN', '10', 1));
    await send(topics.return, 'R-1', returned('R-1', [['TRB-FRENCHPRESS-1L', 2, true], ['TRB-POUROVER-V60', 1, false]], 30));
    await waitFor(() => latest('TRB-FRENCHPRESS-1L@WH-AUSTIN')?.onHand === '12.0000', { what: 'the restock' });
    await send(topics.inventoryAdjustment, 'TRB-FRENCHPRESS-1L@WH-AUSTIN', adjustment('TRB-FRENCHPRESS-1L', 'WH-AUSTIN', '12', 40)); // the ERP received it
    await sleep(500);
    assert.equal(latest('TRB-FRENCHPRESS-1L@WH-AUSTIN')?.onHand, '12.0000', 'not counted twice once the ERP count includes it');
    assert.equal(latest('TRB-POUROVER-V60@WH-AUSTIN'), undefined, 'not restocked');
  });

  it('negative stock: availableRaw below zero, available zero, one inventory.oversold event at the crossing', async () => {
    await send(topics.inventoryAdjustment, 'TRB-ESPRESSO-MACHINE@WH-AUSTIN', adjustment('TRB-ESPRESSO-MACHINE', 'WH-AUSTIN', '4', 1));
    await waitFor(() => latest('TRB-ESPRESSO-MACHINE@WH-AUSTIN')?.available === '3.0000', { what: 'the level (safety stock 1)' });
    await send(topics.order, '5010', order('order.created', '5010', [['TRB-ESPRESSO-MACHINE', 2]]));
    await send(topics.order, '5011', order('order.created', '5011', [['TRB-ESPRESSO-MACHINE', 3]]));
    await send(topics.order, '5012', order('order.created', '5012', [['TRB-ESPRESSO-MACHINE', 1]]));
    await waitFor(() => latest('TRB-ESPRESSO-MACHINE@WH-AUSTIN')?.reserved === '6.0000', { what: 'all three reservations' });
    const level = latest('TRB-ESPRESSO-MACHINE@WH-AUSTIN')!;
    assert.deepEqual([level.availableRaw, level.available, level.safetyStock], ['-3.0000', '0.0000', '1.0000']);
    // The three orders sit on different partitions: their order varies, the crossing is flagged once.
    const events = levels.filter((l) => l.level.sku === 'TRB-ESPRESSO-MACHINE').map((l) => ({ type: l.eventType, raw: Number(l.level.availableRaw) }));
    assert.equal(events.length, 4, JSON.stringify(events));
    const crossing = events.findIndex((e) => e.raw <= 0);
    assert.ok(crossing > 0 && events[crossing - 1]!.raw > 0);
    assert.deepEqual(events.map((e) => e.type), events.map((_, i) => (i === crossing ? 'inventory.oversold' : 'inventory.level-changed')), JSON.stringify(events));
  });

  it('concurrent adjustments for one SKU: the newest ERP version wins whatever the arrival order', async () => {
    const minutes = Array.from({ length: 40 }, (_, i) => i + 1).sort(() => Math.random() - 0.5);
    await Promise.all(minutes.map((minute) => send(topics.inventoryAdjustment, 'TRB-GRINDER-HAND@WH-RENO', adjustment('TRB-GRINDER-HAND', 'WH-RENO', String(100 + minute), minute))));
    await waitFor(() => latest('TRB-GRINDER-HAND@WH-RENO')?.onHand === '140.0000', { what: 'the newest count' });
    await sleep(500);
    assert.equal(latest('TRB-GRINDER-HAND@WH-RENO')?.onHand, '140.0000');
    const onHands = levels.filter((l) => l.level.sku === 'TRB-GRINDER-HAND').map((l) => Number(l.level.onHand));
    assert.deepEqual(onHands, [...onHands].sort((a, b) => a - b), 'never moved back to an older version');
  });

  it('merges a customer from Clarity and Salesforce by the master rules, the same in both arrival orders, with the ERP id', async () => {
    const updates = (id: string) => [
      customer(id, 'clarity', 5, '3', { email: 'ada@example.com', phone: '+1 512 555 0100', firstName: 'Ada', billingAddress: address('US') }),
      customer(id, 'salesforce', 9, '11', { email: 'a.lovelace@corp.example', phone: '+1 512 555 0199', accountOwner: 'Grace Hopper', company: 'Analytical Engines' }),
      customer(id, 'clarity', 7, '4', { phone: '+1 512 555 0111', company: 'AE Ltd' }),
    ];
    for (const event of updates('CUST-A')) await send(topics.customer, 'CUST-A', event);
    for (const event of updates('CUST-B').reverse()) await send(topics.customer, 'CUST-B', event);
    const xref = (id: string): CrossReference => ({ key: `intacct:customer:${id}`, system: 'intacct', entity: 'customer', sourceId: id, status: 'DONE', externalId: `C-${id}`, externalReference: null, eventId: `x-${id}`, correlationId: id, attempt: 1, detail: null, updatedAt: at(12) });
    await send(topics.xref, `intacct:customer:CUST-A`, xref('CUST-A'));
    await send(topics.xref, `intacct:customer:CUST-B`, xref('CUST-B'));
    const profileOf = (id: string) => profiles.filter((p) => p.profile.customerId === id).at(-1)?.profile;
    // The customer and xref topics are not ordered with each other: wait until each profile has its
    // ERP id and has folded all three updates (seven mastered fields carry a provenance).
    const complete = (id: string) => { const p = profileOf(id); return p?.ids['intacct'] !== undefined && Object.keys(p.provenance).length >= 7; };
    await waitFor(() => complete('CUST-A') && complete('CUST-B'), { what: 'both profiles complete, with their ERP ids' });
    await sleep(300);
    const a = profileOf('CUST-A')!;
    const b = profileOf('CUST-B')!;
    assert.equal(a.email, 'ada@example.com', 'email mastered by Clarity');
    assert.equal(a.phone, '+1 512 555 0199', 'phone mastered by Salesforce');
    assert.equal(a.company, 'Analytical Engines');
    assert.equal(a.accountOwner, 'Grace Hopper');
    assert.deepEqual(a.provenance['phone'], { source: 'salesforce', changedAt: at(9), version: '11' });
    assert.deepEqual(a.ids, { clarity: 'CUST-A', intacct: 'C-CUST-A', salesforceAccount: '001CUST-A' });
    const strip = (p: typeof a) => JSON.stringify({ ...p, customerId: '', ids: {} });
    assert.equal(strip(a), strip(b), 'both arrival orders give the same golden record');
  });

  it('rebuilds its state from the compacted topics after a restart: same levels, nothing re-emitted', async () => {
    const before = levels.length;
    const profilesBefore = profiles.length;
    await projector.stop('SIGTERM');
    await projector.start();
    await sleep(2000);
    assert.equal(levels.length, before, 'no level re-emitted');
    assert.equal(profiles.length, profilesBefore, 'no profile re-emitted');
    assert.match(await projector.metrics(), /tributary_projector_state_keys\{kind="stock",service="inventory-projector"\} [1-9]/);
    // The rebuilt state continues where it was: the open reservation of order 5003 is still held.
    await send(topics.shipment, 'SHP-2', shipment('SHP-2', '5003', [['TRB-BEANS-ETH-1KG', '1']]));
    await waitFor(() => latest('TRB-BEANS-ETH-1KG@WH-AUSTIN')?.reserved === '0.0000', { what: 'the release after the restart' });
    const beans = levels.filter((l) => l.level.sku === 'TRB-BEANS-ETH-1KG').map((l) => l.level.sequence);
    assert.deepEqual(beans, beans.map((_, i) => i + 1), 'the sequence continues from the rebuilt state');
    assert.equal(latest('TRB-BEANS-ETH-1KG@WH-AUSTIN')?.available, '32.0000');
    await send(topics.customer, 'CUST-A', customer('CUST-A', 'salesforce', 3, '2', { email: 'older@corp.example', phone: '+1 000' }));
    await sleep(800);
    assert.equal(profiles.filter((p) => p.profile.customerId === 'CUST-A').at(-1)?.profile.phone, '+1 512 555 0199', 'the rebuilt provenance still rejects an older Salesforce change');
  });
});
