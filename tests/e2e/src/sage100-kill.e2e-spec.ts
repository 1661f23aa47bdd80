import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { sleep, waitFor } from '@tributary/testing';
import { canonicalOrder, Sage100Stack } from './sage100-stack.js';

const root = join(fileURLToPath(import.meta.url), '../../../..');
const sinkMain = join(root, 'apps/sage100-sink/dist/main.js');
const cli = join(root, 'apps/tributary-cli/dist/main.js');
const run = promisify(execFile);
const ORDERS = Number(process.env['SAGE100_KILL_ORDERS'] ?? 40);
/** Each kill costs a consumer-group session timeout before its partitions move; one keeps the file under 90 s. */
const KILLS = Number(process.env['SAGE100_KILLS'] ?? 1);

type Report = { counts: Record<string, number>; sections: Record<string, { expected: number; matched: number }> };

describe(`sage100-sink SIGKILLed ${KILLS}× mid-stream: ${ORDERS} orders, each delivered 3 times, Sage 100 slow and throttling`, () => {
  let stack: Sage100Stack;
  let sink: ChildProcess | undefined;
  let env: Record<string, string>;

  before(async () => {
    stack = await Sage100Stack.start({ withSink: false, simulator: { seed: 100, maxConcurrent: 3 } });
    env = { ...stack.env, LOG_LEVEL: 'silent', OPS_PORT: '0', SAGE100_TIMEOUT_MS: '1500', SAGE100_MAX_CONCURRENT_REQUESTS: '3' };
    // Slow answers widen the window in which a kill lands between a create and its ledger entry;
    // some writes are stored and then answered 500 (outcome unknown).
    stack.sim.setFaults({ latencyMs: 40, rates: { throttle: 0.02, commitThenFail: 0.05 } });
  });
  after(async () => {
    sink?.kill('SIGKILL');
    await stack.stop();
  });

  const startSink = () => { sink = spawn(process.execPath, [sinkMain], { env: { ...process.env, ...env, ...(process.env['SAGE100_KILL_LOG'] ? { LOG_LEVEL: 'info' } : {}) }, stdio: process.env['SAGE100_KILL_LOG'] ? ['ignore', 'inherit', 'inherit'] : 'ignore' }); };
  const distinct = () => new Set([...stack.sim.orders(), ...stack.sim.history()].map((o) => o.CustomerPONo)).size;

  it('ends with one sales order per order, by the simulator and by `tributary reconcile sage100`', async () => {
    const orders = Array.from({ length: ORDERS }, (_, i) => canonicalOrder({ orderNumber: `CL-KILL-${1000 + i}`, customerId: `kill-cust-${i % 7}`, email: `kill${i % 7}@example.com` }));
    startSink();
    // Each order three times: the original, a redelivery, and a duplicate webhook with a new event id.
    await stack.sendOrders([...orders, ...orders, ...orders.map((o) => ({ ...o, eventId: `${o.eventId}-dup` }))]);
    for (let kill = 1; kill <= KILLS; kill++) {
      const target = Math.floor((kill * ORDERS) / (KILLS + 2));
      await waitFor(() => distinct() >= target, { what: `${target} orders before the kill`, timeoutMs: 180_000, intervalMs: 50 });
      await sleep(Math.floor(Math.random() * 200));
      sink?.kill('SIGKILL');
      await new Promise((resolve) => sink?.once('exit', resolve));
      startSink();
    }
    await waitFor(() => distinct() >= ORDERS, { what: 'every order in Sage 100', timeoutMs: 180_000, intervalMs: 250 });
    stack.sim.clearFaults();
    await waitFor(() => stack.caughtUp('sage100-sink', 'commerce.order.v1'), { what: 'every delivery handled', timeoutMs: 90_000 });
    for (const o of orders) assert.equal(stack.ordersFor(o.order.orderNumber).length, 1, `${o.order.orderNumber} once`);
    assert.equal(new Set(stack.sim.customers().filter((c) => c.EmailAddress.startsWith('kill')).map((c) => c.EmailAddress)).size, stack.sim.customers().filter((c) => c.EmailAddress.startsWith('kill')).length, 'one customer per e-mail');

    let report: Report;
    try {
      const { stdout } = await run(process.execPath, [cli, 'reconcile', 'sage100', '--from', '2000-01-01', '--json'], { env: { ...process.env, ...env } });
      report = JSON.parse(stdout) as Report;
    } catch (error) {
      const failed = error as { code?: number; stdout?: string; stderr?: string };
      if (failed.code !== 1) throw new Error(`reconcile failed: ${failed.stderr}`);
      report = JSON.parse(failed.stdout ?? '{}') as Report;
    }
    assert.deepEqual(report.counts, { missing: 0, duplicate: 0, mismatched: 0, orphan: 0 });
    assert.equal(report.sections['order']?.matched, ORDERS);
    const byStatus = stack.sim.stats().byStatus;
    assert.ok((byStatus['429'] ?? 0) + (byStatus['500'] ?? 0) > 0, `faults were injected: ${JSON.stringify(byStatus)}`);
  });
});
