import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { KafkaMessage } from 'kafkajs';
import type { ClarityWebhookReceived, PaymentEvent, ProductEvent, ReturnEvent } from '@tributary/canonical-model';
import { compileAvroType, readSchemaHeader, readTopicToEnd, SchemaRegistryClient } from '@tributary/kafka-runtime';
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
  type ClarityAmountPayload,
  type ClarityWebhookPayload,
} from '@tributary/simulator-clarity';
import { sleep } from '@tributary/testing';
import { E2eStack } from './e2e-stack.js';

type ErrorBody = { error?: string; code?: string; message?: string; issues?: Array<{ path: string; message: string }> };
interface Decoded<T> {
  readonly key: string | undefined;
  readonly eventType: string | undefined;
  readonly value: T;
}

/** Decimal text with exactly two places, by string manipulation only: no float ever touches the amount. */
const cents = (amount: ClarityAmountPayload): string => {
  const [units, fraction = ''] = String(amount).split('.');
  return `${units}.${fraction.padEnd(2, '0')}`;
};

const topicNames = ['clarity.webhook.v1', 'commerce.order.v1', 'commerce.payment.v1', 'commerce.return.v1', 'commerce.product.v1'] as const;

describe('clarity-ingress: payment, return and product webhooks land on their canonical topics', () => {
  let stack: E2eStack;
  let registry: SchemaRegistryClient;
  // No sink: this file is about what the ingress produces, read straight from the topics.
  before(async () => {
    stack = await E2eStack.start({ withSink: false });
    registry = new SchemaRegistryClient(stack.env['SCHEMA_REGISTRY_URL']!);
  });
  after(async () => { await stack.stop(); });

  /** Every record of a topic, its value decoded with the writer schema fetched from the registry by id. */
  const records = async <T>(topic: string): Promise<Array<Decoded<T>>> => {
    const messages: KafkaMessage[] = [];
    await readTopicToEnd(stack.kafka, stack.topic(topic), (message) => messages.push(message));
    return Promise.all(
      messages.map(async (message) => {
        const { schemaId, body } = readSchemaHeader(message.value);
        const type = compileAvroType(await registry.writerSchema(schemaId));
        return { key: message.key?.toString(), eventType: message.headers?.['event-type']?.toString(), value: type.fromBuffer(body) as T };
      }),
    );
  };
  const counts = async () => Object.fromEntries(await Promise.all(topicNames.map(async (topic) => [topic, await stack.messageCount(topic)] as const)));

  /** Posts one signed webhook; asserts the 202, the single record under `key`, and its audit record. */
  const accepted = async <T>(webhook: ClarityWebhookPayload, topic: string, key: string): Promise<T> => {
    const result = await stack.sender({ maxAttempts: 1 }).send(webhook);
    assert.equal(result.status, 202, JSON.stringify(result.body));
    const mine = (await records<T>(topic)).filter((record) => record.key === key);
    assert.equal(mine.length, 1, `exactly one record keyed ${key} on ${topic}`);
    assert.equal(mine[0]!.eventType, webhook.type);
    const audit = (await records<ClarityWebhookReceived>('clarity.webhook.v1')).filter((record) => record.key === webhook.id);
    assert.equal(audit.length, 1, 'the webhook stored verbatim for audit');
    assert.equal(audit[0]!.value.body, JSON.stringify(webhook));
    assert.equal(audit[0]!.value.eventType, webhook.type);
    return mine[0]!.value;
  };

  const [order] = sampleOrders(1, { seed: 83, startNumber: 83_001 });
  const orderReturn = returnFor(order!, { scope: 'some' });

  it('payment.captured → 202 and one commerce.payment.v1 record with the order total, exact', async () => {
    const capture = paymentCaptureFor(order!);
    const event = await accepted<PaymentEvent>(paymentWebhookFor(capture), 'commerce.payment.v1', capture.paymentId);
    assert.equal(event.eventType, 'payment.captured');
    assert.equal(event.payment.kind, 'captured');
    assert.equal(event.payment.amount, cents(order!.totalAmount));
    assert.equal(event.payment.fee, capture.fee === null ? null : cents(capture.fee));
    assert.deepEqual([event.payment.orderId, event.payment.orderNumber, event.payment.currency, event.payment.method], [order!.orderId, order!.orderNumber, 'USD', order!.paymentInfo.method]);
    assert.equal(event.payment.processedAt, Date.parse(capture.processedAt));
  });

  it('return.created → 202 and one commerce.return.v1 record whose lines add up to the refund', async () => {
    const event = await accepted<ReturnEvent>(returnWebhookFor(orderReturn), 'commerce.return.v1', orderReturn.returnId);
    assert.equal(event.eventType, 'return.created');
    assert.equal(event.return.refundTotal, cents(orderReturn.refundTotal));
    assert.equal(event.return.shippingRefund, cents(orderReturn.shippingRefund));
    assert.deepEqual(
      event.return.lines.map((line) => [line.lineId, line.sku, line.quantity, line.unitPrice, line.tax, line.restock]),
      orderReturn.lines.map((line) => [line.lineId, line.sku, line.quantity, cents(line.unitPrice), cents(line.tax), line.restock]),
    );
    assert.deepEqual([event.return.orderNumber, event.return.returnNumber], [order!.orderNumber, orderReturn.returnNumber]);
  });

  it('payment.refunded → 202 and one commerce.payment.v1 record of the return total', async () => {
    const refund = paymentRefundFor(order!, orderReturn);
    const event = await accepted<PaymentEvent>(paymentWebhookFor(refund, { type: 'payment.refunded' }), 'commerce.payment.v1', refund.paymentId);
    assert.equal(event.payment.kind, 'refunded');
    assert.equal(event.payment.amount, cents(orderReturn.refundTotal));
    assert.equal(event.payment.fee, null);
  });

  it('product.updated → 202 and one commerce.product.v1 record keyed by SKU, versioned', async () => {
    const product = productFor(catalogue[10]!, { price: '1449.00', modifiedAt: '2026-11-26T07:30:00Z' });
    const event = await accepted<ProductEvent>(productWebhookFor(product), 'commerce.product.v1', product.sku);
    assert.deepEqual(
      [event.product.sku, event.product.name, event.product.price, event.product.currency, event.product.status],
      [product.sku, product.name, '1449.00', 'USD', 'active'],
    );
    assert.match(event.product.version, /^2026-11-26T07:30:00\.000Z#[0-9a-f]{12}$/);
  });

  it('so far: four audit records, two payments, one return, one product, no orders', async () => {
    assert.deepEqual(await counts(), {
      'clarity.webhook.v1': 4, 'commerce.order.v1': 0, 'commerce.payment.v1': 2, 'commerce.return.v1': 1, 'commerce.product.v1': 1,
    });
  });

  it('a return whose totals do not add up → 400 saying so, and nothing produced on any topic', async () => {
    const before = await counts();
    const [other] = sampleOrders(1, { seed: 84, startNumber: 84_001 });
    const honest = returnFor(other!, { scope: 'all' });
    const padded = { ...honest, returnId: `${honest.returnId}-x`, refundTotal: `${cents(honest.refundTotal).split('.')[0]}.${cents(honest.refundTotal).endsWith('9') ? '00' : '99'}` };
    const result = await stack.sender({ maxAttempts: 1 }).send(returnWebhookFor(padded));
    assert.equal(result.status, 400);
    const body = result.body as ErrorBody;
    assert.equal(body.error, 'invalid_payload');
    assert.equal(body.code, 'MAPPING.RETURN_TOTALS_MISMATCH');
    assert.match(body.message ?? '', new RegExp(`add up to ${cents(honest.refundTotal).replace('.', '\\.')}, Clarity refunds`));
    assert.deepEqual(body.issues?.map((issue) => issue.path), ['data.refundTotal']);
    await sleep(300);
    assert.deepEqual(await counts(), before);
  });
});
