// `make bench`: runs the scenarios against the local stack (Kafka + registry must be up; run.sh sees to it).
//   BENCH_ONLY=ingress,e2e,sink,sage100,salesforce,codec,projector,peer   (default: all)
//   BENCH_INGRESS_SECONDS=15  BENCH_E2E_RATE=200  BENCH_E2E_SECONDS=60  BENCH_SINK_ORDERS=600
//   BENCH_CUSTOMER_FROM=fixed (as the peer: one web-sales customer; `order` = find or create each customer)
//   BENCH_SINK_N=2  BENCH_SINK_L_MS=50  BENCH_SINK_CONCURRENCIES=2,6  BENCH_PEER_SECONDS=15
//   BENCH_SAGE100_MAX_CONCURRENT=4  BENCH_SAGE100_L_MS=10  BENCH_SAGE100_SINK_CONCURRENCY=4  BENCH_SAGE100_ORDERS=600  BENCH_SAGE100_RATE=15  BENCH_SAGE100_SECONDS=30
//   BENCH_SF_CUSTOMERS=2000  BENCH_SF_ORDERS=500  BENCH_SF_SINK_CONCURRENCY=6  (BENCH_SF_BATCH_MAX, BENCH_SF_BATCH_LINGER_MS)
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { resultsDir, writeResult, machine, num, procStats, round, startSimulator, table } from './lib.mjs';
import { cannon, orderBodies } from './load.mjs';
import { codecScenario, e2eScenario, endToEnd, ingressScenario, projectorScenario, rssSampler, sage100Scenario, salesforceScenario, sinkScenario } from './scenarios.mjs';
import { startNodeRed } from './peer-node-red.mjs';

const only = new Set(String(process.env.BENCH_ONLY ?? 'codec,ingress,e2e,sink,sage100,salesforce,projector,peer').split(',').map((s) => s.trim()));
const m = machine();
console.log(`Tributary bench — ${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB, ${m.os}, Node ${m.node}; ${m.kafka}; ${m.date}`);

const results = {};
const run = async (name, fn) => {
  if (!only.has(name)) return;
  const t0 = Date.now();
  try { results[name] = await fn(); } catch (error) { console.error(`\n!! scenario ${name} failed: ${error.stack ?? error}`); results[name] = { failed: String(error) }; process.exitCode = 1; }
  console.log(`(${name}: ${Math.round((Date.now() - t0) / 1000)} s)`);
};

await run('codec', codecScenario);
await run('ingress', ingressScenario);
await run('e2e', e2eScenario);
await run('sink', sinkScenario);
await run('sage100', sage100Scenario);
await run('salesforce', salesforceScenario);
await run('projector', projectorScenario);

/** The peer on the same machine, the same simulator settings, the same load; reported as a ratio to ours. */
await run('peer', async () => {
  const seconds = num('BENCH_PEER_SECONDS', num('BENCH_INGRESS_SECONDS', 15));
  const rate = num('BENCH_E2E_RATE', 200); const e2eSeconds = num('BENCH_PEER_E2E_SECONDS', Math.min(30, num('BENCH_E2E_SECONDS', 60)));
  const sim = await startSimulator({ maxConcurrent: num('BENCH_SIM_MAX_CONCURRENT', 2) });
  const red = await startNodeRed(sim);
  try {
    const pool = orderBodies(2000, 6_000_000);
    await cannon({ url: red.url, pool, seconds: 3, connections: 20 });
    const before = (await sim.documents()).length;
    const max = await cannon({ url: red.url, pool: orderBodies(20000, 6_100_000), seconds, connections: 50 });
    const stored = (await sim.documents()).length - before;
    const cpu0 = procStats(red.pid).cpuS;
    const sampler = rssSampler([red]);
    const e2e = await endToEnd({ url: red.url, sim, rate, seconds: e2eSeconds, startNumber: 6_500_000, drainTimeoutMs: 30_000 });
    const rss = sampler.stop()['node-red'];
    const cpu = round(((procStats(red.pid).cpuS - cpu0) / e2eSeconds) * 100, 0);
    // Ours from this run, else from the last results on disk (BENCH_ONLY=peer after a full run).
    const saved = (name) => { try { return JSON.parse(readFileSync(join(resultsDir, `${name}.json`), 'utf8')); } catch { return undefined; } };
    const ours = { ingress: results.ingress?.[0] ?? saved('ingress')?.runs?.[0], e2e: results.e2e ?? saved('e2e') };
    const shown = (v) => (Number.isFinite(v) ? round(v, 1) : 'n/a (run with ingress,e2e)');
    const ratio = (a, b) => (Number.isFinite(a) && Number.isFinite(b) && b !== 0 ? round(a / b, 2) : 'n/a');
    // ratio = ours ÷ peer for a rate (> 1: we are faster), peer ÷ ours for a latency (> 1: we are faster).
    const row = (what, oursValue, peerValue, better) => ({ metric: what, Tributary: shown(oursValue), [`Node-RED ${red.version}`]: shown(peerValue), 'ratio (>1 = Tributary better)': better === 'higher' ? ratio(oursValue, peerValue) : ratio(peerValue, oursValue) });
    const rows = [
      row('webhooks accepted/s at max rate (ours: Kafka-acked; peer: ERP-acked)', ours.ingress?.perSecond, max.perSecond, 'higher'),
      row('p99 ms at max rate', ours.ingress?.latency.p99, max.latency.p99, 'lower'),
      row(`end to end p50 ms at ${rate}/s`, ours.e2e?.latencyMs?.p50, e2e.latencyMs.p50, 'lower'),
      row(`end to end p99 ms at ${rate}/s`, ours.e2e?.latencyMs?.p99, e2e.latencyMs.p99, 'lower'),
      row(`orders lost at ${rate}/s (refused or never stored)`, (ours.e2e?.sent ?? 0) - (ours.e2e?.documents ?? 0), e2e.sent - e2e.documents, 'info'),
    ].map((r) => (r.metric.startsWith('orders lost') ? { ...r, 'ratio (>1 = Tributary better)': '' } : r));
    table('Side by side on the same machine: Tributary vs Node-RED (same flow, same Intacct simulator with 2 concurrent requests)', rows);
    table(`Node-RED detail`, [{ 'max-rate requests': max.requests, '2xx': max.accepted, 'non-2xx': max.non2xx, 'documents stored during max rate': stored, [`${rate}/s sent`]: e2e.sent, [`${rate}/s 2xx`]: e2e.accepted, [`${rate}/s documents`]: e2e.documents, 'steady RSS MB': rss.steadyMb, 'peak RSS MB': rss.peakMb, 'CPU % of a core': cpu }]);
    writeResult('peer-node-red', { version: red.version, simulatorMaxConcurrent: num('BENCH_SIM_MAX_CONCURRENT', 2), maxRate: { ...max, documentsStored: stored }, e2e, rss, cpuPercentOfCore: cpu, comparison: rows });
    return { max, e2e };
  } finally { await red.stop(); await sim.stop(); }
});

writeResult('summary', { scenarios: Object.keys(results) });
console.log('\nresults written to bench/results/*.json');
process.exit();
