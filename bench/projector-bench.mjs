#!/usr/bin/env node
// Inventory projector benchmark: fold rate (events/s) and memory for N SKUs, and the start-up
// (state rebuild) time with N SKUs in the compacted topics. Needs the local stack (make up) and
// a build (make build). Prints one table; writes bench/results/projector-<time>.json.
//   node bench/projector-bench.mjs [--skus 100000] [--orders 50000]
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { randomBytes } from 'node:crypto';
import { topics } from '@tributary/canonical-model';
import { AvroEventCodec, createKafkaClient, IsolatedDecoder, SchemaRegistryClient } from '@tributary/kafka-runtime';
import { loadMappingConfig } from '@tributary/mapping-core';
import { createLogger } from '@tributary/observability';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { Projector, inventoryRules, shipFromRule } = await import(join(root, 'apps/inventory-projector/dist/index.js'));
const { values } = parseArgs({ options: { skus: { type: 'string', default: '100000' }, orders: { type: 'string', default: '50000' } } });
const SKUS = Number(values.skus);
const ORDERS = Number(values.orders);
const BROKERS = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');
const REGISTRY = process.env.SCHEMA_REGISTRY_URL ?? 'http://127.0.0.1:8081/apis/ccompat/v7';
const MAPPING_FILE = join(root, 'config/mappings/default.yaml');
const prefix = `bench${Date.now().toString(36)}${randomBytes(2).toString('hex')}.`;
const log = createLogger('projector-bench', 'silent');
const mb = (bytes) => Math.round(bytes / 1024 / 1024);

// ── the workload: one ERP count per SKU, then orders of 1-3 lines over them ──────────────────
const BASE = Date.UTC(2026, 10, 1);
const envelope = (eventType, occurredAt, source, id) => ({ eventId: id, eventType, occurredAt, source, correlationId: id, causationId: null, schemaVersion: 1 });
const sku = (i) => `BENCH-${String(i).padStart(6, '0')}`;
const address = { name: null, line1: '1 Main St', line2: null, city: 'Austin', region: 'TX', postalCode: '78701', country: 'US' };
const adjustments = Array.from({ length: SKUS }, (_, i) => ({
  ...envelope('inventory.adjusted', BASE + i, 'intacct', `adj-${i}`),
  adjustment: { sku: sku(i), erpItemId: sku(i), locationId: 'WH-AUSTIN', onHand: `${(i % 500) + 1}.0000`, onOrder: null, onHold: null, erpVersion: `${new Date(BASE + i).toISOString()}#${(i % 500) + 1}` },
}));
const orders = Array.from({ length: ORDERS }, (_, i) => ({
  ...envelope('order.created', BASE + SKUS + i, 'clarity', `order-${i}`),
  order: {
    orderId: `B${i}`, orderNumber: `NB${i}`, status: 'processing', orderedAt: BASE, currency: 'USD', storeId: null, channel: 'web',
    customer: { customerId: 'C1', email: 'c1@example.com', firstName: 'C', lastName: 'One', company: null, phone: null },
    billingAddress: address, shippingAddress: address,
    lines: Array.from({ length: 1 + (i % 3) }, (_, l) => ({ lineId: String(l + 1), sku: sku((i * 7 + l * 13) % SKUS), description: null, quantity: 1 + (l % 2), unitPrice: '1.00', discount: '0.00', tax: '0.00', lineTotal: '1.00' })),
    shipping: { method: null, amount: '0.00' }, payment: null, couponCode: null,
    totals: { subtotal: '0.00', discountTotal: '0.00', taxTotal: '0.00', shippingTotal: '0.00', grandTotal: '0.00' },
  },
}));
const total = SKUS + ORDERS;

const registry = new SchemaRegistryClient(REGISTRY);
const decoder = new IsolatedDecoder();
const codec = (spec) => AvroEventCodec.create({ registry, decoder, subject: `${prefix}${spec.name}-value`, schema: spec.valueSchema });

