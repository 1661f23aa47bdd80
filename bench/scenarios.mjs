// The `make bench` scenarios. Each prints one table and writes bench/results/<name>.json.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { cannon, orderBodies, sendAtRate } from './load.mjs';
import { benchBus, num, procStats, round, root, serviceEnv, sleep, startIngress, startSage100Sim, startSage100Sink, startSalesforceSim, startSalesforceSink, startSimulator, startSink, stats, table, writeResult } from './lib.mjs';

export const rssSampler = (procs) => {
  const samples = Object.fromEntries(procs.map((p) => [p.name, []]));
  const timer = setInterval(() => { for (const p of procs) samples[p.name].push(procStats(p.pid).rssMb); }, 1000);
  return { stop: () => { clearInterval(timer); return Object.fromEntries(Object.entries(samples).map(([n, s]) => [n, { steadyMb: round(s.length ? s.slice(Math.floor(s.length / 2)).reduce((a, b) => a + b, 0) / Math.ceil(s.length / 2) : NaN), peakMb: round(Math.max(...s)) }])); } };
};

/** (1) Ingress alone: webhooks/s accepted with a durable Kafka ack, at max rate and at a fixed 1,000/s. */
export const ingressScenario = async () => {
  const seconds = num('BENCH_INGRESS_SECONDS', 15);
  const env = serviceEnv();
  const ingress = await startIngress(env);
  try {
    const pool = orderBodies(2000, 1_000_000).map((o) => o);
    await cannon({ url: ingress.url, pool, seconds: 3, connections: 20 }); // warm-up (JIT, topics, producer)
    const runs = [];
    for (const [label, opts] of [['max rate (50 connections)', { connections: 50 }], ['fixed 1,000/s', { connections: 32, rate: 1000 }]]) {
      const cpu0 = procStats(ingress.pid).cpuS;
      const r = await cannon({ url: ingress.url, pool, seconds, ...opts });
      const cpu = procStats(ingress.pid).cpuS - cpu0;
      runs.push({ label, ...r, cpuUsPerWebhook: r.accepted ? (cpu * 1e6) / r.accepted : NaN, rssMb: procStats(ingress.pid).rssMb });
    }
    table('Ingress: signed order webhooks → 202 after Kafka acks (acks=all, idempotent)', runs.map((r) => ({
      load: r.label, 'accepted/s': round(r.perSecond, 0), 'p50 ms': r.latency.p50, 'p99 ms': r.latency.p99, 'max ms': r.latency.max, 'non-2xx': r.non2xx, errors: r.errors, 'CPU µs/webhook': round(r.cpuUsPerWebhook, 0), 'RSS MB': round(r.rssMb, 0),
    })));
    writeResult('ingress', { seconds, runs });
    return runs;
  } finally { await ingress.stop(); }
};

/** Sends orders at a fixed rate through `url`, waits for them in the simulator, returns latency from send to stored document. */
export const endToEnd = async ({ url, sim, rate, seconds, startNumber, drainTimeoutMs = num("BENCH_DRAIN_TIMEOUT_S", 600) * 1000 }) => {
  const items = orderBodies(Math.round(rate * seconds), startNumber, 11);
  const creates = async () => Number((await sim.stats()).functions?.create_sotransaction ?? 0);
  const created0 = await creates();
  const { sent, answers, skipped, sendSeconds } = await sendAtRate({ url, items, rate });
  const accepted = answers.filter((a) => a.status >= 200 && a.status < 300).length;
  const deadline = Date.now() + drainTimeoutMs;
  // Poll the cheap stats, not the document list (serialising thousands of documents every
  // half second would load the simulator the sink is being measured against).
  while ((await creates()) - created0 < accepted && Date.now() < deadline) await sleep(1000);
  let docs = [];
  for (;;) {
    docs = (await sim.documents()).filter((d) => sent.has(d.referenceNo));
    if (new Set(docs.map((d) => d.referenceNo)).size >= accepted || Date.now() > deadline) break;
    await sleep(3000);
  }
  const firstDoc = new Map();
  for (const d of docs) if (!firstDoc.has(d.referenceNo)) firstDoc.set(d.referenceNo, Date.parse(d.createdAt));
  const latencies = [...firstDoc].map(([ref, at]) => at - sent.get(ref));
  const docTimes = [...firstDoc.values()].sort((a, b) => a - b);
  return {
    rate, seconds, sent: sent.size, skipped, sendSeconds: round(sendSeconds, 1), accepted, refused: answers.length - accepted,
    documents: firstDoc.size, duplicates: docs.length - firstDoc.size, lost: accepted - firstDoc.size,
    latencyMs: stats(latencies), answerMs: stats(answers.map((a) => a.ms)),
    deliveredPerSecond: docTimes.length > 1 ? (docTimes.length - 1) / ((docTimes.at(-1) - docTimes[0]) / 1000) : NaN,
  };
};

