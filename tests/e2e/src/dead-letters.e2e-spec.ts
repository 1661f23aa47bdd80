import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Consumer, KafkaMessage } from 'kafkajs';
import { DeadLetterHeader } from '@tributary/kafka-runtime';
import { TributaryMetrics } from '@tributary/observability';
import { sampleOrders, webhookFor } from '@tributary/simulator-clarity';
import { waitFor } from '@tributary/testing';
import { E2eStack } from './e2e-stack.js';

describe('permanent failures and poison messages go to the dead letter topic', () => {
  let stack: E2eStack;
  let consumer: Consumer;
  const dead: KafkaMessage[] = [];
  before(async () => {
    stack = await E2eStack.start();
    consumer = stack.kafka.consumer({ groupId: `${stack.env['TOPIC_PREFIX']}dlq-observer`, maxWaitTimeInMs: 100 });
    await consumer.connect();
    await consumer.subscribe({ topic: stack.topic('dlq.intacct-sink.v1'), fromBeginning: true });
    await consumer.run({ eachMessage: async ({ message }) => { dead.push(message); } });
  });
  after(async () => { await consumer.disconnect(); await stack.stop(); });
  const header = (message: KafkaMessage, name: string) => message.headers?.[name]?.toString();

  it('dead-letters an order Intacct rejects (retired item), with its headers, continues with the next order, and counts it', async () => {
    const [rejected, next] = sampleOrders(2, { seed: 41, startNumber: 50_000 });
    rejected!.lineItems[0]!.sku = 'TRB-LEGACY-BUNDLE';
    const results = await stack.sender().sendMany([webhookFor(rejected!), webhookFor(next!)]);
    assert.deepEqual(results.map((r) => r.status), [202, 202]);

    const message = await waitFor(() => dead.find((m) => m.key?.toString() === rejected!.orderId), { what: 'the rejected order in the DLQ' });
    assert.equal(header(message, DeadLetterHeader.errorCode), 'INTACCT.BUSINESS_ERROR');
    assert.match(header(message, DeadLetterHeader.errorMessage) ?? '', /BL01001973/);
    assert.equal(header(message, DeadLetterHeader.transient), 'false');
    assert.equal(header(message, DeadLetterHeader.originalTopic), stack.topic('commerce.order.v1'));
    assert.equal(header(message, DeadLetterHeader.consumerGroup), 'intacct-sink');
    assert.equal(header(message, DeadLetterHeader.stage), 'deliver');
    assert.ok(header(message, DeadLetterHeader.originalOffset) !== undefined);
    assert.ok(header(message, DeadLetterHeader.attempts));
    assert.ok(header(message, DeadLetterHeader.firstFailureAt) && header(message, DeadLetterHeader.lastFailureAt));
    assert.ok(header(message, 'correlation-id'));
    assert.equal(header(message, 'event-type'), 'order.created');

    await waitFor(() => stack.intacct.documents().some((d) => d.referenceNo === (next!.orderNumber ?? next!.orderId)), { what: 'the next order in Intacct' });
    const metrics = await stack.sink!.get(TributaryMetrics).registry.getSingleMetricAsString('tributary_dlq_messages_total');
    assert.match(metrics, /code="INTACCT.BUSINESS_ERROR"[^}]*} 1/);
  });

  it('sends an order with an unknown SKU to review (UNMAPPED_SKU with suggestions) instead of guessing', async () => {
    const [order] = sampleOrders(1, { seed: 43, startNumber: 52_000 });
    order!.lineItems[0]!.sku = 'TRB-MUG-14OZ';
    await stack.sender().send(webhookFor(order!));
    const message = await waitFor(() => dead.find((m) => m.key?.toString() === order!.orderId), { what: 'the unmapped order in the DLQ' });
    assert.equal(header(message, DeadLetterHeader.errorCode), 'MAPPING.UNMAPPED_SKU');
    assert.equal(header(message, DeadLetterHeader.stage), 'map');
    const details = JSON.parse(header(message, DeadLetterHeader.errorDetails) ?? '{}') as { sku?: string; suggestions?: Array<{ itemId: string }> };
    assert.equal(details.sku, 'TRB-MUG-14OZ');
    assert.equal(details.suggestions?.[0]?.itemId, 'MUG-12OZ');
    assert.ok(!stack.intacct.documents().some((d) => d.referenceNo === (order!.orderNumber ?? order!.orderId)), 'nothing half-applied in Intacct');
  });

  it('dead-letters undecodable bytes on commerce.order.v1 without crashing, and keeps flowing', async () => {
    const producer = stack.kafka.producer();
    await producer.connect();
    await producer.send({ topic: stack.topic('commerce.order.v1'), messages: [
      { key: 'poison-1', value: Buffer.from([0, 0, 0, 0, 1, 0xfe, 0xff, 0xff, 0xff, 0x0f]) },
      { key: 'poison-2', value: Buffer.from('{"orderId":"not avro"}') },
    ] });
    await producer.disconnect();
    const [order] = sampleOrders(1, { seed: 42, startNumber: 51_000 });
    await stack.sender().send(webhookFor(order!));

    await waitFor(() => dead.filter((m) => m.key?.toString().startsWith('poison-')).length === 2, { what: 'both poison messages in the DLQ' });
    for (const message of dead.filter((m) => m.key?.toString().startsWith('poison-'))) {
      assert.equal(header(message, DeadLetterHeader.stage), 'decode');
      assert.match(header(message, DeadLetterHeader.errorCode) ?? '', /^DECODE\./);
    }
    assert.deepEqual(dead.find((m) => m.key?.toString() === 'poison-2')?.value, Buffer.from('{"orderId":"not avro"}'), 'original bytes kept');
    await waitFor(() => stack.intacct.documents().some((d) => d.referenceNo === (order!.orderNumber ?? order!.orderId)), { what: 'the order after the poison' });
  });
});