// ── 1. the fold alone, in process (state in memory, outputs encoded, no Kafka) ─────────────────
const inProcess = async () => {
  const mapping = loadMappingConfig(MAPPING_FILE);
  const codecs = { level: await codec(topics.inventoryLevel), profile: await codec(topics.customerProfile) };
  const projector = new Projector({
    topics: { adjustment: 'a', order: 'o', shipment: 's', return: 'r', customer: 'c', xref: 'x', level: 'l', profile: 'p', changelog: 'cl', deadLetter: 'd' },
    codecs, rules: inventoryRules(mapping), shipFrom: shipFromRule(mapping), masters: mapping.customerProfile.masters, log,
  });
  global.gc?.();
  const rssBefore = process.memoryUsage().rss;
  const started = performance.now();
  let outputs = 0;
  const inputs = [...adjustments.map((event) => ({ kind: 'adjustment', event })), ...orders.map((event) => ({ kind: 'order', event }))];
  for (let i = 0; i < inputs.length; i += 500) {
    for (const input of inputs.slice(i, i + 500)) outputs += (await projector.fold(input)).length;
    outputs += projector.changelogOutputs().length;
    projector.commit();
  }
  const seconds = (performance.now() - started) / 1000;
  global.gc?.();
  const memory = process.memoryUsage();
  return { events: inputs.length, seconds, eventsPerSecond: Math.round(inputs.length / seconds), outputs, stockKeys: projector.stocks.size, reservations: projector.reservations.size, rssMb: mb(memory.rss), rssGrowthMb: mb(memory.rss - rssBefore), heapUsedMb: mb(memory.heapUsed) };
};

// ── 2. the real service: backlog fold through Kafka transactions, then a restart (rebuild) ──────
const freePort = () => new Promise((resolve) => { const s = createServer(); s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); }); });
const metric = (text, name) => Number(new RegExp(`^${name}(?:\\{[^}]*\\})? ([0-9.e+-]+)$`, 'm').exec(text)?.[1] ?? NaN);
const env = { ...process.env, KAFKA_BROKERS: BROKERS.join(','), SCHEMA_REGISTRY_URL: REGISTRY, TOPIC_PREFIX: prefix, LOG_LEVEL: 'warn', MAPPING_FILE, OPS_HOST: '127.0.0.1', PROJECTOR_GROUP_ID: `${prefix}projector`, PROJECTOR_TRANSACTIONAL_ID: `${prefix}projector`, PROJECTOR_SESSION_TIMEOUT_MS: '6000' };
const startProjector = async () => {
  const port = await freePort();
  const spawnedAt = performance.now();
  const child = spawn(process.execPath, [join(root, 'apps/inventory-projector/dist/main.js')], { env: { ...env, OPS_PORT: String(port) }, stdio: ['ignore', 'ignore', 'inherit'] });
  for (;;) {
    try { if ((await fetch(`http://127.0.0.1:${port}/health/ready`)).ok) break; } catch { /* not listening yet */ }
    if (child.exitCode !== null) throw new Error('the projector exited');
    await new Promise((r) => setTimeout(r, 50));
  }
  return { child, port, readySeconds: (performance.now() - spawnedAt) / 1000, metrics: async () => (await fetch(`http://127.0.0.1:${port}/metrics`)).text() };
};
const stop = (child) => new Promise((resolve) => { child.once('exit', resolve); child.kill('SIGTERM'); });