/** (2) End to end at 200 orders/s, and (6) RSS of each service at that steady load. */
export const e2eScenario = async () => {
  const rate = num('BENCH_E2E_RATE', 200); const seconds = num('BENCH_E2E_SECONDS', 60);
  const sim = await startSimulator({ maxConcurrent: num('BENCH_SIM_MAX_CONCURRENT', 2) });
  const env = serviceEnv();
  const ingress = await startIngress(env);
  // Like the peer's flow by default: one web-sales customer (BENCH_CUSTOMER_FROM=order finds or creates each).
  const sink = await startSink(env, sim, { SINK_CONCURRENCY: String(num('BENCH_SINK_CONCURRENCY', 6)), INTACCT_CUSTOMER_FROM: process.env.BENCH_CUSTOMER_FROM ?? 'fixed' });
  try {
    await endToEnd({ url: ingress.url, sim, rate: 20, seconds: 2, startNumber: 2_000_000 }); // warm-up
    const idle = Object.fromEntries([ingress, sink, sim].map((p) => [p.name, round(procStats(p.pid).rssMb)]));
    const cpu0 = Object.fromEntries([ingress, sink, sim].map((p) => [p.name, procStats(p.pid).cpuS]));
    const sampler = rssSampler([ingress, sink, sim]);
    const t0 = performance.now();
    const r = await endToEnd({ url: ingress.url, sim, rate, seconds, startNumber: 2_100_000 });
    const wall = (performance.now() - t0) / 1000;
    const rss = sampler.stop();
    // Average over the whole run, the drain of a backlog included.
    const cpu = Object.fromEntries([ingress, sink, sim].map((p) => [p.name, round(((procStats(p.pid).cpuS - cpu0[p.name]) / wall) * 100, 0)]));
    table(`End to end: order webhook → document stored in the Intacct simulator, ${rate}/s for ${seconds} s`, [{
      sent: r.sent, accepted: r.accepted, documents: r.documents, lost: r.lost, duplicates: r.duplicates,
      'p50 ms': round(r.latencyMs.p50, 0), 'p99 ms': round(r.latencyMs.p99, 0), 'max ms': round(r.latencyMs.max, 0),
      'webhook p99 ms': round(r.answerMs.p99, 1), 'delivered/s': round(r.deliveredPerSecond, 0),
    }]);
    table(`Memory and CPU of each service at ${rate} orders/s`, Object.keys(rss).map((name) => ({ service: name, 'idle RSS MB': idle[name], 'steady RSS MB': rss[name].steadyMb, 'peak RSS MB': rss[name].peakMb, 'CPU % of a core': cpu[name] })));
    writeResult('e2e', { ...r, customerFrom: process.env.BENCH_CUSTOMER_FROM ?? 'fixed', sinkConcurrency: num('BENCH_SINK_CONCURRENCY', 6), simulator: { maxConcurrent: num('BENCH_SIM_MAX_CONCURRENT', 2) } });
    writeResult('memory', { rate, seconds, idleRssMb: idle, rss, cpuPercentOfCore: cpu });
    return r;
  } finally { await sink.stop(); await ingress.stop(); await sim.stop(); }
};

