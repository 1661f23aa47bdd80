import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Admin, Kafka, Message, Producer } from 'kafkajs';
import { topics, type InventoryAdjustmentEvent, type InventoryLevelEvent, type OrderEvent, type ReturnEvent, type ShipmentEvent } from '@tributary/canonical-model';
import { AvroEventCodec, createKafkaClient, IsolatedDecoder, readCommittedToEnd, SchemaRegistryClient } from '@tributary/kafka-runtime';
import { createLogger } from '@tributary/observability';
import { sleep, stackEnv, waitFor } from '@tributary/testing';

/** Small in `make test`; `make chaos` runs PROJECTOR_KILL_EVENTS=100000. */
const EVENTS = Number(process.env['PROJECTOR_KILL_EVENTS'] ?? 5000);
const KILLS = Number(process.env['PROJECTOR_KILLS'] ?? 3);
const SEED = Number(process.env['PROJECTOR_KILL_SEED'] ?? 20261126);

const root = join(fileURLToPath(import.meta.url), '../../../..');
const projectorMain = join(root, 'apps/inventory-projector/dist/main.js');
const MAPPING_FILE = join(root, 'config/mappings/default.yaml');
const freePort = () => new Promise<number>((resolve) => {
  const server = createServer();
  server.listen(0, '127.0.0.1', () => { const { port } = server.address() as { port: number }; server.close(() => resolve(port)); });
});

const prng = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

type Input =
  | { topic: 'adjustment'; key: string; event: InventoryAdjustmentEvent }
  | { topic: 'order'; key: string; event: OrderEvent }
  | { topic: 'shipment'; key: string; event: ShipmentEvent }
  | { topic: 'return'; key: string; event: ReturnEvent };

const BASE = Date.UTC(2026, 10, 1);
const envelope = (eventType: string, occurredAt: number, source: string, id: string) => ({ eventId: id, eventType, occurredAt, source, correlationId: id, causationId: null, schemaVersion: 1 });
const address = (country: string) => ({ name: null, line1: '1 Main St', line2: null, city: 'Springfield', region: null, postalCode: '12345', country });