const throughKafka = async () => {
  const kafka = createKafkaClient({ brokers: BROKERS, clientId: 'projector-bench', logger: log });
  const admin = kafka.admin();
  await admin.connect();
  let projector = await startProjector(); // provisions the topics
  await stop(projector.child);
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  await producer.connect();
  const adjustmentCodec = await codec(topics.inventoryAdjustment);
  const orderCodec = await codec(topics.order);
  const send = async (topic, messages) => { for (let i = 0; i < messages.length; i += 5000) await producer.sendBatch({ acks: -1, topicMessages: [{ topic, messages: messages.slice(i, i + 5000) }] }); };
  await send(`${prefix}${topics.inventoryAdjustment.name}`, adjustments.map((e) => ({ key: `${e.adjustment.sku}@WH-AUSTIN`, value: adjustmentCodec.encode(e) })));
  await send(`${prefix}${topics.order.name}`, orders.map((e) => ({ key: e.order.orderId, value: orderCodec.encode(e) })));
  await producer.disconnect();
  const lag = async () => {
    let sum = 0;
    for (const name of [topics.inventoryAdjustment.name, topics.order.name]) {
      const ends = await admin.fetchTopicOffsets(`${prefix}${name}`);
      const [committed] = await admin.fetchOffsets({ groupId: `${prefix}projector`, topics: [`${prefix}${name}`] });
      for (const end of ends) sum += Number(end.high) - Math.max(0, Number(committed?.partitions.find((p) => p.partition === end.partition)?.offset ?? -1));
    }
    return sum;
  };
  projector = await startProjector();
  const started = performance.now();
  let peakRss = 0;
  while ((await lag()) > 0) {
    peakRss = Math.max(peakRss, metric(await projector.metrics(), 'process_resident_memory_bytes'));
    await new Promise((r) => setTimeout(r, 250));
  }
  const seconds = (performance.now() - started) / 1000;
  const afterFold = await projector.metrics();
  const fold = { events: total, seconds, eventsPerSecond: Math.round(total / seconds), peakRssMb: mb(Math.max(peakRss, metric(afterFold, 'process_resident_memory_bytes'))), rssMb: mb(metric(afterFold, 'process_resident_memory_bytes')), heapUsedMb: mb(metric(afterFold, 'nodejs_heap_size_used_bytes')) };
  await stop(projector.child);
  projector = await startProjector();
  const afterRestart = await projector.metrics();
  const rebuild = { stockKeys: metric(afterRestart, 'tributary_projector_state_keys\\{kind="stock",service="inventory-projector"\\}'), reservations: metric(afterRestart, 'tributary_projector_state_keys\\{kind="reservation",service="inventory-projector"\\}'), rebuildSeconds: metric(afterRestart, 'tributary_projector_rebuild_seconds'), startToReadySeconds: projector.readySeconds, rssMb: mb(metric(afterRestart, 'process_resident_memory_bytes')), heapUsedMb: mb(metric(afterRestart, 'nodejs_heap_size_used_bytes')) };
  await stop(projector.child);
  await admin.deleteTopics({ topics: (await admin.listTopics()).filter((t) => t.startsWith(prefix)) }).catch(() => undefined);
  await admin.disconnect();
  return { fold, rebuild };
};

const results = { at: new Date().toISOString(), skus: SKUS, orders: ORDERS, node: process.version, cpus: (await import('node:os')).cpus().length, inProcess: await inProcess(), ...(await throughKafka()) };
await decoder.close();
const rows = [
  ['fold, in process (no Kafka)', `${results.inProcess.eventsPerSecond.toLocaleString('en-US')} events/s`, `${results.inProcess.events.toLocaleString('en-US')} events in ${results.inProcess.seconds.toFixed(2)} s`, `RSS ${results.inProcess.rssMb} MB (+${results.inProcess.rssGrowthMb} MB), heap ${results.inProcess.heapUsedMb} MB`],
  ['fold, service (Kafka transactions)', `${results.fold.eventsPerSecond.toLocaleString('en-US')} events/s`, `${results.fold.events.toLocaleString('en-US')} events in ${results.fold.seconds.toFixed(2)} s`, `RSS ${results.fold.rssMb} MB (peak ${results.fold.peakRssMb} MB), heap ${results.fold.heapUsedMb} MB`],
  ['start-up with state (rebuild)', `${results.rebuild.rebuildSeconds.toFixed(2)} s rebuild`, `${results.rebuild.startToReadySeconds.toFixed(2)} s spawn → ready; ${results.rebuild.stockKeys.toLocaleString('en-US')} SKUs, ${results.rebuild.reservations.toLocaleString('en-US')} reservations`, `RSS ${results.rebuild.rssMb} MB, heap ${results.rebuild.heapUsedMb} MB`],
];
const widths = [0, 1, 2, 3].map((c) => Math.max(...rows.map((r) => r[c].length), ['measure', 'rate', 'what', 'memory'][c].length));
const line = (cells) => cells.map((cell, c) => cell.padEnd(widths[c])).join(' │ ');
console.log(`inventory-projector bench: ${SKUS.toLocaleString('en-US')} SKUs, ${ORDERS.toLocaleString('en-US')} orders, node ${process.version}, ${results.cpus} CPUs`);
console.log(line(['measure', 'rate', 'what', 'memory']));
console.log(widths.map((w) => '─'.repeat(w)).join('─┼─'));
for (const row of rows) console.log(line(row));
mkdirSync(join(root, 'bench/results'), { recursive: true });
const file = join(root, 'bench/results', `projector-${results.at.replace(/[:.]/g, '-')}.json`);
writeFileSync(file, JSON.stringify(results, null, 2) + '\n');
console.log(`\nwritten: ${file}`);
process.exit(0);
