import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sampleOrders, webhookFor } from '@tributary/simulator-clarity';
import { waitFor } from '@tributary/testing';
import { E2eStack } from './e2e-stack.js';
import { assertDocumentMatchesOrder, documentsByReference } from './order-expectations.js';

describe('happy path: Clarity → Kafka → Sage Intacct', () => {
  let stack: E2eStack;
  before(async () => { stack = await E2eStack.start(); });
  after(async () => { await stack.stop(); });

  it('turns 50 signed order webhooks into 50 Sales Orders with the right lines and totals', async () => {
    const orders = sampleOrders(50, { seed: 11 });
    const results = await stack.sender().sendMany(orders.map((order) => webhookFor(order)), { concurrency: 10 });
    assert.deepEqual(results.map((r) => r.status), orders.map(() => 202));

    await waitFor(() => stack.intacct.documents().length >= 50, { what: '50 sales orders in Intacct', timeoutMs: 60_000 });
    const byReference = documentsByReference(stack.intacct.documents());
    assert.equal(byReference.size, 50);
    for (const order of orders) {
      const documents = byReference.get(order.orderNumber ?? order.orderId) ?? [];
      assert.equal(documents.length, 1, `one document for ${order.orderId}`);
      assertDocumentMatchesOrder(documents[0]!, order);
    }
    assert.equal(await stack.messageCount('clarity.webhook.v1'), 50, 'every webhook stored verbatim for audit');
  });
});
