import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { IntegrationError } from '@tributary/core';
import { commonEnvSchema, loadConfig } from '@tributary/config';
import { createLogger, TributaryMetrics } from '@tributary/observability';
import { stackEnv, waitFor } from '@tributary/testing';
import type { Consumer, KafkaMessage } from 'kafkajs';
import { KafkaRuntime } from '../kafka-runtime.js';
import { DeadLetterChannel } from '../dead-letter/dead-letter-channel.js';
import { DeadLetterHeader, PARKED_CODE } from '../dead-letter/dead-letter-headers.js';
import { ParkingLot } from '../dead-letter/parking-lot.js';
import type { AvroEventCodec } from '../codec/event-codec.js';
import { PipelineRunner } from './pipeline-runner.js';
import { OutcomeRecorder, type OutcomeRecord } from './outcome-recorder.js';
import { OperatorHeader } from '../dead-letter/dead-letter-headers.js';
import type { PipelineMessage, PipelineOutcome } from './pipeline.js';

type Payment = { id: string; amount: string };
const schema = {
  type: 'record', name: 'PaymentCaptured', namespace: 'test', fields: [
    { name: 'id', type: 'string' },
    { name: 'amount', type: { type: 'bytes', logicalType: 'decimal', precision: 14, scale: 2 } },
  ],
};
const source = { name: 'test.payment.v1', partitions: 2, cleanupPolicy: 'delete' as const, retentionMs: 3_600_000 };
const dlq = { name: 'dlq.test-sink.v1', partitions: 1, cleanupPolicy: 'delete' as const, retentionMs: 3_600_000 };

