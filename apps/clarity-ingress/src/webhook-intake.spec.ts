import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { signClarityPayload } from '@tributary/connectors-clarity';
import { createLogger, TributaryMetrics } from '@tributary/observability';
import {
  catalogue,
  paymentCaptureFor,
  paymentRefundFor,
  paymentWebhookFor,
  productFor,
  productWebhookFor,
  returnFor,
  returnWebhookFor,
  sampleOrders,
  webhookFor,
  type ClarityWebhookPayload,
} from '@tributary/simulator-clarity';
import type { OutgoingMessage } from '@tributary/kafka-runtime';
import { ClarityWebhookIntake } from './webhook-intake.js';
import { eventIdFor } from './event-id.js';

const SECRET = 'whsec_spec';
const now = Date.parse('2026-11-28T16:00:00Z');
const json = { encode: (value: unknown) => Buffer.from(JSON.stringify(value)) };

/** The intake with a producer that records what it would have sent to Kafka. */
const intake = (options: { kafkaDown?: boolean } = {}) => {
  const sent: OutgoingMessage[][] = [];
  const metrics = new TributaryMetrics('clarity-ingress', { defaultMetrics: false });
  const subject = new ClarityWebhookIntake({
    secrets: [SECRET],
    toleranceSeconds: 300,
    producer: {
      sendAll: async (messages: readonly OutgoingMessage[]) => {
        if (options.kafkaDown) throw new Error('broker unavailable');
        sent.push([...messages]);
      },
    },
    topics: { audit: 'clarity.webhook.v1', order: 'commerce.order.v1', payment: 'commerce.payment.v1', return: 'commerce.return.v1', product: 'commerce.product.v1' },
    auditCodec: json,
    encoders: { order: json, payment: json, return: json, product: json },
    metrics,
    log: createLogger('clarity-ingress', 'silent'),
    clock: () => now,
  });
  const post = (envelope: ClarityWebhookPayload | string, headers: Record<string, string> = {}) => {
    const rawBody = Buffer.from(typeof envelope === 'string' ? envelope : JSON.stringify(envelope));
    const type = typeof envelope === 'string' ? 'order.created' : envelope.type;
    return subject.receive({ rawBody, headers: { 'x-clarity-signature': signClarityPayload(rawBody, SECRET, now / 1000), 'x-clarity-event': type, ...headers } });
  };
  const counted = async (type: string, outcome: string) => {
    const metric = await metrics.webhooks.get();
    return metric.values.find((v) => v.labels['type'] === type && v.labels['outcome'] === outcome)?.value ?? 0;
  };
  return { post, sent, counted };
};

const [order] = sampleOrders(1, { seed: 44, startNumber: 70_001 });
const orderReturn = returnFor(order!, { scope: 'all' });
const decoded = (message: OutgoingMessage | undefined) => JSON.parse(String(message?.value)) as Record<string, any>;

describe('ClarityWebhookIntake: each type to its canonical topic, with its audit record', () => {
  const cases = [
    { name: 'order.created', envelope: webhookFor(order!), topic: 'commerce.order.v1', key: order!.orderId, subject: { orderId: order!.orderId } },
    { name: 'payment.captured', envelope: paymentWebhookFor(paymentCaptureFor(order!)), topic: 'commerce.payment.v1', key: `pay_${order!.orderId}_1`, subject: { paymentId: `pay_${order!.orderId}_1`, orderId: order!.orderId } },
    { name: 'payment.refunded', envelope: paymentWebhookFor(paymentRefundFor(order!, orderReturn), { type: 'payment.refunded' }), topic: 'commerce.payment.v1', key: `pay_${orderReturn.returnId}`, subject: { paymentId: `pay_${orderReturn.returnId}`, orderId: order!.orderId } },
    { name: 'return.created', envelope: returnWebhookFor(orderReturn), topic: 'commerce.return.v1', key: orderReturn.returnId, subject: { returnId: orderReturn.returnId, orderId: order!.orderId } },
    { name: 'product.updated', envelope: productWebhookFor(productFor(catalogue[3]!)), topic: 'commerce.product.v1', key: catalogue[3]!.sku, subject: { sku: catalogue[3]!.sku } },
  ] as const;

  for (const { name, envelope, topic, key, subject } of cases) {
    it(`${name} → 202 after one send of the audit record and the ${topic} record`, async () => {
      const { post, sent, counted } = intake();
      const result = await post(envelope as ClarityWebhookPayload);
      const eventId = eventIdFor(envelope.id);
      assert.equal(result.status, 202, JSON.stringify(result.body));
      assert.deepEqual(result.body, { status: 'accepted', eventId, ...subject });
      assert.equal(sent.length, 1, 'one send: audit and canonical together');
      const [audit, canonical] = sent[0]!;
      assert.deepEqual([audit?.topic, audit?.key], ['clarity.webhook.v1', envelope.id]);
      assert.equal(decoded(audit)['body'], JSON.stringify(envelope));
      assert.deepEqual([canonical?.topic, canonical?.key], [topic, key]);
      assert.equal(decoded(canonical)['eventId'], eventId);
      assert.equal(decoded(canonical)['eventType'], name);
      assert.equal(canonical?.headers?.['event-type'], name);
      assert.equal(await counted(name, 'accepted'), 1);
    });
  }

  it('carries the amounts of a return through exactly', async () => {
    const { post, sent } = intake();
    await post(returnWebhookFor(orderReturn));
    const value = decoded(sent[0]![1]);
    assert.equal(value['return']['refundTotal'], Number(orderReturn.refundTotal).toFixed(2));
  });
});

