import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { request } from 'undici';
import { sampleOrders, webhookFor } from '@tributary/simulator-clarity';
import { sleep } from '@tributary/testing';
import { E2eStack } from './e2e-stack.js';

type ErrorBody = { error?: string; message?: string };

describe('clarity-ingress limits: rate per client, request timeout; each refusal a JSON error', () => {
  let stack: E2eStack;
  before(async () => {
    stack = await E2eStack.start({ withSink: false, sinkEnv: { WEBHOOK_RATE_LIMIT_PER_MINUTE: '5', WEBHOOK_REQUEST_TIMEOUT_MS: '1500' } });
  });
  after(async () => { await stack.stop(); });

  it('cuts off a request whose body never finishes with a 408 JSON error (and it counts against the rate)', async () => {
    const { hostname, port } = new URL(stack.webhookUrl);
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = connect(Number(port), hostname, () => {
        socket.write(`POST /webhooks/clarity HTTP/1.1\r\nhost: ${hostname}\r\ncontent-type: application/json\r\ncontent-length: 1000\r\n\r\n{"id":`);
      });
      let text = '';
      socket.on('data', (chunk) => { text += chunk.toString(); });
      socket.on('close', () => resolve(text));
      socket.on('error', reject);
      setTimeout(() => { socket.destroy(); resolve(text); }, 10_000);
    });
    assert.match(answer, /^HTTP\/1\.1 408/);
    const body = JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4)) as ErrorBody;
    assert.equal(body.error, 'request_timeout');
  });
  it('(after that one request) answers 429 with Retry-After past the per-minute limit, and produces nothing for the refused ones', async () => {
    const orders = sampleOrders(8, { seed: 95, startNumber: 95_001 });
    const results = [];
    for (const order of orders) results.push(await stack.sender({ maxAttempts: 1 }).send(webhookFor(order)));
    assert.deepEqual(results.map((r) => r.status), [202, 202, 202, 202, 429, 429, 429, 429]);
    const refused = results[4]!.body as ErrorBody;
    assert.equal(refused.error, 'rate_limited');
    assert.match(refused.message ?? '', /more than 5 requests a minute/);
    const raw = await request(stack.webhookUrl, { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } });
    assert.equal(raw.statusCode, 429);
    assert.ok(Number(raw.headers['retry-after']) > 0, `Retry-After: ${String(raw.headers['retry-after'])}`);
    assert.match(String(raw.headers['content-type']), /json/);
    await raw.body.text();
    await sleep(300);
    assert.equal(await stack.messageCount('clarity.webhook.v1'), 4);
    assert.equal(await stack.messageCount('commerce.order.v1'), 4);
  });

  it('counts the refusals in tributary_webhooks_total', async () => {
    const metrics = await stack.ingress!.get((await import('@tributary/observability')).TributaryMetrics).webhooks.get();
    const limited = metrics.values.filter((v) => v.labels['outcome'] === 'rate_limited').reduce((sum, v) => sum + v.value, 0);
    assert.ok(limited >= 4, `rate_limited: ${limited}`);
  });

});
