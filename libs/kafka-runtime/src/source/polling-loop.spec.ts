import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { IntegrationError } from '@tributary/core';
import { createLogger, TributaryMetrics } from '@tributary/observability';
import { PollingLoop } from './polling-loop.js';

const waitUntil = async (condition: () => boolean, ms = 3000) => {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
};

describe('PollingLoop', () => {
  it('polls at its interval, backs off on failures, opens the circuit when they persist, and closes it on success', async () => {
    const metrics = new TributaryMetrics('test-source', { defaultMetrics: false });
    let calls = 0;
    let failUntil = 4;
    const loop = new PollingLoop({
      name: 'test-source', system: 'erp', intervalMs: 20, metrics, log: createLogger('test', 'silent'),
      retryPolicy: { maxAttempts: 3, initialDelayMs: 5, maxDelayMs: 10, probeIntervalMs: 20 },
      poll: async () => {
        calls++;
        if (calls <= failUntil) throw IntegrationError.transient('ERP.DOWN', 'gateway timeout');
        return 2;
      },
    });
    const circuit = async () => (await metrics.registry.getSingleMetricAsString('tributary_circuit_open')).match(/system="erp"[^}]*} (\d)/)?.[1];
    loop.start();
    try {
      await waitUntil(() => calls >= 3);
      assert.equal(await circuit(), '1');
      await waitUntil(() => loop.lastSuccessAt > 0);
      assert.equal(await circuit(), '0');
      const before = calls;
      await waitUntil(() => calls >= before + 2);
      failUntil = 0;
      assert.match(await metrics.registry.getSingleMetricAsString('tributary_messages_total'), /outcome="emitted"[^}]*} \d+/);
    } finally {
      await loop.stop();
    }
    const stoppedAt = calls;
    await new Promise((resolve) => setTimeout(resolve, 60));
    assert.equal(calls, stoppedAt, 'no poll after stop');
  });
});