/** A seeded stream: ERP counts out of version order, orders created/updated/cancelled, shipments (some twice), returns. */
const workload = (count: number, seed: number): Input[] => {
  const random = prng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const skus = Array.from({ length: Math.max(20, Math.floor(count / 25)) }, (_, i) => `KS-${String(i).padStart(5, '0')}`);
  const locations = ['WH-AUSTIN', 'WH-TORONTO'];
  const open = new Map<string, { country: string; lines: Array<[string, number]> }>();
  const inputs: Input[] = [];
  let orders = 0;
  let shipments = 0;
  const orderEvent = (eventType: string, orderId: string, o: { country: string; lines: Array<[string, number]> }, t: number): Input => ({
    topic: 'order', key: orderId,
    event: {
      ...envelope(eventType, t, 'clarity', `${orderId}-${eventType}-${t}`),
      order: {
        orderId, orderNumber: `N${orderId}`, status: eventType === 'order.cancelled' ? 'cancelled' : 'processing', orderedAt: t, currency: 'USD', storeId: null, channel: 'web',
        customer: { customerId: 'C1', email: 'c1@example.com', firstName: 'C', lastName: 'One', company: null, phone: null },
        billingAddress: address(o.country), shippingAddress: address(o.country),
        lines: o.lines.map(([sku, quantity], i) => ({ lineId: String(i + 1), sku, description: null, quantity, unitPrice: '1.00', discount: '0.00', tax: '0.00', lineTotal: '1.00' })),
        shipping: { method: null, amount: '0.00' }, payment: null, couponCode: null,
        totals: { subtotal: '0.00', discountTotal: '0.00', taxTotal: '0.00', shippingTotal: '0.00', grandTotal: '0.00' },
      },
    },
  });
  for (let i = 0; i < count; i++) {
    const t = BASE + i * 1000;
    const r = random();
    if (r < 0.3 || open.size === 0) {
      const sku = pick(skus); const location = pick(locations); const onHand = String(Math.floor(random() * 200));
      const occurredAt = t + Math.floor((random() - 0.5) * 20_000);
      inputs.push({ topic: 'adjustment', key: `${sku}@${location}`, event: { ...envelope('inventory.adjusted', occurredAt, 'intacct', `adj-${i}`), adjustment: { sku, erpItemId: sku, locationId: location, onHand: `${onHand}.0000`, onOrder: null, onHold: null, erpVersion: `${new Date(occurredAt).toISOString()}#${onHand}` } } });
    } else if (r < 0.55) {
      const orderId = `K${++orders}`;
      const o = { country: random() < 0.2 ? 'CA' : 'US', lines: Array.from({ length: 1 + Math.floor(random() * 3) }, () => [pick(skus), 1 + Math.floor(random() * 5)] as [string, number]) };
      open.set(orderId, o);
      inputs.push(orderEvent('order.created', orderId, o, t));
    } else if (r < 0.65) {
      const orderId = pick([...open.keys()]); const o = open.get(orderId)!;
      o.lines = o.lines.map(([sku]) => [sku, 1 + Math.floor(random() * 6)]);
      inputs.push(orderEvent('order.updated', orderId, o, t));
    } else if (r < 0.72) {
      const orderId = pick([...open.keys()]); const o = open.get(orderId)!;
      open.delete(orderId);
      inputs.push(orderEvent('order.cancelled', orderId, o, t));
    } else if (r < 0.88) {
      const orderId = pick([...open.keys()]); const o = open.get(orderId)!;
      const shipmentId = `SH${++shipments}`;
      const event: ShipmentEvent = { ...envelope('shipment.created', t, 'sage100', shipmentId), shipment: { shipmentId, orderId, orderNumber: `N${orderId}`, carrier: 'UPS', service: null, trackingNumber: shipmentId, trackingUrl: null, shippedAt: t, warehouseId: null, lines: o.lines.filter(() => random() < 0.7).map(([sku, q]) => ({ lineId: null, sku, quantity: `${1 + Math.floor(random() * q)}` })) } };
      inputs.push({ topic: 'shipment', key: shipmentId, event });
      if (random() < 0.1) inputs.push({ topic: 'shipment', key: shipmentId, event }); // delivered twice
    } else {
      const returnId = `RT${i}`;
      inputs.push({ topic: 'return', key: returnId, event: { ...envelope('return.created', t, 'clarity', returnId), return: { returnId, returnNumber: returnId, orderId: 'K1', orderNumber: 'NK1', customerId: 'C1', currency: 'USD', createdAt: t, reason: null, lines: [{ lineId: '1', sku: pick(skus), quantity: 1 + Math.floor(random() * 3), unitPrice: '1.00', tax: '0.00', restock: random() < 0.7 }], shippingRefund: '0.00', refundTotal: '0.00' } } });
    }
  }
  return inputs;
};

type Figures = { onHand: number; reserved: number };

/** The straight fold, written independently of the projector: what the final levels must be. */
const straightFold = (inputs: readonly Input[]): Map<string, Figures> => {
  const erp = new Map<string, { at: number; version: string; onHand: number }>();
  const restocks = new Map<string, Map<string, { qty: number; at: number }>>();
  const orders = new Map<string, { location: string; ordered: Map<string, number>; cancelled: boolean }>();
  const shipped = new Map<string, Map<string, Map<string, number>>>();
  for (const input of inputs) {
    if (input.topic === 'adjustment') {
      const a = input.event; const current = erp.get(input.key);
      const version = a.adjustment.erpVersion;
      if (!current || a.occurredAt > current.at || (a.occurredAt === current.at && version > current.version)) erp.set(input.key, { at: a.occurredAt, version, onHand: Number(a.adjustment.onHand) });
    } else if (input.topic === 'order') {
      const { order } = input.event;
      const current = orders.get(order.orderId) ?? { location: order.shippingAddress.country === 'CA' ? 'WH-TORONTO' : 'WH-AUSTIN', ordered: new Map(), cancelled: false };
      if (input.event.eventType === 'order.cancelled') current.cancelled = true;
      else if (!current.cancelled) { current.ordered = new Map(); for (const l of order.lines) current.ordered.set(l.sku, (current.ordered.get(l.sku) ?? 0) + l.quantity); }
      orders.set(order.orderId, current);
    } else if (input.topic === 'shipment') {
      const s = input.event.shipment;
      const lines = new Map<string, number>();
      for (const l of s.lines) lines.set(l.sku, (lines.get(l.sku) ?? 0) + Number(l.quantity));
      const byShipment = shipped.get(s.orderId!) ?? new Map(); byShipment.set(s.shipmentId, lines); shipped.set(s.orderId!, byShipment);
    } else {
      const r = input.event.return;
      for (const l of r.lines) if (l.restock) {
        const key = `${l.sku}@WH-AUSTIN`;
        const set = restocks.get(key) ?? new Map(); set.set(`${r.returnId}/${l.lineId}`, { qty: l.quantity, at: r.createdAt }); restocks.set(key, set);
      }
    }
  }
  const figures = new Map<string, Figures>();
  const get = (key: string) => figures.get(key) ?? (figures.set(key, { onHand: 0, reserved: 0 }), figures.get(key)!);
  for (const [key, e] of erp) get(key).onHand += e.onHand;
  for (const [key, set] of restocks) for (const r of set.values()) if (!erp.has(key) || r.at > erp.get(key)!.at) get(key).onHand += r.qty;
  for (const [orderId, o] of orders) {
    if (o.cancelled) continue;
    for (const [sku, qty] of o.ordered) {
      let out = 0;
      for (const lines of shipped.get(orderId)?.values() ?? []) out += lines.get(sku) ?? 0;
      const open = Math.max(0, qty - out);
      if (open > 0) get(`${sku}@${o.location}`).reserved += open;
    }
  }
  return figures;
};

