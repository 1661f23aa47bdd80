import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sampleOrders, webhookFor } from '@tributary/simulator-clarity';
import { sleep, waitFor } from '@tributary/testing';
import { E2eStack, MAPPING_FILE } from './e2e-stack.js';
import { assertIntacctHasNoDuplicates } from './order-expectations.js';

const root = join(fileURLToPath(import.meta.url), '../../../..');
const sinkMain = join(root, 'apps/intacct-sink/dist/main.js');
const ORDERS = Number(process.env['SCALE_OUT_ORDERS'] ?? 40);

/**
 * Two intacct-sink replicas (two processes, as two pods) in one consumer group, each allowed one
 * concurrent Intacct request (the chart divides the company's budget of 2 by the replicas). One is
 * SIGKILLed mid-run: its partitions go to the other, every order ends as exactly one document,
 * and the gateway never sees more than 2 requests at once (no GW-0010).
 */
describe(`scale-out: ${ORDERS} orders over two intacct-sink replicas, one SIGKILLed mid-run`, () => {
  let stack: E2eStack;
  let env: Record<string, string>;
  const sinks: ChildProcess[] = [];

  before(async () => {
    stack = await E2eStack.start({ withSink: false, simulator: { seed: 7, maxConcurrent: 2 } });
    // The anomaly review keeps its history per process: not under test here.
    const dir = mkdtempSync(join(tmpdir(), 'scale-out-'));
    const mapping = join(dir, 'mapping.yaml');
    writeFileSync(mapping, readFileSync(MAPPING_FILE, 'utf8').replace('anomaly: { enabled: true', 'anomaly: { enabled: false'));
    env = { ...stack.env, MAPPING_FILE: mapping, LOG_LEVEL: 'silent', OPS_PORT: '0', INTACCT_MAX_CONCURRENT_REQUESTS: '1', SINK_CONCURRENCY: '3' };
  });
  after(async () => {
    for (const sink of sinks) sink.kill('SIGKILL');
    await stack.stop();
  });

  const stderr = new Map<ChildProcess, string>();
  const startSink = () => {
    const sink = spawn(process.execPath, [sinkMain], { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
    stderr.set(sink, '');
    sink.stderr?.on('data', (chunk: Buffer) => stderr.set(sink, (stderr.get(sink)! + chunk.toString()).slice(-2000)));
    sinks.push(sink);
    return sink;
  };
  /** Waits for `count` stable members; a replica that died on the way fails the test with its last words. */
  const joined = (count: number, replicas: ChildProcess[]) => waitFor(async () => {
    for (const r of replicas) if (r.exitCode !== null) throw new Error(`a replica exited with ${r.exitCode}: ${stderr.get(r)}`);
    return (await members()) === count;
  }, { what: `${count} replica(s) in the consumer group`, timeoutMs: 120_000, intervalMs: 500 });

  const members = async (): Promise<number> => {
    const admin = stack.kafka.admin();
    await admin.connect();
    try {
      const { groups } = await admin.describeGroups([`${env['TOPIC_PREFIX']}intacct-sink`]);
      return groups[0]?.state === 'Stable' ? groups[0].members.length : 0;
    } finally {
      await admin.disconnect();
    }
  };

  it('shares the partitions, hands the killed replica\'s partitions over, creates each document once and stays within the cap', async () => {
    // One after the other, as a rollout does (two cold starts at once only slow each other down).
    const first = startSink();
    await joined(1, [first]);
    const second = startSink();
    await joined(2, [first, second]);

    const orders = sampleOrders(ORDERS, { seed: 4242, startNumber: 424_000 });
    const results = await stack.sender({ maxAttempts: 8 }).sendMany(orders.map((o) => webhookFor(o)), { concurrency: 8 });
    assert.equal(results.filter((r) => r.status !== 202).length, 0, 'every webhook acknowledged');

    await waitFor(() => stack.intacct.documents().length >= Math.floor(ORDERS / 4), { what: 'a quarter of the documents before the kill', timeoutMs: 90_000, intervalMs: 200 });
    first.kill('SIGKILL');
    await new Promise((resolve) => first.once('exit', resolve));

    await waitFor(() => new Set(stack.intacct.documents().map((d) => d.referenceNo)).size >= ORDERS, { what: 'every order in Intacct', timeoutMs: 180_000, intervalMs: 500 });
    await sleep(1500); // a retry in flight would show up as a duplicate now
    assert.equal(second.exitCode, null, 'the surviving replica is still running');
    assert.equal(stack.intacct.documents().length, ORDERS, 'one document per order');
    assertIntacctHasNoDuplicates(stack.intacct);
    const stats = stack.intacct.stats();
    assert.ok(stats.maxConcurrentSeen <= 2, `at most 2 requests in flight at the gateway, saw ${stats.maxConcurrentSeen}`);
    assert.equal(stats.byStatus['429'] ?? 0, 0, 'no GW-0010 (429) from the gateway');
  });
});