/** (3) Sink efficiency: a backlog drained against a simulator allowing N concurrent requests of L ms. */
export const sinkScenario = async () => {
  const N = num('BENCH_SINK_N', 2); const L = num('BENCH_SINK_L_MS', 50); const orders = num('BENCH_SINK_ORDERS', 600);
  const F = num('BENCH_SINK_FUNCTIONS', 20);
  const concurrencies = String(process.env.BENCH_SINK_CONCURRENCIES ?? '2,6').split(',').map(Number);
  const rows = [];
  for (const concurrency of concurrencies) {
    const sim = await startSimulator({ maxConcurrent: N });
    const env = serviceEnv();
    const ingress = await startIngress(env);
    try {
      // The backlog: every order in Kafka before the sink starts.
      const { answers } = await sendAtRate({ url: ingress.url, items: orderBodies(orders, 3_000_000 + concurrency * 100_000, 13), rate: 2000 });
      const accepted = answers.filter((a) => a.status === 202).length;
      await sim.setFaults({ latencyMs: L });
      const t0 = Date.now();
      const sink = await startSink(env, sim, { SINK_CONCURRENCY: String(concurrency), INTACCT_CUSTOMER_FROM: 'fixed', INTACCT_MAX_CONCURRENT_REQUESTS: String(N), INTACCT_MAX_FUNCTIONS_PER_REQUEST: String(F) });
      let docs = [];
      const deadline = Date.now() + num('BENCH_SINK_TIMEOUT_S', 300) * 1000;
      while ((docs = await sim.documents()).length < accepted && Date.now() < deadline) await sleep(500);
      const stats1 = await sim.stats();
      await sink.stop();
      const times = docs.map((d) => Date.parse(d.createdAt)).sort((a, b) => a - b);
      // Steady window: the middle 80% of documents (start-up and the tail left out).
      const lo = times[Math.floor(times.length * 0.1)]; const hi = times[Math.floor(times.length * 0.9)];
      const steady = (Math.floor(times.length * 0.9) - Math.floor(times.length * 0.1)) / ((hi - lo) / 1000);
      const fns = Object.values(stats1.functions ?? {}).reduce((a, b) => a + b, 0);
      const ceiling = (N * F) / (L / 1000);
      const fnsPerDoc = docs.length ? fns / docs.length : NaN;
      rows.push({ concurrency, N, L, F, orders: accepted, documents: docs.length, seconds: round((times.at(-1) - t0) / 1000, 1), docsPerSecond: steady, functionsPerDocument: fnsPerDoc, functionsPerSecond: steady * fnsPerDoc, ceiling, fraction: (steady * fnsPerDoc) / ceiling, requests: stats1.requests, byStatus: stats1.byStatus, maxConcurrentSeen: stats1.maxConcurrentSeen });
    } finally { await ingress.stop(); await sim.stop(); }
  }
  table(`Sink efficiency: backlog drained against N concurrent requests × L ms (ceiling N × F / L functions/s)`, rows.map((r) => ({
    'SINK_CONCURRENCY': r.concurrency, N: r.N, 'L ms': r.L, F: r.F, documents: `${r.documents}/${r.orders}`, 'docs/s': round(r.docsPerSecond, 0), 'fns/doc': round(r.functionsPerDocument, 2), 'fns/s': round(r.functionsPerSecond, 0), 'ceiling fns/s': r.ceiling, 'of ceiling': `${round(r.fraction * 100, 1)} %`, 'fns/request': round(r.functionsPerDocument * r.documents / Math.max(1, r.requests - 1), 2),
  })));
  writeResult('sink-efficiency', { rows });
  return rows;
};