describe(`inventory-projector kill test: ${EVENTS} events, the projector SIGKILLed ${KILLS} times`, () => {
  let kafka: Kafka;
  let admin: Admin;
  let producer: Producer;
  let env: Record<string, string>;
  let child: ChildProcess | undefined;
  const decoder = new IsolatedDecoder();
  const topic = (name: string) => `${env['TOPIC_PREFIX']}${name}`;

  const start = async () => {
    const port = await freePort();
    child = spawn(process.execPath, [projectorMain], { env: { ...process.env, ...env, OPS_PORT: String(port) }, stdio: ['ignore', process.env['TEST_LOG_LEVEL'] ? 'inherit' : 'ignore', 'inherit'] });
    await waitFor(async () => (await fetch(`http://127.0.0.1:${port}/health/ready`)).ok, { what: 'the projector ready', timeoutMs: 120_000, intervalMs: 100 });
  };
  const kill = async () => {
    const c = child!;
    if (c.exitCode !== null) return;
    const exited = new Promise((resolve) => c.once('exit', resolve));
    c.kill('SIGKILL');
    await exited;
  };
  const inputTopics = () => [topics.inventoryAdjustment, topics.order, topics.shipment, topics.return].map((t) => topic(t.name));
  /** Input messages not yet covered by the group's committed (transactional) offsets. */
  const lag = async (): Promise<number> => {
    let total = 0;
    for (const name of inputTopics()) {
      const ends = await admin.fetchTopicOffsets(name);
      const [committed] = await admin.fetchOffsets({ groupId: env['PROJECTOR_GROUP_ID']!, topics: [name] });
      for (const end of ends) {
        const offset = Number(committed?.partitions.find((p) => p.partition === end.partition)?.offset ?? -1);
        total += Number(end.high) - Math.max(0, offset);
      }
    }
    return total;
  };

  before(async () => {
    const prefix = stackEnv()['TOPIC_PREFIX']!;
    env = stackEnv({ TOPIC_PREFIX: prefix, MAPPING_FILE, PROJECTOR_SESSION_TIMEOUT_MS: '6000', PROJECTOR_GROUP_ID: `${prefix}projector`, PROJECTOR_TRANSACTIONAL_ID: `${prefix}projector` });
    kafka = createKafkaClient({ brokers: env['KAFKA_BROKERS']!.split(','), clientId: 'e2e-projector-kill', logger: createLogger('e2e', 'silent') });
    admin = kafka.admin();
    await admin.connect();
    producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false });
    await producer.connect();
  });
  after(async () => {
    if (child && child.exitCode === null) await kill();
    await producer?.disconnect();
    await admin?.disconnect();
    await decoder.close();
  });

  it('ends with levels equal to a straight fold of the input, each published once per change (read_committed)', async () => {
    const started = Date.now();
    const inputs = workload(EVENTS, SEED);
    await start(); // provisions the topics
    const registry = new SchemaRegistryClient(env['SCHEMA_REGISTRY_URL']!);
    const specs = { adjustment: topics.inventoryAdjustment, order: topics.order, shipment: topics.shipment, return: topics.return } as const;
    const codecs = Object.fromEntries(await Promise.all(Object.entries(specs).map(async ([kind, spec]) => [kind, await AvroEventCodec.create<unknown>({ registry, decoder, subject: `${topic(spec.name)}-value`, schema: spec.valueSchema })]))) as Record<Input['topic'], AvroEventCodec<unknown>>;
    const produce = async (slice: readonly Input[]) => {
      for (let i = 0; i < slice.length; i += 2000) {
        const byTopic = new Map<string, Message[]>();
        for (const input of slice.slice(i, i + 2000)) {
          const name = topic(specs[input.topic].name);
          const list = byTopic.get(name) ?? []; list.push({ key: input.key, value: codecs[input.topic].encode(input.event) }); byTopic.set(name, list);
        }
        await producer.sendBatch({ acks: -1, topicMessages: [...byTopic].map(([t, messages]) => ({ topic: t, messages })) });
      }
    };

    const segment = Math.ceil(inputs.length / (KILLS + 1));
    let killsDuringWork = 0;
    for (let k = 0; k < KILLS; k++) {
      await produce(inputs.slice(k * segment, (k + 1) * segment));
      const lagBefore = await lag();
      // Kill while a transaction is likely open: once the projector has made progress on this segment.
      await waitFor(async () => (await lag()) < lagBefore || lagBefore === 0, { what: `progress before kill ${k + 1}`, timeoutMs: 120_000, intervalMs: 50 });
      await sleep(Math.floor(prng(SEED + k)() * 40));
      if ((await lag()) > 0) killsDuringWork++;
      await kill();
      await start();
    }
    await produce(inputs.slice(KILLS * segment));
    await waitFor(async () => (await lag()) === 0, { what: 'every input consumed and committed', timeoutMs: Math.max(120_000, EVENTS * 5), intervalMs: 250 });

    const levelCodec = await AvroEventCodec.create<InventoryLevelEvent>({ registry, decoder, subject: `${topic(topics.inventoryLevel.name)}-value`, schema: topics.inventoryLevel.valueSchema });
    const final = new Map<string, InventoryLevelEvent['level']>();
    const sequences = new Map<string, number[]>();
    let published = 0;
    await readCommittedToEnd(kafka, [topic(topics.inventoryLevel.name)], async (_t, messages) => {
      for (const [i, result] of (await levelCodec.decodeMany(messages.map((m) => m.value))).entries()) {
        assert.ok(result.ok, 'every level decodes');
        const key = messages[i]!.key!.toString();
        final.set(key, result.value.level);
        (sequences.get(key) ?? (sequences.set(key, []), sequences.get(key)!)).push(result.value.level.sequence);
        published++;
      }
    });
    const expected = straightFold(inputs);
    const mismatches: string[] = [];
    for (const key of new Set([...expected.keys(), ...final.keys()])) {
      const want = expected.get(key) ?? { onHand: 0, reserved: 0 };
      const got = final.get(key);
      const raw = want.onHand - want.reserved;
      const wantText = `${want.onHand}/${want.reserved}/${raw}/${Math.max(0, raw)}`;
      const gotText = got ? `${Number(got.onHand)}/${Number(got.reserved)}/${Number(got.availableRaw)}/${Number(got.available)}` : '0/0/0/0';
      if (wantText !== gotText) mismatches.push(`${key}: expected onHand/reserved/raw/available ${wantText}, got ${gotText}`);
    }
    assert.deepEqual(mismatches.slice(0, 10), [], `${mismatches.length} keys differ from the straight fold`);
    for (const [key, list] of sequences) assert.deepEqual(list, list.map((_, i) => i + 1), `${key}: each change published exactly once (no duplicate, no gap)`);
    console.log(JSON.stringify({ test: 'inventory-projector-kill', events: inputs.length, kills: KILLS, killsDuringWork, keys: final.size, levelsPublished: published, seconds: (Date.now() - started) / 1000 }));
  });
});
