import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sampleOrders, webhookFor } from '@tributary/simulator-clarity';
import { sleep, waitFor } from '@tributary/testing';
import { E2eStack } from './e2e-stack.js';
import { documentsByReference } from './order-expectations.js';

describe('Intacct unavailable for a while', () => {
  let stack: E2eStack;
  before(async () => { stack = await E2eStack.start(); });
  after(async () => { await stack.stop(); });

  it('delivers every order exactly once after 5xx, throttling and timeouts, and nothing reaches the DLQ', async () => {
    stack.intacct.setFaults({ http5xx: 8, throttle: 6, timeout: 2 });
    const orders = sampleOrders(20, { seed: 31, startNumber: 40_000 });
    await stack.sender().sendMany(orders.map((order) => webhookFor(order)), { concurrency: 5 });
    await waitFor(() => documentsByReference(stack.intacct.documents()).size >= 20, { what: '20 orders after the outage', timeoutMs: 90_000 });
    await sleep(500);
    assert.equal(stack.intacct.documents().length, 20, 'each order exactly once');
    const byStatus = stack.intacct.stats().byStatus;
    assert.ok((byStatus['503'] ?? 0) >= 8, `5xx faults served: ${JSON.stringify(byStatus)}`);
    assert.ok((byStatus['429'] ?? 0) >= 6, `throttling served: ${JSON.stringify(byStatus)}`);
    assert.equal(await stack.messageCount('dlq.intacct-sink.v1'), 0, 'a transient failure never drains into the DLQ');
  });
});