/** (4) Avro encode/decode and zod validation, per core (this process, one thread). */
export const codecScenario = async () => {
  const { compileAvroType } = await import('@tributary/kafka-runtime');
  const { topics } = await import('@tributary/canonical-model');
  const { clarityOrderWebhookSchema } = await import('@tributary/connectors-clarity');
  const { toCanonicalOrderEvent } = await import('@tributary/mapping-clarity');
  const [{ body }] = orderBodies(1, 4_000_000);
  const json = JSON.parse(body);
  const webhook = clarityOrderWebhookSchema.parse(json);
  const mapped = toCanonicalOrderEvent(webhook, { eventId: '00000000-0000-4000-8000-000000000000', correlationId: 'bench', receivedAt: Date.now() });
  if (!mapped.ok) throw new Error(`mapping failed: ${mapped.error.message}`);
  const type = compileAvroType(topics.order.valueSchema);
  const encoded = type.toBuffer(mapped.value);
  const measure = (label, fn, ms = num('BENCH_CODEC_MS', 2000)) => {
    for (let i = 0; i < 2000; i++) fn(); // warm-up
    let n = 0; const t0 = performance.now();
    while (performance.now() - t0 < ms) { for (let i = 0; i < 200; i++) fn(); n += 200; }
    const s = (performance.now() - t0) / 1000;
    return { operation: label, 'ops/s per core': Math.round(n / s), 'µs/op': round((s * 1e6) / n, 2) };
  };
  const rows = [
    measure('Avro encode (OrderEvent)', () => type.toBuffer(mapped.value)),
    measure('Avro decode (OrderEvent)', () => type.fromBuffer(encoded)),
    measure('zod validate (order webhook)', () => clarityOrderWebhookSchema.safeParse(json)),
    measure('JSON.parse + zod + map to canonical', () => toCanonicalOrderEvent(clarityOrderWebhookSchema.parse(JSON.parse(body)), { eventId: 'e', correlationId: 'c', receivedAt: 0 })),
  ];
  table(`Codec and validation rates per core (order with ${json.data.lineItems.length} lines: ${body.length} bytes JSON, ${encoded.length} bytes Avro)`, rows);
  writeResult('codec', { jsonBytes: body.length, avroBytes: encoded.length, rows });
  return rows;
};

/** (5) Projector fold rate: bench/projector-bench.mjs, when another part of the project provides it. */
export const projectorScenario = async () => {
  const script = join(root, 'bench/projector-bench.mjs');
  if (!existsSync(script)) { console.log('\n### Projector fold rate\n\nbench/projector-bench.mjs is not there yet: skipped.'); writeResult('projector', { skipped: 'bench/projector-bench.mjs not present' }); return null; }
  const run = spawnSync(process.execPath, [script], { stdio: 'inherit', env: process.env, cwd: root });
  return { exitCode: run.status };
};

/** Waits until `group` committed everything `topic` holds; false after the deadline. */
const waitCaughtUp = async (bus, group, topic, deadline) => {
  while (Date.now() < deadline) {
    if (await bus.caughtUp(group, topic).catch(() => false)) return true;
    await sleep(500);
  }
  return false;
};
/** Count per second over the middle 80 % of sorted timestamps (start-up and tail left out); all of them below 20. */
const steadyRate = (times) => {
  if (times.length < 2) return NaN;
  if (times.length < 20) return (times.length - 1) / Math.max(0.001, (times.at(-1) - times[0]) / 1000);
  const a = Math.floor(times.length * 0.1); const b = Math.floor(times.length * 0.9);
  return (b - a) / Math.max(0.001, (times[b] - times[a]) / 1000);
};
const diffCounts = (after = {}, before = {}) => Object.fromEntries(Object.entries(after).map(([k, v]) => [k, v - (before[k] ?? 0)]).filter(([, v]) => v !== 0));
const asMs = (v) => (v instanceof Date ? v.getTime() : Number(v));

/**
 * (7) Sage 100: signed order webhooks → ingress → commerce.order.v1 → sage100-sink → Sage 100 facade
 * simulator at its concurrency cap (N requests in flight, optional L ms each). Two phases: a backlog
 * drained (orders/s at the cap) and a fixed rate below it (latency from send to the sales order
 * recorded as created in the ledger). Zero loss = every accepted order is one Sales Order in the simulator.
 */
