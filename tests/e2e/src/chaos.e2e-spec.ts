import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { KafkaMessage } from 'kafkajs';
import { DeadLetterHeader, PARKED_CODE, readTopicToEnd } from '@tributary/kafka-runtime';
import { ClarityWebhookSender, sampleOrders, webhookFor, type SendResult } from '@tributary/simulator-clarity';
import { sleep, waitFor } from '@tributary/testing';
import { E2eStack, MAPPING_FILE, WEBHOOK_SECRET } from './e2e-stack.js';
import { assertIntacctHasNoDuplicates } from './order-expectations.js';
import { PrivateBroker } from './private-broker.js';

const root = join(fileURLToPath(import.meta.url), '../../../..');
const sinkMain = join(root, 'apps/intacct-sink/dist/main.js');
const cli = join(root, 'apps/tributary-cli/dist/main.js');
const run = promisify(execFile);

/** Short in `make test`; `make chaos` runs the full size (CHAOS_ORDERS=2000 CHAOS_KILLS=5). */
const ORDERS = Number(process.env['CHAOS_ORDERS'] ?? 40);
/** SIGKILLs of the sink. */
const KILLS = Number(process.env['CHAOS_KILLS'] ?? 3);
/** SIGKILLs (and restarts) of the broker. */
const BROKER_KILLS = Number(process.env['CHAOS_BROKER_KILLS'] ?? 3);
/** The private broker's port (its controller listens on the next one); a free pair at random when unset. */
const BROKER_PORT = process.env['CHAOS_KAFKA_PORT'] ? Number(process.env['CHAOS_KAFKA_PORT']) : undefined;
/** The webhooks are spread over this long, so that the kills land while orders flow. */
const SEND_MS = Number(process.env['CHAOS_SEND_MS'] ?? Math.max(25_000, ORDERS * 30));
/** Orders that fail for good on purpose, of each kind (an unknown SKU, an item retired in Intacct). */
const PERMANENT_PER_KIND = Math.max(2, Math.round(ORDERS / 100));

const UNMAPPED_SKU = 'TRB-MUG-12OZ-GIFT';
const RETIRED_SKU = 'TRB-LEGACY-BUNDLE';
const GROUP = 'intacct-sink';

type Finding = { kind: string; record: string; orderId?: string; reference: string };
type Report = { orders: number; matched: number; counts: Record<string, number>; sections: Record<string, { expected: number; matched: number }>; findings: Finding[] };
type OpenEntry = { key: string; code: string; stage: string; originalTopic: string; originalOffset: string; attempts: string; at: string; message: string };

const log = (line: string) => process.stderr.write(`# chaos ${new Date().toISOString().slice(11, 19)} ${line}\n`);

