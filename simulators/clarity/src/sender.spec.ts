import { describe, it, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ClarityWebhookSender } from './sender.js';
import { sampleOrders } from './sample-orders.js';
import { webhookFor } from './webhook.js';

interface Received {
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

/** A receiver that records what arrives and answers from a script (then 200). */
const receiver = () => {
  const received: Received[] = [];
  let script: number[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const server: Server = createServer((req, res) => {
    inFlight += 1;
    maxInFlight = Math.max(maxInFlight, inFlight);
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      const status = script.shift() ?? 200;
      setTimeout(() => {
        inFlight -= 1;
        res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify({ status }));
      }, 5);
    });
  });
  return {
    server,
    received,
    answer: (...statuses: number[]) => { script = statuses; },
    maxInFlight: () => maxInFlight,
    reset: () => { received.length = 0; script = []; maxInFlight = 0; },
  };
};

/** The receiver's side of the contract, written from the spec, not from the simulator. */
const verifies = (headers: IncomingHttpHeaders, body: string, secret: string): boolean => {
  const header = String(headers['x-clarity-signature']);
  const t = /(?:^|,)t=(\d+)/.exec(header)?.[1];
  const expected = createHmac('sha256', secret).update(`${t}.${body}`).digest();
  return [...header.matchAll(/(?:^|,)v1=([0-9a-f]{64})/g)].some((match) => timingSafeEqual(Buffer.from(match[1]!, 'hex'), expected));
};

describe('ClarityWebhookSender', () => {
  const target = receiver();
  let url = '';
  before(async () => {
    await new Promise<void>((resolve) => target.server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(target.server.address() as AddressInfo).port}/webhooks/clarity`;
  });
  after(() => new Promise<void>((resolve) => target.server.close(() => resolve())));
  beforeEach(() => target.reset());

  const [order] = sampleOrders(1, { seed: 9 });
  const envelope = webhookFor(order!, { eventId: 'evt_01JDQ4W7K3M9X2ZB5N8R6T0YCE' });
  const now = Date.parse('2026-11-25T10:00:00Z');

  it('signs the exact body with every secret and sends Clarity headers', async () => {
    const sender = new ClarityWebhookSender({ url, secrets: ['whsec_new', 'whsec_old'], clock: () => now });
    const result = await sender.send(envelope);

    assert.equal(result.status, 200);
    assert.deepEqual(result.body, { status: 200 });
    assert.equal(result.attempts, 1);
    const [request] = target.received;
    assert.equal(request?.body, JSON.stringify(envelope));
    const headers = request!.headers;
    assert.match(String(headers['x-clarity-signature']), new RegExp(`^t=${now / 1000},v1=[0-9a-f]{64},v1=[0-9a-f]{64}$`));
    assert.ok(verifies(headers, request!.body, 'whsec_new'));
    assert.ok(verifies(headers, request!.body, 'whsec_old'));
    assert.ok(!verifies(headers, request!.body, 'whsec_other'));
    assert.equal(headers['x-clarity-event'], 'order.created');
    assert.equal(headers['x-clarity-event-id'], envelope.id);
    assert.match(String(headers['x-clarity-delivery-id']), /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    assert.equal(headers['content-type'], 'application/json');
  });

  it('retries 5xx with back-off, re-signing each attempt, same event id, new delivery id', async () => {
    target.answer(503, 500, 202);
    let clock = now;
    const sender = new ClarityWebhookSender({ url, secrets: ['whsec_current'], backoffMs: 10, clock: () => (clock += 1000) });
    const result = await sender.send(envelope);

    assert.equal(result.status, 202);
    assert.equal(result.attempts, 3);
    assert.ok(result.ms >= 30, `waited ${result.ms} ms for back-off of 10 + 20`);
    const headers = target.received.map((request) => request.headers);
    assert.deepEqual(headers.map((h) => h['x-clarity-event-id']), [envelope.id, envelope.id, envelope.id]);
    assert.equal(new Set(headers.map((h) => h['x-clarity-delivery-id'])).size, 3);
    assert.equal(new Set(headers.map((h) => h['x-clarity-signature'])).size, 3, 'a fresh timestamp each time');
    assert.ok(target.received.every((request) => verifies(request.headers, request.body, 'whsec_current')));
  });

  it('does not retry a 400: the receiver has said the event is unusable', async () => {
    target.answer(400);
    const sender = new ClarityWebhookSender({ url, secrets: ['whsec_current'], backoffMs: 1 });
    const result = await sender.send(envelope);
    assert.deepEqual([result.status, result.attempts, target.received.length], [400, 1, 1]);
  });

  it('retries 429 and 408, which mean "not now"', async () => {
    target.answer(429, 408);
    const sender = new ClarityWebhookSender({ url, secrets: ['whsec_current'], backoffMs: 1 });
    const result = await sender.send(envelope);
    assert.deepEqual([result.status, result.attempts], [200, 3]);
  });

  it('gives up after maxAttempts and reports the last answer', async () => {
    target.answer(503, 503, 503, 503);
    const sender = new ClarityWebhookSender({ url, secrets: ['whsec_current'], maxAttempts: 3, backoffMs: 1 });
    const result = await sender.send(envelope);
    assert.deepEqual([result.status, result.attempts, target.received.length], [503, 3, 3]);
  });

  it('reports a network failure as status 0 after retrying', async () => {
    const sender = new ClarityWebhookSender({ url: 'http://127.0.0.1:1/webhooks/clarity', secrets: ['s'], maxAttempts: 2, backoffMs: 1 });
    const result = await sender.send(envelope);
    assert.equal(result.status, 0);
    assert.equal(result.attempts, 2);
    assert.match(JSON.stringify(result.body), /error/);
  });

  it('applies overrides: a forged signature, a stale timestamp, another body, a pinned delivery id', async () => {
    const sender = new ClarityWebhookSender({ url, secrets: ['whsec_current'], clock: () => now });
    await sender.send(envelope, { signatureOverride: 't=1,v1=00', deliveryId: 'b3c8e0a4-6f0e-4d8a-9f61-2f0d6a1c9e55' });
    await sender.send(envelope, { timestampOverride: now / 1000 - 3600 });
    await sender.send(envelope, { bodyOverride: '{"id":"evt_x"' });

    const [forged, stale, other] = target.received;
    assert.equal(forged?.headers['x-clarity-signature'], 't=1,v1=00');
    assert.equal(forged?.headers['x-clarity-delivery-id'], 'b3c8e0a4-6f0e-4d8a-9f61-2f0d6a1c9e55');
    assert.match(String(stale?.headers['x-clarity-signature']), new RegExp(`^t=${now / 1000 - 3600},`));
    assert.ok(verifies(stale!.headers, stale!.body, 'whsec_current'));
    assert.equal(other?.body, '{"id":"evt_x"');
    assert.ok(verifies(other!.headers, other!.body, 'whsec_current'), 'the override body is what gets signed');
  });

  it('sends many with bounded concurrency and returns results in input order', async () => {
    const envelopes = sampleOrders(12, { seed: 2 }).map((o) => webhookFor(o));
    const sender = new ClarityWebhookSender({ url, secrets: ['whsec_current'] });
    const results = await sender.sendMany(envelopes, { concurrency: 3 });

    assert.equal(results.length, 12);
    assert.ok(results.every((result) => result.status === 200));
    assert.ok(target.maxInFlight() <= 3 && target.maxInFlight() >= 2, `max in flight ${target.maxInFlight()}`);
    assert.deepEqual(
      new Set(target.received.map((request) => request.headers['x-clarity-event-id'])),
      new Set(envelopes.map((e) => e.id)),
    );
  });
});