export const sage100Scenario = async () => {
  const N = num('BENCH_SAGE100_MAX_CONCURRENT', 4); const L = num('BENCH_SAGE100_L_MS', 10);
  const backlog = num('BENCH_SAGE100_ORDERS', 600); const rate = num('BENCH_SAGE100_RATE', 15); const seconds = num('BENCH_SAGE100_SECONDS', 30);
  const concurrency = num('BENCH_SAGE100_SINK_CONCURRENCY', 4);
  const { topics } = await import('@tributary/canonical-model');
  const { loadMappingConfig } = await import('@tributary/mapping-core');
  const sim = await startSage100Sim({ maxConcurrent: N });
  const env = serviceEnv();
  let ingress; let sink; let bus;
  try {
    // Every mapped item stocked in the three mapped warehouses (no back orders), the mapping's payment types.
    const mapping = loadMappingConfig(join(root, 'config/mappings/default.yaml'));
    const itemCodes = [...new Set(Object.values(mapping.items.items))].filter((code) => code !== 'LEGACY-BUNDLE');
    await sim.seed({
      items: itemCodes.map((code) => ({ ItemCode: code, ItemType: '1', description: code.slice(0, 30), StandardUnitPrice: 10, warehouses: ['000', '001', '002'].map((WarehouseCode) => ({ WarehouseCode, QuantityOnHand: 10_000_000 })) })),
      paymentTypes: [{ PaymentType: 'STRIP', PaymentDesc: 'Stripe', PaymentMethod: 'O' }, { PaymentType: 'GIFT', PaymentDesc: 'Gift card', PaymentMethod: 'O' }, { PaymentType: 'CREDT', PaymentDesc: 'Store credit', PaymentMethod: 'O' }],
    });
    if (L > 0) await sim.setFaults({ latencyMs: L });
    ingress = await startIngress(env);
    bus = await benchBus(env);
    const sinkEnv = { SINK_CONCURRENCY: String(concurrency), SAGE100_MAX_CONCURRENT_REQUESTS: String(N) };
    const drainDeadline = () => Date.now() + num('BENCH_DRAIN_TIMEOUT_S', 600) * 1000;

    // Phase 1: the backlog, every order in Kafka before the sink starts.
    const backlogSend = await sendAtRate({ url: ingress.url, items: orderBodies(backlog, 8_000_000, 17), rate: 1000 });
    const stats0 = await sim.stats();
    const t0 = Date.now();
    sink = await startSage100Sink(env, sim, sinkEnv);
    const drained1 = await waitCaughtUp(bus, 'sage100-sink', topics.order.name, drainDeadline());
    const wall1 = (Date.now() - t0) / 1000;
    const stats1 = await sim.stats();

    // Phase 2: a fixed rate, open loop, the sink running.
    const rateSend = await sendAtRate({ url: ingress.url, items: orderBodies(Math.round(rate * seconds), 8_500_000, 19), rate });
    const drained2 = await waitCaughtUp(bus, 'sage100-sink', topics.order.name, drainDeadline());
    const stats2 = await sim.stats();

    const salesOrders = await sim.salesOrders();
    const ledger = (await bus.read(topics.xref)).filter((m) => m.key.startsWith('sage100:sales-order:') && m.value?.status === 'DONE');
    const doneAt = new Map();
    for (const m of ledger) { const ref = m.value.externalReference; if (ref && !doneAt.has(ref)) doneAt.set(ref, asMs(m.value.updatedAt)); }

    const phase = (label, send, s0, s1, drained, extra = {}) => {
      const accepted = send.answers.filter((a) => a.status === 202).map((a) => a.referenceNo);
      const mine = salesOrders.filter((o) => send.sent.has(o.UDF_CLARITY_ORDER || o.CustomerPONo));
      const distinct = new Set(mine.map((o) => o.UDF_CLARITY_ORDER || o.CustomerPONo));
      const done = accepted.filter((ref) => doneAt.has(ref));
      const times = done.map((ref) => doneAt.get(ref)).sort((a, b) => a - b);
      const requests = s1.requests - s0.requests;
      return {
        label, sent: send.sent.size, accepted: accepted.length, salesOrders: mine.length, lost: accepted.filter((ref) => !distinct.has(ref)).length, duplicates: mine.length - distinct.size,
        drained, ordersPerSecond: steadyRate(times), latencyMs: stats(done.map((ref) => doneAt.get(ref) - send.sent.get(ref))),
        maxInFlightSoFar: s1.maxConcurrentSeen, requests, requestsPerOrder: distinct.size ? requests / distinct.size : NaN, byOperation: diffCounts(s1.byOperation, s0.byOperation), byStatus: diffCounts(s1.byStatus, s0.byStatus), ...extra,
      };
    };
    const phases = [
      phase(`backlog of ${backlog} drained`, backlogSend, stats0, stats1, drained1, { wallSeconds: round(wall1, 1) }),
      phase(`fixed ${rate}/s for ${seconds} s`, rateSend, stats1, stats2, drained2, { rate, seconds }),
    ];
    const ceiling = (p) => (L > 0 && Number.isFinite(p.requestsPerOrder) ? round((N * 1000) / L / p.requestsPerOrder, 1) : '—');
    table(`Sage 100: order webhook → ingress → commerce.order.v1 → sage100-sink → Sage 100 simulator (cap ${N} requests in flight${L ? `, ${L} ms each` : ''}; SINK_CONCURRENCY ${concurrency})`, phases.map((p, i) => ({
      load: p.label, accepted: p.accepted, 'sales orders': p.salesOrders, lost: p.lost, duplicates: p.duplicates, 'orders/s': round(p.ordersPerSecond, 1),
      'p50 ms': i === 0 ? '(queued)' : round(p.latencyMs.p50, 0), 'p99 ms': i === 0 ? '(queued)' : round(p.latencyMs.p99, 0),
      'requests/order': round(p.requestsPerOrder, 2), '429s': p.byStatus['429'] ?? 0, 'max in flight': p.maxInFlightSoFar, 'ceiling orders/s (N×1000/L/requests)': ceiling(p),
    })));
    writeResult('sage100', { simulator: { maxConcurrent: N, latencyMs: L, maxConcurrentSeen: stats2.maxConcurrentSeen }, sinkConcurrency: concurrency, latencyFrom: 'webhook sent → ledger DONE entry of the sales order (updatedAt)', phases });
    return phases;
  } finally { await sink?.stop(); await ingress?.stop(); await bus?.close(); await sim.stop(); }
};