describe(`chaos: ${ORDERS} orders, the broker SIGKILLed and restarted ${BROKER_KILLS} times, the sink SIGKILLed ${KILLS} times, Intacct failing 10% 5xx, 5% throttling, 5% time-outs (half after committing)`, () => {
  let broker: PrivateBroker | undefined;
  let stack: E2eStack | undefined;
  let sink: ChildProcess | undefined;
  let env: Record<string, string>;
  let brokenMapping: string;
  let fixedMapping: string;
  let dir: string | undefined;
  let sinkLog: string;
  let stopping = false;
  let passed = false;
  let sinkStarts = 0;
  const unexpectedSinkExits: string[] = [];

  before(async () => {
    const started = Date.now();
    broker = BROKER_PORT === undefined ? await PrivateBroker.onFreePorts() : new PrivateBroker(BROKER_PORT);
    await broker.start();
    log(`private broker up on ${broker.brokers} in ${Date.now() - started} ms (log ${broker.log})`);
    stack = await E2eStack.start({
      withSink: false,
      simulator: { seed: 2026, maxConcurrent: 4, timeoutHangMs: 5_000 },
      sinkEnv: { KAFKA_BROKERS: broker.brokers },
    });
    dir = mkdtempSync(join(tmpdir(), 'chaos-'));
    sinkLog = join(dir, 'intacct-sink.log');
    // The anomaly review keeps its history in memory, which each kill wipes: it is not under test here.
    const shipped = readFileSync(MAPPING_FILE, 'utf8').replace('anomaly: { enabled: true', 'anomaly: { enabled: false');
    brokenMapping = join(dir, 'mapping.yaml');
    writeFileSync(brokenMapping, shipped);
    // The fixes a person makes after reading the DLQ: an alias for the SKU the store started to
    // send, and the retired bundle's successor item.
    fixedMapping = join(dir, 'fixed.yaml');
    const fixed = shipped
      .replace('  aliases:\n', `  aliases:\n    ${UNMAPPED_SKU}: TRB-MUG-12OZ\n`)
      .replace(/^ {4}TRB-LEGACY-BUNDLE: LEGACY-BUNDLE.*$/m, '    TRB-LEGACY-BUNDLE: GIFTBOX-TASTER');
    assert.notEqual(fixed, shipped);
    assert.match(fixed, /TRB-LEGACY-BUNDLE: GIFTBOX-TASTER/);
    writeFileSync(fixedMapping, fixed);
    env = { ...stack.env, MAPPING_FILE: brokenMapping, SINK_CONCURRENCY: '4', SINK_SESSION_TIMEOUT_MS: '10000', LOG_LEVEL: process.env['CHAOS_SINK_LOG_LEVEL'] ?? 'warn', OPS_PORT: '0', INTACCT_TIMEOUT_MS: '1500' };
    // As in the issue: 10% 5xx, 5% throttling, 5% time-outs of which half committed the document first.
    stack.intacct.setFaults({ rates: { http5xx: 0.1, throttle: 0.05, timeout: 0.025, commitThenFail: 0.025 }, commitThenFailMode: 'hang' });
    // The sink runs (its consumer group is formed) before the first order arrives.
    startSink();
    await waitFor(() => sinkGroupStable(), { what: 'the sink in its consumer group', timeoutMs: 60_000, intervalMs: 250 });
    log(`ready in ${Date.now() - started} ms`);
  });

  after(async () => {
    stopping = true;
    sink?.kill('SIGKILL');
    await stack?.stop().catch((error: unknown) => log(`stack stop: ${String(error)}`));
    if (process.env['CHAOS_KEEP_BROKER'] !== '1') await broker?.remove({ keepLog: !passed }).catch((error: unknown) => log(`private broker: ${String(error)}`));
    if (passed && dir) rmSync(dir, { recursive: true, force: true }); // on a failure the sink's log stays for reading
    else if (dir) log(`kept for reading: the sink's log ${sinkLog}${broker ? ` and the broker's ${broker.log}` : ''}`);
  });

  /** Starts the sink as its own process, as it runs in production; a crash it did not get from us is restarted, as Kubernetes would. */
  const startSink = () => {
    const out = openSync(sinkLog, 'a');
    const child = spawn(process.execPath, [sinkMain], { env: { ...process.env, ...env }, stdio: ['ignore', out, out] });
    closeSync(out);
    sinkStarts += 1;
    child.once('exit', (code, signal) => {
      if (sink !== child || stopping || signal === 'SIGKILL') return;
      unexpectedSinkExits.push(`${code ?? signal}`);
      log(`the sink exited by itself (${code ?? signal}); restarting it`);
      startSink();
    });
    sink = child;
  };

  const killSink = async () => {
    const child = sink;
    if (!child || child.exitCode !== null || child.signalCode !== null) return startSink();
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
    startSink();
  };

  /** A graceful restart (SIGTERM: the consumer leaves its group at once), as a rollout of a config change does. */
  const restartSink = async () => {
    const child = sink;
    if (!child || child.exitCode !== null || child.signalCode !== null) return startSink();
    const exited = new Promise((resolve) => child.once('exit', resolve));
    sink = undefined;
    child.kill('SIGTERM');
    const forced = setTimeout(() => child.kill('SIGKILL'), 20_000);
    await exited;
    clearTimeout(forced);
    startSink();
  };

  /** The sink's consumer group has a member and no rebalance in progress. */
  const sinkGroupStable = async (): Promise<boolean> => {
    const admin = stack!.kafka.admin();
    await admin.connect();
    try {
      const { groups } = await admin.describeGroups([stack!.topic(GROUP)]); // the group carries the topic prefix
      return groups[0]?.state === 'Stable' && groups[0].members.length > 0;
    } finally {
      await admin.disconnect();
    }
  };

  const cliEnv = () => ({ ...process.env, ...env });

  const reconcile = async (): Promise<Report> => {
    try {
      const { stdout } = await run(process.execPath, [cli, 'reconcile', 'intacct', '--from', '2000-01-01', '--json'], { env: cliEnv(), maxBuffer: 64 * 1024 * 1024 });
      return JSON.parse(stdout) as Report;
    } catch (error) {
      const failed = error as { code?: number; stdout?: string; stderr?: string };
      if (failed.code !== 1) throw new Error(`reconcile failed: ${failed.stderr}`);
      return JSON.parse(failed.stdout ?? '{}') as Report;
    }
  };

  const openDeadLetters = async (): Promise<OpenEntry[]> => {
    const { stdout } = await run(process.execPath, [cli, 'dlq', 'list', '--group', GROUP, '--json'], { env: cliEnv(), maxBuffer: 64 * 1024 * 1024 });
    return (JSON.parse(stdout) as { entries: OpenEntry[] }).entries;
  };

  const replay = async (...selection: string[]): Promise<string> => {
    const { stdout } = await run(process.execPath, [cli, 'dlq', 'replay', '--group', GROUP, ...selection], { env: cliEnv(), maxBuffer: 64 * 1024 * 1024 });
    return stdout;
  };

  it('loses nothing, duplicates nothing, dead-letters exactly the permanent failures with their headers, and a DLQ replay drains them without duplicates', async () => {
    const s = stack!;
    const b = broker!;
    const t0 = Date.now();
    const orders = sampleOrders(ORDERS, { seed: 99, startNumber: 900_000 });
    // Permanent failures, spread over the run: every other one an unknown SKU (dead-lettered by the
    // mapping) and an item Intacct has retired (dead-lettered when Intacct refuses it).
    const permanent = new Map<string, 'unmapped' | 'retired'>();
    for (let i = 0; i < 2 * PERMANENT_PER_KIND; i++) {
      const order = orders[Math.floor(((i + 0.5) * ORDERS) / (2 * PERMANENT_PER_KIND))]!;
      const kind = i % 2 === 0 ? 'unmapped' : 'retired';
      order.lineItems[0]!.sku = kind === 'unmapped' ? UNMAPPED_SKU : RETIRED_SKU;
      permanent.set(order.orderId, kind);
    }
    const good = orders.filter((o) => !permanent.has(o.orderId));
    const referenceOf = new Map(orders.map((o) => [o.orderNumber ?? o.orderId, o.orderId]));
    // The simulator runs in this process: a probe copies its documents once (never once per order),
    // or the probes starve the simulator and its replies time out.
    const documentedOrders = () => new Set(s.intacct.documents().map((d) => referenceOf.get(d.referenceNo)).filter((id) => id !== undefined));

    const progress = process.env['CHAOS_PROGRESS'] === '1' ? setInterval(() => log(`progress: ${accepted} accepted, ${documentedOrders().size} orders in Intacct`), 2000) : undefined;

    // The webhooks, spread over SEND_MS; the ingress answers 503 while the broker is down and the
    // sender (as Clarity does) retries with back-off until it gets a 2xx.
    const sender = new ClarityWebhookSender({ url: s.webhookUrl, secrets: [WEBHOOK_SECRET], maxAttempts: 30, backoffMs: 200, timeoutMs: 10_000 });
    const results: SendResult[] = new Array(orders.length);
    let accepted = 0;
    let next = 0;
    const sending = Promise.all(Array.from({ length: 8 }, async () => {
      while (next < orders.length) {
        const index = next++;
        const due = t0 + Math.floor((index * SEND_MS) / orders.length);
        if (due > Date.now()) await sleep(due - Date.now());
        results[index] = await sender.send(webhookFor(orders[index]!));
        if (results[index]!.status === 202) accepted += 1;
      }
    }));

    // The broker: SIGKILLed at random points of the flow (by webhooks accepted, once orders reach
    // Intacct again after the previous restart), down for a moment, started again on the same port and data.
    const brokerChaos = (async () => {
      let documentedAtRestart = 0;
      for (let kill = 1; kill <= BROKER_KILLS; kill++) {
        const target = Math.floor((kill * ORDERS) / (BROKER_KILLS + 1));
        await waitFor(() => accepted >= target && documentedOrders().size >= Math.min(documentedAtRestart + 2, good.length), { what: `${target} webhooks accepted and the pipeline flowing before broker kill ${kill}`, timeoutMs: SEND_MS + Math.max(120_000, ORDERS * 150), intervalMs: 50 });
        await sleep(Math.floor(Math.random() * 400));
        const killedAt = Date.now();
        await b.kill();
        log(`broker kill ${kill}: ${accepted} webhooks accepted, ${documentedOrders().size} orders in Intacct`);
        await sleep(200 + Math.floor(Math.random() * 1000));
        await b.restart(killedAt);
        documentedAtRestart = documentedOrders().size;
        log(`broker back after ${Date.now() - killedAt} ms`);
      }
    })();

    // The sink: SIGKILLed at random points (by orders in Intacct), while Intacct keeps failing.
    const sinkChaos = (async () => {
      for (let kill = 1; kill <= KILLS; kill++) {
        const target = Math.floor((kill * good.length) / (KILLS + 1));
        await waitFor(() => documentedOrders().size >= target, { what: `${target} orders in Intacct before sink kill ${kill}`, timeoutMs: Math.max(120_000, SEND_MS + ORDERS * 150), intervalMs: 100 });
        await sleep(Math.floor(Math.random() * 300));
        await killSink();
        log(`sink kill ${kill}: ${documentedOrders().size} orders in Intacct`);
      }
    })();

    await Promise.all([sending, brokerChaos, sinkChaos]);
    const refused = results.filter((r) => r.status !== 202);
    assert.equal(refused.length, 0, `every webhook acknowledged in the end: ${JSON.stringify(refused.slice(0, 3))}`);
    const retriedWebhooks = results.filter((r) => r.attempts > 1).length;
    log(`all ${ORDERS} webhooks accepted after ${Date.now() - t0} ms (${retriedWebhooks} needed more than one attempt, at most ${Math.max(...results.map((r) => r.attempts))})`);

    await waitFor(() => { const documented = documentedOrders(); return good.every((o) => documented.has(o.orderId)); }, { what: 'every good order in Intacct', timeoutMs: Math.max(120_000, ORDERS * 200), intervalMs: 200 });
    clearInterval(progress);
    log(`every good order in Intacct after ${Date.now() - t0} ms`);

    // The reconciliation (below) runs while the DLQ is checked; Intacct answers it without faults.
    s.intacct.clearFaults();
    const reconciling = sleep(1500).then(() => reconcile()); // the pause lets a retry in flight settle before judging
    reconciling.catch(() => undefined);

    // Every permanent failure is in the DLQ, and nothing else.
    const open = await waitFor(async () => {
      const entries = await openDeadLetters();
      return [...permanent.keys()].every((key) => entries.some((e) => e.key === key)) ? entries : undefined;
    }, { what: 'every permanent failure in the DLQ', timeoutMs: 60_000, intervalMs: 1000 });
    assert.deepEqual([...new Set(open.map((e) => e.key))].sort(), [...permanent.keys()].sort(), 'the open dead letters are exactly the permanent failures');
    const orderTopic = s.topic('commerce.order.v1');
    for (const [key, kind] of permanent) {
      // A key's first entry is its failure; a copy of the order that came after it (a webhook
      // delivered twice across a broker outage) is parked behind it, not tried.
      const [first, ...behind] = open.filter((e) => e.key === key);
      assert.deepEqual([first?.code, first?.stage], kind === 'unmapped' ? ['MAPPING.UNMAPPED_SKU', 'map'] : ['INTACCT.BUSINESS_ERROR', 'deliver'], `why ${key} was dead-lettered`);
      for (const entry of behind) assert.ok(entry.code === PARKED_CODE || entry.code === first?.code, `${key}: ${entry.code}`);
      for (const entry of [first!, ...behind]) {
        assert.equal(entry.originalTopic, orderTopic);
        assert.ok(entry.originalOffset && entry.attempts && entry.at && entry.message, `${key}: the DLQ entry names its offset, attempts, time and error`);
      }
    }
    // Every header, read straight from the DLQ topic.
    const dead: KafkaMessage[] = [];
    await readTopicToEnd(s.kafka, s.topic(`dlq.${GROUP}.v1`), (message) => dead.push(message));
    const header = (message: KafkaMessage, name: string) => message.headers?.[name]?.toString();
    for (const key of permanent.keys()) {
      const message = dead.find((m) => m.key?.toString() === key && header(m, DeadLetterHeader.errorCode) !== PARKED_CODE);
      assert.ok(message, `the DLQ record of ${key}`);
      assert.equal(header(message, DeadLetterHeader.transient), 'false', `${key} is a permanent failure`);
      assert.equal(header(message, DeadLetterHeader.consumerGroup), GROUP);
      assert.equal(header(message, DeadLetterHeader.originalTopic), orderTopic);
      assert.ok(header(message, DeadLetterHeader.originalPartition) !== undefined && header(message, DeadLetterHeader.originalOffset) !== undefined);
      assert.ok(header(message, DeadLetterHeader.firstFailureAt) && header(message, DeadLetterHeader.lastFailureAt) && header(message, DeadLetterHeader.attempts));
      assert.ok(header(message, DeadLetterHeader.errorMessage));
      assert.ok(header(message, 'correlation-id'), `${key} keeps its correlation id`);
      assert.equal(header(message, 'event-type'), 'order.created');
      if (permanent.get(key) === 'unmapped') assert.equal((JSON.parse(header(message, DeadLetterHeader.errorDetails) ?? '{}') as { sku?: string }).sku, UNMAPPED_SKU);
      else assert.match(header(message, DeadLetterHeader.errorMessage) ?? '', /BL01001973|LEGACY-BUNDLE/);
    }
    log(`${open.length} open dead letters for ${permanent.size} permanent failures (${dead.length} records on the DLQ topic)`);

    // The reconciliation: the good orders each have their one document; only the dead-lettered ones are missing.
    const before = await reconciling;
    assert.deepEqual({ ...before.counts, missing: undefined }, { missing: undefined, duplicate: 0, mismatched: 0, orphan: 0 }, JSON.stringify(before.findings.filter((f) => f.kind !== 'missing').slice(0, 5)));
    assert.deepEqual(before.findings.filter((f) => f.kind === 'missing').map((f) => `${f.record} ${f.orderId}`).sort(), [...permanent.keys()].map((id) => `order ${id}`).sort(), 'missing: the dead-lettered orders, nothing else');
    assert.equal(before.sections['order']?.matched, good.length, 'every good order has its one document, with its total, currency and lines');
    assertIntacctHasNoDuplicates(s.intacct);

    // The fix, then the replay (one key on its own, then the rest), with Intacct failing again.
    s.intacct.setFaults({ rates: { http5xx: 0.1, throttle: 0.05, timeout: 0.025, commitThenFail: 0.025 }, commitThenFailMode: 'hang' });
    env['MAPPING_FILE'] = fixedMapping;
    await restartSink();
    const [firstKey] = permanent.keys();
    assert.match(await replay('--key', firstKey!), /replayed \d+ message/);
    assert.match(await replay('--all'), /replayed \d+ message/);
    await waitFor(() => { const documented = documentedOrders(); return orders.every((o) => documented.has(o.orderId)); }, { what: 'every order in Intacct after the replay', timeoutMs: 120_000, intervalMs: 500 });
    const drained = await waitFor(async () => ((await openDeadLetters()).length === 0 ? true : undefined), { what: 'the DLQ drained to 0 open', timeoutMs: 30_000, intervalMs: 1000 });
    assert.ok(drained);

    s.intacct.clearFaults();
    await sleep(1500);
    const report = await reconcile();
    assert.deepEqual(report.counts, { missing: 0, duplicate: 0, mismatched: 0, orphan: 0 });
    assert.equal(report.sections['order']?.matched, ORDERS, 'every order has its one document, with its total, currency and lines');
    assert.equal(report.sections['payment']?.matched, report.sections['payment']?.expected, 'every invoice paid at checkout has its one cash receipt');
    assertIntacctHasNoDuplicates(s.intacct);

    const byStatus = s.intacct.stats().byStatus;
    assert.ok((byStatus['503'] ?? 0) > 0 && (byStatus['429'] ?? 0) > 0 && (byStatus['no-response'] ?? 0) > 0, `faults were injected: ${JSON.stringify(byStatus)}`);
    assert.equal(b.kills, BROKER_KILLS);
    log(`done in ${Date.now() - t0} ms: broker killed ${b.kills}× (back in ${b.restartMs.join(', ')} ms), sink SIGKILLed ${KILLS}× + 1 graceful restart for the fix (${sinkStarts} starts, ${unexpectedSinkExits.length} exits by itself: ${unexpectedSinkExits.join(', ') || 'none'}), Intacct answers ${JSON.stringify(byStatus)}, ${permanent.size} permanent failures dead-lettered and replayed`);
    passed = true;
  });
});
