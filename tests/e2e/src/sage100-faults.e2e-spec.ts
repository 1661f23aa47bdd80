import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { deadLetterTopic, topics } from '@tributary/canonical-model';
import { DeadLetterHeader, OperatorHeader } from '@tributary/kafka-runtime';
import { TributaryMetrics } from '@tributary/observability';
import { loadConfig } from '@tributary/config';
import { createLogger } from '@tributary/observability';
import { reconcileSage100, sage100CliEnvSchema } from '@tributary/tributary-cli';
import { sleep, waitFor } from '@tributary/testing';
import { canonicalOrder, RETIRED_ITEM, Sage100Stack } from './sage100-stack.js';

/** The issue asks for 30 s; SAGE100_E2E_OFFLINE_MS shortens it for a quick local run. */
const OFFLINE_MS = Number(process.env['SAGE100_E2E_OFFLINE_MS'] ?? 30_000);
const dlq = { name: deadLetterTopic('sage100-sink').name, valueSchema: topics.order.valueSchema };

describe('sage100-sink under Sage 100 errors: 422 to the DLQ, 409 retried, agent offline pauses the partition', () => {
  let stack: Sage100Stack;
  const circuitOpen = async () => {
    const metric = await stack.sink!.get(TributaryMetrics).circuitOpen.get();
    return metric.values.find((v) => v.labels['system'] === 'sage100')?.value ?? 0;
  };

  before(async () => { stack = await Sage100Stack.start(); });
  after(async () => { await stack.stop(); });

  it('a 422 lands in the DLQ with the BOI message; a 409 is retried and succeeds', async () => {
    stack.sim.setFaults({ locked: 1 });
    await stack.sendOrders([
      canonicalOrder({ orderNumber: 'CL-LOCKED-1' }),
      canonicalOrder({ orderNumber: 'CL-BOI-422', lines: [{ sku: 'TRB-LEGACY-BUNDLE', quantity: 1, unitPrice: '49.00' }] }),
    ]);
    await waitFor(() => stack.ordersFor('CL-LOCKED-1').length === 1, { what: 'the order after its 409', timeoutMs: 30_000 });
    assert.ok((stack.sim.stats().byStatus['409'] ?? 0) >= 1, `a 409 was answered: ${JSON.stringify(stack.sim.stats().byStatus)}`);
    const dead = await waitFor(async () => (await stack.read(dlq)).find((m) => m.key === 'CL-BOI-422-id'), { what: 'the 422 in the DLQ', timeoutMs: 30_000 });
    assert.equal(dead.headers[DeadLetterHeader.errorCode], 'SAGE100.VALIDATION');
    assert.match(dead.headers[DeadLetterHeader.errorMessage] ?? '', new RegExp(`Item code ${RETIRED_ITEM} is invalid\\.`));
    assert.equal(stack.ordersFor('CL-BOI-422').length, 0);
  });

  it(`agent offline for ${OFFLINE_MS / 1000} s: the partition pauses, the circuit metric is set, then every order arrives once and nothing is dead-lettered`, async () => {
    const dlqBefore = (await stack.read(dlq)).length;
    await stack.sim.setOffline('refuse', { forMs: OFFLINE_MS });
    const orders = Array.from({ length: 12 }, (_, i) => canonicalOrder({ orderNumber: `CL-OFF-${i + 1}` }));
    const wentOffline = Date.now();
    await stack.sendOrders(orders);
    await waitFor(async () => (await circuitOpen()) === 1, { what: 'the circuit open (tributary_circuit_open{system="sage100"} = 1)', timeoutMs: 20_000 });
    await sleep(Math.min(3_000, OFFLINE_MS / 4));
    assert.equal(await stack.caughtUp('sage100-sink', topics.order.name), false, 'offsets are not committed while Sage 100 is offline (the partitions are paused)');
    assert.equal(orders.filter((o) => stack.ordersFor(o.order.orderNumber).length > 0).length, 0, 'nothing written while offline');

    await waitFor(() => orders.every((o) => stack.ordersFor(o.order.orderNumber).length > 0), { what: 'every order after the agent is back', timeoutMs: OFFLINE_MS + 40_000, intervalMs: 500 });
    assert.ok(Date.now() - wentOffline >= OFFLINE_MS - 1_000, 'the orders waited for the agent');
    for (const o of orders) assert.equal(stack.ordersFor(o.order.orderNumber).length, 1, `${o.order.orderNumber} once`);
    await waitFor(async () => (await circuitOpen()) === 0, { what: 'the circuit closed', timeoutMs: 10_000 });
    assert.equal((await stack.read(dlq)).length, dlqBefore, 'nothing dead-lettered because of the outage');

    const report = await reconcileSage100(loadConfig(sage100CliEnvSchema, stack.env), createLogger('e2e', 'silent'), { fromMs: 0, toMs: Date.now(), companies: ['ABC'], requeueMissing: false, progress: () => {} });
    assert.equal(report.counts.duplicate, 0);
    assert.deepEqual(report.findings.filter((f) => f.kind === 'missing').map((f) => f.reference), ['CL-BOI-422'], 'only the dead-lettered order is missing');

    // --requeue-missing re-publishes the missing order with the requeue header (the sink verifies and, here, refuses it again).
    const requeue = await reconcileSage100(loadConfig(sage100CliEnvSchema, stack.env), createLogger('e2e', 'silent'), { fromMs: 0, toMs: Date.now(), companies: ['ABC'], requeueMissing: true, progress: () => {} });
    assert.equal(requeue.requeued, 1);
    const requeued = (await stack.read(topics.order)).filter((m) => m.headers[OperatorHeader.requeue] === 'missing');
    assert.deepEqual(requeued.map((m) => m.key), ['CL-BOI-422-id']);
  });
});