let customerVersion = 0;
const benchCustomer = (i, tag) => {
  customerVersion++;
  const b2b = i % 2 === 0;
  const customer = {
    customerId: `bench-${tag}-${i}`, clarityId: `bench-${tag}-${i}`, salesforceAccountId: null, salesforceContactId: null, kind: b2b ? 'b2b' : 'b2c',
    email: `customer${i}.${tag}@example.com`, firstName: `First${i}`, lastName: `Last${i}`, company: b2b ? `Company ${i} LLC` : null, phone: `+1 512 555 ${String(1000 + (i % 9000))}`,
    billingAddress: { name: null, line1: `${i} Congress Ave`, line2: null, city: 'Austin', region: 'TX', postalCode: '78701', country: 'US' },
    shippingAddress: null, marketingOptIn: true, accountOwner: null, modifiedAt: Date.now(), version: `v${customerVersion}`, changedFields: [],
  };
  return { eventId: `bench-cust-evt-${tag}-${i}-${customerVersion}`, eventType: 'customer.created', occurredAt: customer.modifiedAt, source: 'clarity', correlationId: `bench-${tag}-${i}`, causationId: null, schemaVersion: 1, customer };
};

/**
 * (8) Salesforce: commerce.customer.v1 → salesforce-sink → Accounts/Contacts (sObject collections),
 * then commerce.order.v1 → Orders with their items (one /composite each), both as a backlog drained.
 * Records per API call and API calls per order from the simulator's apiUsage(); zero loss by
 * counting the records by external id.
 */
