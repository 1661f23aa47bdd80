import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sampleOrders, webhookFor } from '@tributary/simulator-clarity';
import { sleep } from '@tributary/testing';
import { E2eStack } from './e2e-stack.js';

type ErrorBody = { error?: string; message?: string; issues?: Array<{ path: string; message: string }> };

describe('clarity-ingress refuses what it cannot trust, and produces nothing for it', () => {
  let stack: E2eStack;
  before(async () => { stack = await E2eStack.start(); });
  after(async () => { await stack.stop(); });

  const [order] = sampleOrders(1, { seed: 61, startNumber: 60_000 });
  const webhook = webhookFor(order!);

  it('401 for a bad signature', async () => {
    const result = await stack.sender({ maxAttempts: 1 }).send(webhook, { signatureOverride: `t=${Math.floor(Date.now() / 1000)},v1=${'ab'.repeat(32)}` });
    assert.equal(result.status, 401);
    assert.equal((result.body as ErrorBody).error, 'invalid_signature');
  });

  it('401 for a signature made with another secret', async () => {
    const other = new (await import('@tributary/simulator-clarity')).ClarityWebhookSender({ url: stack.webhookUrl, secrets: ['not-the-secret'], maxAttempts: 1 });
    const result = await other.send(webhook);
    assert.equal(result.status, 401);
  });

  it('401 for a stale timestamp (replay outside the 5-minute window)', async () => {
    const result = await stack.sender({ maxAttempts: 1 }).send(webhook, { timestampOverride: Math.floor(Date.now() / 1000) - 600 });
    assert.equal(result.status, 401);
    assert.equal((result.body as ErrorBody).error, 'stale_timestamp');
  });

  it('400 for malformed JSON, correctly signed', async () => {
    const result = await stack.sender({ maxAttempts: 1 }).send(webhook, { bodyOverride: '{"id":"evt_1","type":"order.created",' });
    assert.equal(result.status, 400);
    assert.equal((result.body as ErrorBody).error, 'malformed_json');
  });

  it('400 naming the fields with wrong types', async () => {
    const bad = structuredClone(webhook) as unknown as { data: { lineItems: Array<Record<string, unknown>>; currency: unknown } };
    bad.data.lineItems[0]!['quantity'] = 'two';
    bad.data.currency = 42;
    const result = await stack.sender({ maxAttempts: 1 }).send(bad as never);
    assert.equal(result.status, 400);
    const paths = ((result.body as ErrorBody).issues ?? []).map((i) => i.path);
    assert.ok(paths.includes('data.lineItems[0].quantity'), `paths: ${paths.join(', ')}`);
    assert.ok(paths.includes('data.currency'), `paths: ${paths.join(', ')}`);
  });

  it('400 when the totals do not add up', async () => {
    const bad = structuredClone(webhook) as unknown as { data: { totalAmount: unknown } };
    bad.data.totalAmount = '1.00';
    const result = await stack.sender({ maxAttempts: 1 }).send(bad as never);
    assert.equal(result.status, 400);
    assert.equal((result.body as ErrorBody).issues?.[0]?.path, 'data.totalAmount');
  });

  it('and in all these cases nothing was produced or sent to Intacct', async () => {
    await sleep(300);
    assert.equal(await stack.messageCount('clarity.webhook.v1'), 0);
    assert.equal(await stack.messageCount('commerce.order.v1'), 0);
    assert.equal(stack.intacct.documents().length, 0);
  });
});
