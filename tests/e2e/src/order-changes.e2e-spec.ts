import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sampleOrders, webhookFor } from '@tributary/simulator-clarity';
import { sleep, waitFor } from '@tributary/testing';
import { E2eStack } from './e2e-stack.js';

describe('order updates and cancellations reach the existing Intacct document', () => {
  let stack: E2eStack;
  before(async () => { stack = await E2eStack.start(); });
  after(async () => { await stack.stop(); });

  const at = (iso: string) => ({ createdAt: iso });

  it('applies an update to the document, ignores an older one delivered late, and deletes a cancelled order', async () => {
    const [kept, cancelled] = sampleOrders(2, { seed: 81, startNumber: 80_000 }).map((o) => ({ ...o, channel: 'web' }));
    const sender = stack.sender();
    await sender.sendMany([webhookFor(kept!, { type: 'order.created', ...at('2026-11-25T09:00:00Z') }), webhookFor(cancelled!, { type: 'order.created', ...at('2026-11-25T09:00:00Z') })]);
    await waitFor(() => stack.intacct.documents().length >= 2, { what: 'both orders in Intacct' });

    const moved = { ...kept!, shippingAddress: { ...kept!.shippingAddress, line1: '700 Lavaca Street' } };
    const stale = { ...kept!, shippingAddress: { ...kept!.shippingAddress, line1: '1 Old Road' } };
    assert.equal((await sender.send(webhookFor(moved, { type: 'order.updated', ...at('2026-11-25T10:00:00Z') }))).status, 202);
    assert.equal((await sender.send(webhookFor(stale, { type: 'order.updated', ...at('2026-11-25T09:30:00Z') }))).status, 202);
    assert.equal((await sender.send(webhookFor(cancelled!, { type: 'order.cancelled', ...at('2026-11-25T10:05:00Z') }))).status, 202);

    const reference = kept!.orderNumber ?? kept!.orderId;
    await waitFor(() => /700 Lavaca St/.test(stack.intacct.documents().find((d) => d.referenceNo === reference)?.message ?? ''), { what: 'the update applied' });
    await waitFor(() => stack.intacct.deletedDocuments().some((d) => d.referenceNo === (cancelled!.orderNumber ?? cancelled!.orderId)), { what: 'the cancelled order deleted' });
    await sleep(500);
    assert.match(stack.intacct.documents().find((d) => d.referenceNo === reference)?.message ?? '', /700 Lavaca St/, 'the late, older update did not overwrite the newer one');
    assert.equal(stack.intacct.documents().length, 1);
  });
});