describe('ClarityWebhookIntake: refusals produce nothing and say why', () => {
  it('400 with the mapping error when a return does not add up', async () => {
    const { post, sent, counted } = intake();
    const bad = returnWebhookFor({ ...orderReturn, refundTotal: '1.00' });
    const result = await post(bad);
    assert.equal(result.status, 400);
    assert.equal(result.body['error'], 'invalid_payload');
    assert.equal(result.body['code'], 'MAPPING.RETURN_TOTALS_MISMATCH');
    assert.match(String(result.body['message']), /add up to .*, Clarity refunds 1\.00/);
    assert.deepEqual((result.body['issues'] as Array<{ path: string }>).map((i) => i.path), ['data.refundTotal']);
    assert.equal(sent.length, 0);
    assert.equal(await counted('return.created', 'invalid'), 1);
  });

  it('400 naming each bad field of a payment', async () => {
    const { post, sent } = intake();
    const payment = paymentWebhookFor(paymentCaptureFor(order!));
    const result = await post({ ...payment, data: { ...payment.data, amount: 0.1 + 0.2, currency: 'dollars' } });
    assert.equal(result.status, 400);
    assert.equal(result.body['message'], 'the webhook body is not a valid Clarity payment.captured event');
    assert.deepEqual((result.body['issues'] as Array<{ path: string }>).map((i) => i.path), ['data.amount', 'data.currency']);
    assert.equal(sent.length, 0);
  });

  it('422 for a type no route handles, labelled "other" in the metric', async () => {
    const { post, sent, counted } = intake();
    const result = await post({ id: 'evt_x', type: 'inventory.changed', createdAt: '2026-11-28T16:00:00Z', apiVersion: 'v1', data: { sku: 'X' } }, { 'x-clarity-event': 'inventory.changed' });
    assert.equal(result.status, 422);
    assert.equal(result.body['error'], 'unsupported_event_type');
    assert.equal(sent.length, 0);
    assert.equal(await counted('other', 'unsupported'), 1);
  });

  it('400 for malformed JSON and for a body without an envelope', async () => {
    const { post, sent } = intake();
    assert.equal((await post('{"id":')).body['error'], 'malformed_json');
    const noEnvelope = await post(JSON.stringify({ data: {} }));
    assert.equal(noEnvelope.status, 400);
    assert.equal(noEnvelope.body['error'], 'invalid_payload');
    assert.equal(sent.length, 0);
  });

  it('401 for a bad signature, whatever the type', async () => {
    const { post, sent } = intake();
    const result = await post(productWebhookFor(productFor(catalogue[0]!)), { 'x-clarity-signature': `t=${now / 1000},v1=${'00'.repeat(32)}` });
    assert.equal(result.status, 401);
    assert.equal(sent.length, 0);
  });

  it('503 when Kafka does not acknowledge, so Clarity retries', async () => {
    const { post, counted } = intake({ kafkaDown: true });
    const result = await post(paymentWebhookFor(paymentCaptureFor(order!)));
    assert.equal(result.status, 503);
    assert.equal(await counted('payment.captured', 'error'), 1);
  });
});