describe('PipelineRunner against the real broker', () => {
  const env = stackEnv();
  const config = loadConfig(commonEnvSchema, env);
  const log = createLogger('test-sink', 'silent');
  let runtime: KafkaRuntime;
  let codec: AvroEventCodec<Payment>;
  let runner: PipelineRunner;
  let metrics: TributaryMetrics;
  let reader: Consumer;
  const handled: string[] = [];
  const behaviour = new Map<string, (attempt: number) => PipelineOutcome>();
  const dlqMessages: KafkaMessage[] = [];
  const outcomes: OutcomeRecord[] = [];

  before(async () => {
    runtime = await KafkaRuntime.start({ service: 'test-sink', config, log, topics: [source, dlq] });
    codec = await runtime.codec<Payment>(source, schema);
    metrics = new TributaryMetrics('test-sink', { defaultMetrics: false });
    const deadLetters = new DeadLetterChannel(runtime.topic(dlq).name, 'test-sink', runtime.producer);
    runner = new PipelineRunner({
      kafka: runtime.kafka, groupId: `${config.TOPIC_PREFIX}test-sink`, service: 'test-sink', deadLetters,
      parkingLot: await ParkingLot.load(runtime.kafka, runtime.topic(dlq).name),
      retryPolicy: { maxAttempts: 3, initialDelayMs: 20, maxDelayMs: 50, probeIntervalMs: 100 }, metrics, log,
      outcomes: new OutcomeRecorder('outcomes', { encode: (o) => Buffer.from(JSON.stringify(o)) }, { send: async (m) => { outcomes.push(JSON.parse(m.value!.toString()) as OutcomeRecord); } }, log),
    });
    runner.add<Payment>({
      name: 'test-payments', source: runtime.topic(source), codec, system: 'test-erp',
      handle: async (message: PipelineMessage<Payment>, { attempt }) => {
        const outcome = behaviour.get(message.value.id)?.(attempt) ?? { kind: 'done', ref: `doc-${message.value.id}` };
        handled.push(`${message.value.id}:${message.value.amount}`);
        return outcome;
      },
    });
    await runner.start();
    reader = runtime.kafka.consumer({ groupId: `${config.TOPIC_PREFIX}dlq-reader`, maxWaitTimeInMs: 100 });
    await reader.connect();
    await reader.subscribe({ topic: runtime.topic(dlq).name, fromBeginning: true });
    await reader.run({ eachMessage: async ({ message }) => { dlqMessages.push(message); } });
  });

  after(async () => {
    await reader.disconnect();
    await runner.stop();
    await runtime.close();
  });

  const publish = (key: string, value: Buffer | null) => runtime.producer.send({ topic: runtime.topic(source).name, key, value, headers: { 'correlation-id': `corr-${key}` } });
  const header = (message: KafkaMessage, name: string) => message.headers?.[name]?.toString();

  it('handles a decoded message and commits it (exact decimal reaches the handler)', async () => {
    await publish('k1', codec.encode({ id: 'p1', amount: '10.10' }));
    await waitFor(() => handled.includes('p1:10.10'), { what: 'p1 handled' });
  });

  it('records each finished message on the outcome channel (outcome, ref, correlation id)', async () => {
    await publish('k-outcome', codec.encode({ id: 'p-outcome', amount: '1.00' }));
    const record = await waitFor(() => outcomes.find((o) => o.key === 'k-outcome'), { what: 'the outcome of p-outcome' });
    assert.equal(record.outcome, 'done');
    assert.equal(record.ref, 'doc-p-outcome');
    assert.equal(record.correlationId, 'corr-k-outcome');
    assert.equal(record.service, 'test-sink');
    assert.equal(record.pipeline, 'test-payments');
  });

  it('skips a window replay meant for another consumer group and handles one meant for it', async () => {
    const replay = (key: string, id: string, group: string) => runtime.producer.send({ topic: runtime.topic(source).name, key, value: codec.encode({ id, amount: '2.00' }), headers: { [OperatorHeader.replayFor]: group } });
    await replay('k-other', 'p-other', 'some-other-sink');
    await replay('k-mine', 'p-mine', 'test-sink');
    await waitFor(() => handled.includes('p-mine:2.00'), { what: 'the replay for this group handled' });
    assert.ok(!handled.includes('p-other:2.00'), 'the replay for another group is not handled');
    assert.ok(!outcomes.some((o) => o.key === 'k-other'), 'nor recorded');
  });

  it('retries transient failures, opens the circuit when they persist, and closes it when the system answers', async () => {
    behaviour.set('p2', (attempt) => {
      if (attempt <= 5) throw IntegrationError.transient('TEST.UNAVAILABLE', 'ERP down');
      return { kind: 'done', ref: 'doc-p2' };
    });
    await publish('k2', codec.encode({ id: 'p2', amount: '1.00' }));
    await waitFor(async () => (await metrics.registry.getSingleMetricAsString('tributary_circuit_open')).match(/system="test-erp"[^}]*} 1/), { what: 'circuit open', timeoutMs: 10_000, intervalMs: 10 });
    await waitFor(() => handled.includes('p2:1.00'), { what: 'p2 handled after recovery' });
    assert.match(await metrics.registry.getSingleMetricAsString('tributary_circuit_open'), /system="test-erp"[^}]*} 0/);
    assert.equal(dlqMessages.filter((m) => m.key?.toString() === 'k2').length, 0, 'a transient failure must never reach the DLQ');
  });

  it('dead-letters a permanent failure with the original bytes and error headers, then moves on', async () => {
    behaviour.set('p3', () => { throw IntegrationError.permanent('TEST.REJECTED', 'customer on credit hold'); });
    const original = codec.encode({ id: 'p3', amount: '99.99' });
    await publish('k3', original);
    await publish('k4', codec.encode({ id: 'p4', amount: '4.00' }));
    const dead = await waitFor(() => dlqMessages.find((m) => m.key?.toString() === 'k3'), { what: 'p3 in the DLQ' });
    assert.deepEqual(dead.value, original);
    assert.equal(header(dead, DeadLetterHeader.originalTopic), runtime.topic(source).name);
    assert.equal(header(dead, DeadLetterHeader.errorCode), 'TEST.REJECTED');
    assert.equal(header(dead, DeadLetterHeader.errorMessage), 'customer on credit hold');
    assert.equal(header(dead, DeadLetterHeader.transient), 'false');
    assert.equal(header(dead, DeadLetterHeader.consumerGroup), 'test-sink');
    assert.equal(header(dead, DeadLetterHeader.stage), 'deliver');
    assert.equal(header(dead, 'correlation-id'), 'corr-k3');
    assert.ok(header(dead, DeadLetterHeader.originalOffset));
    assert.ok(header(dead, DeadLetterHeader.firstFailureAt));
    await waitFor(() => handled.includes('p4:4.00'), { what: 'next message handled' });
    assert.match(await metrics.registry.getSingleMetricAsString('tributary_dlq_messages_total'), /code="TEST.REJECTED"[^}]*} 1/);
  });

  it('parks later messages of a key that has a message in the DLQ', async () => {
    await publish('k3', codec.encode({ id: 'p3-update', amount: '100.00' }));
    const parked = await waitFor(() => dlqMessages.find((m) => header(m, DeadLetterHeader.errorCode) === PARKED_CODE), { what: 'parked message' });
    assert.equal(parked.key?.toString(), 'k3');
    assert.ok(!handled.includes('p3-update:100.00'), 'a parked message must not reach the handler');
  });

  it('sends undecodable bytes (poison) to the DLQ without crashing and keeps consuming', async () => {
    const poison = Buffer.from([0, 0, 0, 0, 1, 0xfe, 0xff, 0xff, 0xff, 0x0f, 0x01]);
    await publish('k5', poison);
    await publish('k5', Buffer.from('not avro at all'));
    await publish('k6', codec.encode({ id: 'p6', amount: '6.00' }));
    await waitFor(() => dlqMessages.filter((m) => m.key?.toString() === 'k5').length >= 1, { what: 'poison in DLQ' });
    const codes = dlqMessages.filter((m) => m.key?.toString() === 'k5').map((m) => header(m, DeadLetterHeader.errorCode));
    assert.ok(codes[0]?.startsWith('DECODE.'), `got ${codes[0]}`);
    assert.equal(header(dlqMessages.find((m) => m.key?.toString() === 'k5')!, DeadLetterHeader.stage), 'decode');
    await waitFor(() => handled.includes('p6:6.00'), { what: 'message after the poison handled' });
    assert.ok(runner.healthy);
  });

  it('rebuilds parked keys from the DLQ topic after a restart', async () => {
    const lot = await ParkingLot.load(runtime.kafka, runtime.topic(dlq).name);
    assert.ok(lot.isParked(runtime.topic(source).name, 'k3'));
    assert.ok(!lot.isParked(runtime.topic(source).name, 'k1'));
  });
});