export const salesforceScenario = async () => {
  const customers = num('BENCH_SF_CUSTOMERS', 2000); const orders = num('BENCH_SF_ORDERS', 500);
  const concurrency = num('BENCH_SF_SINK_CONCURRENCY', 6);
  const { topics } = await import('@tributary/canonical-model');
  const { catalogue, sampleOrders, webhookFor } = await import('@tributary/simulator-clarity');
  const { clarityOrderWebhookSchema } = await import('@tributary/connectors-clarity');
  const { toCanonicalOrderEvent } = await import('@tributary/mapping-clarity');
  const sim = await startSalesforceSim();
  const env = serviceEnv();
  const tag = env.TOPIC_PREFIX.replace(/\W/g, '');
  let sink; let bus;
  try {
    // Every catalogue SKU as a Product2 with a standard price (the seeded org has five).
    const { standardPricebookId } = await sim.info();
    const known = new Set((await sim.records('Product2')).map((p) => p.ProductCode));
    for (const item of catalogue.filter((c) => !known.has(c.sku))) {
      const id = await sim.seedRecord('Product2', { Name: item.name, ProductCode: item.sku, IsActive: true });
      await sim.seedRecord('PricebookEntry', { Pricebook2Id: standardPricebookId, Product2Id: id, UnitPrice: Number(item.price), IsActive: true, UseStandardPrice: false });
    }
    bus = await benchBus(env);
    await bus.provision([topics.customer, topics.order]);
    const drainDeadline = () => Date.now() + num('BENCH_DRAIN_TIMEOUT_S', 600) * 1000;
    const sinkEnv = { SINK_CONCURRENCY: String(concurrency), ...(process.env.BENCH_SF_BATCH_MAX ? { SALESFORCE_BATCH_MAX: process.env.BENCH_SF_BATCH_MAX } : {}), ...(process.env.BENCH_SF_BATCH_LINGER_MS ? { SALESFORCE_BATCH_LINGER_MS: process.env.BENCH_SF_BATCH_LINGER_MS } : {}) };

    // Phase 1: customers, a backlog in Kafka before the sink starts.
    const customerEvents = Array.from({ length: customers }, (_, i) => benchCustomer(i, tag));
    await bus.send(topics.customer, customerEvents.map((e) => ({ key: e.customer.customerId, value: e })));
    const u0 = (await sim.apiUsage()).used;
    const t0 = Date.now();
    sink = await startSalesforceSink(env, sim, sinkEnv);
    const drained1 = await waitCaughtUp(bus, 'salesforce-sink', topics.customer.name, drainDeadline());
    const wall1 = (Date.now() - t0) / 1000;
    const u1 = (await sim.apiUsage()).used;

    // Phase 2: orders of those customers (realistic carts from the Clarity simulator), a backlog too:
    // produced while the sink is stopped, then drained by a fresh sink (its price book cache cold).
    const ids = new Set(customerEvents.map((e) => e.customer.customerId));
    const orderEvents = sampleOrders(orders, { seed: 23, startNumber: 9_000_000 }).map((payload, i) => {
      const mapped = toCanonicalOrderEvent(clarityOrderWebhookSchema.parse(webhookFor(payload)), { eventId: `bench-order-${tag}-${i}`, correlationId: `bench-order-${tag}-${i}`, receivedAt: Date.now() });
      if (!mapped.ok) throw new Error(`mapping failed: ${mapped.error.message}`);
      const owner = customerEvents[i % customers].customer;
      const order = { ...mapped.value.order, orderId: `${mapped.value.order.orderId}-${tag}`, customer: { ...mapped.value.order.customer, customerId: owner.customerId, email: owner.email, firstName: owner.firstName, lastName: owner.lastName, company: owner.company } };
      return { ...mapped.value, order };
    });
    await sink.stop();
    await bus.send(topics.order, orderEvents.map((e) => ({ key: e.order.orderId, value: e })));
    const t2 = Date.now();
    sink = await startSalesforceSink(env, sim, sinkEnv);
    const drained2 = await waitCaughtUp(bus, 'salesforce-sink', topics.order.name, drainDeadline());
    const wall2 = (Date.now() - t2) / 1000;
    const u2 = (await sim.apiUsage()).used;

    const EXT = 'Clarity_Customer_Id__c';
    const accounts = (await sim.records('Account')).filter((a) => ids.has(a[EXT]));
    const contacts = (await sim.records('Contact')).filter((c) => ids.has(c[EXT]));
    const orderIds = new Set(orderEvents.map((e) => e.order.orderId));
    const sfOrders = (await sim.records('Order')).filter((o) => orderIds.has(o.Clarity_Order_Id__c));
    const sfOrderIds = new Set(sfOrders.map((o) => o.Id));
    const items = (await sim.records('OrderItem')).filter((it) => sfOrderIds.has(it.OrderId));
    const created = (records) => records.map((r) => Date.parse(r.CreatedDate)).sort((a, b) => a - b);
    const b2b = customerEvents.filter((e) => e.customer.kind === 'b2b').length;
    const expectedLines = orderEvents.reduce((s, e) => s + e.order.lines.length, 0);
    const customerCalls = u1 - u0; const orderCalls = u2 - u1;
    const customerRecords = accounts.length + contacts.length;
    const result = {
      customers: {
        sent: customers, b2b, accounts: accounts.length, distinctAccounts: new Set(accounts.map((a) => a[EXT])).size, contacts: contacts.length, expectedContacts: b2b,
        lost: customers - new Set(accounts.map((a) => a[EXT])).size + (b2b - new Set(contacts.map((c) => c[EXT])).size), drained: drained1, wallSeconds: round(wall1, 1),
        perSecond: steadyRate(created(accounts)),
        apiCalls: customerCalls, recordsPerCall: customerCalls ? customerRecords / customerCalls : NaN, callsPer1000: (customerCalls * 1000) / customers,
      },
      orders: {
        sent: orders, orders: sfOrders.length, distinctOrders: new Set(sfOrders.map((o) => o.Clarity_Order_Id__c)).size, items: items.length, expectedItems: expectedLines,
        lost: orders - new Set(sfOrders.map((o) => o.Clarity_Order_Id__c)).size, drained: drained2, wallSeconds: round(wall2, 1),
        perSecond: steadyRate(created(sfOrders)), apiCalls: orderCalls, callsPerOrder: orders ? orderCalls / orders : NaN, recordsPerCall: orderCalls ? (sfOrders.length + items.length) / orderCalls : NaN,
      },
    };
    const c = result.customers; const o = result.orders;
    table(`Salesforce: commerce.customer.v1 and commerce.order.v1 → salesforce-sink → Salesforce simulator (backlogs; SINK_CONCURRENCY ${concurrency})`, [
      { flow: `${customers} customers (${b2b} B2B: Account + Contact; ${customers - b2b} B2C: Person Account)`, written: `${c.accounts} Accounts, ${c.contacts} Contacts`, lost: `${c.lost}`, duplicates: c.accounts - c.distinctAccounts, 'per second': round(c.perSecond, 1), 'API calls': c.apiCalls, 'records/call': round(c.recordsPerCall, 1), 'calls each': round(c.callsPer1000 / 1000, 3), 'calls per 1,000': round(c.callsPer1000, 0), 'wall s': c.wallSeconds },
      { flow: `${orders} orders (${round(expectedLines / orders, 2)} lines each)`, written: `${o.orders} Orders, ${o.items} OrderItems`, lost: `${o.lost} orders, ${o.expectedItems - o.items} items`, duplicates: o.orders - o.distinctOrders, 'per second': round(o.perSecond, 1), 'API calls': o.apiCalls, 'records/call': round(o.recordsPerCall, 1), 'calls each': round(o.callsPerOrder, 3), 'calls per 1,000': round(o.callsPerOrder * 1000, 0), 'wall s': o.wallSeconds },
    ]);
    writeResult('salesforce', { sinkConcurrency: concurrency, ...result });
    return result;
  } finally { await sink?.stop(); await bus?.close(); await sim.stop(); }
};
