// The `make bench` scenarios. Each prints one table and writes bench/results/<name>.json.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { cannon, orderBodies, sendAtRate } from './load.mjs';
import { num, procStats, round, root, serviceEnv, sleep, startIngress, startSimulator, startSink, stats, table, writeResult } from './lib.mjs';

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
