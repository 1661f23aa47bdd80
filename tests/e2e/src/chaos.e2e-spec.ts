import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { sampleOrders, webhookFor } from '@tributary/simulator-clarity';
import { sleep, waitFor } from '@tributary/testing';
import { E2eStack, MAPPING_FILE } from './e2e-stack.js';
import { assertIntacctHasNoDuplicates } from './order-expectations.js';

const root = join(fileURLToPath(import.meta.url), '../../../..');
const sinkMain = join(root, 'apps/intacct-sink/dist/main.js');
const cli = join(root, 'apps/tributary-cli/dist/main.js');
const run = promisify(execFile);

/** Short in `make test`; `make chaos` runs the full size (CHAOS_ORDERS=2000 CHAOS_KILLS=5). */
const ORDERS = Number(process.env['CHAOS_ORDERS'] ?? 40);
const KILLS = Number(process.env['CHAOS_KILLS'] ?? 3);

type Report = { orders: number; matched: number; counts: Record<string, number>; sections: Record<string, { expected: number; matched: number }> };

describe(`chaos: ${ORDERS} orders, the sink SIGKILLed ${KILLS} times, Intacct failing 10% 5xx, 5% throttling, 5% commit-then-time-out`, () => {
  let stack: E2eStack;
  let sink: ChildProcess | undefined;
  let env: Record<string, string>;

  before(async () => {
    stack = await E2eStack.start({ withSink: false, simulator: { seed: 2026, maxConcurrent: 4 } });
    // The anomaly review keeps its history in memory, which each kill wipes: it is not under test here.
    const dir = mkdtempSync(join(tmpdir(), 'chaos-'));
    const mapping = join(dir, 'mapping.yaml');
    writeFileSync(mapping, readFileSync(MAPPING_FILE, 'utf8').replace('anomaly: { enabled: true', 'anomaly: { enabled: false'));
    env = { ...stack.env, MAPPING_FILE: mapping, LOG_LEVEL: 'silent', OPS_PORT: '0', INTACCT_TIMEOUT_MS: '1500' };
    stack.intacct.setFaults({ rates: { http5xx: 0.1, throttle: 0.05, commitThenFail: 0.05 }, commitThenFailMode: 'hang' });
  });
  after(async () => {
    sink?.kill('SIGKILL');
    await stack.stop();
  });

  const startSink = () => {
    sink = spawn(process.execPath, [sinkMain], { env: { ...process.env, ...env }, stdio: 'ignore' });
  };

  const reconcile = async (): Promise<Report> => {
    try {
      const { stdout } = await run(process.execPath, [cli, 'reconcile', 'intacct', '--from', '2000-01-01', '--json'], { env: { ...process.env, ...env } });
      return JSON.parse(stdout) as Report;
    } catch (error) {
      const failed = error as { code?: number; stdout?: string; stderr?: string };
      if (failed.code !== 1) throw new Error(`reconcile failed: ${failed.stderr}`);
      return JSON.parse(failed.stdout ?? '{}') as Report;
    }
  };

  it('ends with zero missing and zero duplicate documents by the reconciliation command', async () => {
    startSink();
    const orders = sampleOrders(ORDERS, { seed: 99, startNumber: 900_000 });
    const results = await stack.sender({ maxAttempts: 8 }).sendMany(orders.map((o) => webhookFor(o)), { concurrency: 8 });
    assert.equal(results.filter((r) => r.status !== 202).length, 0, 'every webhook acknowledged');
    // Kill the sink at random points spread over the run, while Intacct keeps failing.
    for (let kill = 1; kill <= KILLS; kill++) {
      const target = Math.floor((kill * ORDERS) / (KILLS + 1));
      await waitFor(() => stack.intacct.documents().length >= target, { what: `${target} documents before kill ${kill}`, timeoutMs: Math.max(60_000, ORDERS * 100) });
      await sleep(Math.floor(Math.random() * 300));
      sink?.kill('SIGKILL');
      await new Promise((resolve) => sink?.once('exit', resolve));
      startSink();
    }
    await waitFor(() => new Set(stack.intacct.documents().map((d) => d.referenceNo)).size >= ORDERS, { what: 'every order in Intacct', timeoutMs: Math.max(120_000, ORDERS * 200), intervalMs: 500 });
    stack.intacct.clearFaults();
    await sleep(1500); // let a retry in flight settle before judging
    const report = await reconcile();
    assert.deepEqual(report.counts, { missing: 0, duplicate: 0, mismatched: 0, orphan: 0 });
    assert.equal(report.sections['order']?.matched, ORDERS, 'every order has its one document, with its total, currency and lines');
    assert.equal(report.sections['payment']?.matched, report.sections['payment']?.expected, 'every invoice paid at checkout has its one cash receipt');
    assertIntacctHasNoDuplicates(stack.intacct);
    const byStatus = stack.intacct.stats().byStatus;
    assert.ok((byStatus['503'] ?? 0) > 0 && (byStatus['429'] ?? 0) > 0, `faults were injected: ${JSON.stringify(byStatus)}`);
  });
});
