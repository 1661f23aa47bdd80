import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { commonEnvSchema, loadConfig } from '@tributary/config';
import { createLogger, TributaryMetrics } from '@tributary/observability';
import { sleep, stackEnv, waitFor } from '@tributary/testing';
import { KafkaRuntime } from '../kafka-runtime.js';
import { DeadLetterChannel } from '../dead-letter/dead-letter-channel.js';
import { ParkingLot } from '../dead-letter/parking-lot.js';
import type { AvroEventCodec } from '../codec/event-codec.js';
import { PipelineRunner } from './pipeline-runner.js';
import type { PipelineMessage } from './pipeline.js';

type Step = { id: string; key: string; seq: number };
const schema = { type: 'record', name: 'KeyedStep', namespace: 'test', fields: [{ name: 'id', type: 'string' }, { name: 'key', type: 'string' }, { name: 'seq', type: 'int' }] };
// One partition per scenario: every key shares it, so only key lanes can run them side by side.
const sources = ['a', 'b'].map((s) => ({ name: `test.keyed-${s}.v1`, partitions: 1, cleanupPolicy: 'delete' as const, retentionMs: 3_600_000 }));
const dlq = { name: 'dlq.test-keyed.v1', partitions: 1, cleanupPolicy: 'delete' as const, retentionMs: 3_600_000 };
const KEY_CONCURRENCY = 4;

describe('PipelineRunner with several keys in flight per partition (keyConcurrency)', () => {
  const env = stackEnv();
  const config = loadConfig(commonEnvSchema, env);
  const log = createLogger('test-keyed', 'silent');
  let runtime: KafkaRuntime;
  let codec: AvroEventCodec<Step>;
  const runners: PipelineRunner[] = [];
  const handled: Step[] = [];
  const gates = new Map<string, { wait: Promise<void>; open: () => void }>();
  let inFlight = 0;
  let maxInFlight = 0;

  before(async () => {
    runtime = await KafkaRuntime.start({ service: 'test-keyed', config, log, topics: [...sources, dlq] });
    codec = await runtime.codec<Step>(sources[0]!, schema);
  });
  after(async () => {
    for (const gate of gates.values()) gate.open();
    for (const runner of runners) await runner.stop();
    await runtime.close();
  });

  /** A runner on its own group, started once the scenario's messages are all on the topic (one fetched batch). */
  const startRunner = async (source: (typeof sources)[number], groupId: string) => {
    const runner = new PipelineRunner({
      kafka: runtime.kafka, groupId, service: 'test-keyed',
      deadLetters: new DeadLetterChannel(runtime.topic(dlq).name, 'test-keyed', runtime.producer),
      parkingLot: await ParkingLot.load(runtime.kafka, runtime.topic(dlq).name),
      retryPolicy: { maxAttempts: 3, initialDelayMs: 20, maxDelayMs: 50, probeIntervalMs: 100 },
      metrics: new TributaryMetrics('test-keyed', { defaultMetrics: false }), log, keyConcurrency: KEY_CONCURRENCY,
    });
    runner.add<Step>({
      name: 'test-keyed', source: runtime.topic(source), codec, system: 'test-erp',
      handle: async (message: PipelineMessage<Step>) => {
        inFlight += 1;
        maxInFlight = Math.max(maxInFlight, inFlight);
        try {
          await (gates.get(message.value.id)?.wait ?? sleep(20));
          handled.push(message.value);
          return { kind: 'done', ref: message.value.id };
        } finally {
          inFlight -= 1;
        }
      },
    });
    runners.push(runner);
    await runner.start();
  };
  const publish = async (source: (typeof sources)[number], steps: Step[]) => {
    for (const s of steps) await runtime.producer.send({ topic: runtime.topic(source).name, key: s.key, value: codec.encode(s) });
  };
  const committed = async (source: (typeof sources)[number], groupId: string): Promise<number> => {
    const admin = runtime.kafka.admin();
    await admin.connect();
    try {
      const [topic] = await admin.fetchOffsets({ groupId, topics: [runtime.topic(source).name] });
      return Number(topic?.partitions[0]?.offset ?? -1);
    } finally {
      await admin.disconnect();
    }
  };

  it('runs different keys of one partition side by side, each key in order, and commits to the end', async () => {
    const [source] = sources as [(typeof sources)[number]];
    const groupId = `${config.TOPIC_PREFIX}test-keyed-a`;
    const steps = Array.from({ length: 40 }, (_, i) => ({ id: `s${i}`, key: `key-${i % 8}`, seq: Math.floor(i / 8) }));
    await publish(source, steps);
    await startRunner(source, groupId);
    await waitFor(() => handled.length >= steps.length, { what: 'every step handled', timeoutMs: 30_000 });
    for (let k = 0; k < 8; k++) {
      assert.deepEqual(handled.filter((s) => s.key === `key-${k}`).map((s) => s.seq), [0, 1, 2, 3, 4], `key-${k} in order`);
    }
    assert.ok(maxInFlight > 1 && maxInFlight <= KEY_CONCURRENCY, `up to ${KEY_CONCURRENCY} keys in flight (saw ${maxInFlight})`);
    await waitFor(async () => (await committed(source, groupId)) === steps.length, { what: 'the offset committed to the end', timeoutMs: 10_000 });
  });

  it('never commits past a message still in flight, though later keys are done; commits them all once it finishes', async () => {
    const source = sources[1]!;
    const groupId = `${config.TOPIC_PREFIX}test-keyed-b`;
    let open!: () => void;
    gates.set('slow-0', { wait: new Promise<void>((resolve) => { open = resolve; }), open: () => open() });
    const steps = [{ id: 'slow-0', key: 'slow', seq: 0 }, ...Array.from({ length: 12 }, (_, i) => ({ id: `fast-${i}`, key: `fast-${i % 3}`, seq: Math.floor(i / 3) }))];
    await publish(source, steps);
    await startRunner(source, groupId);
    await waitFor(() => steps.slice(1).every((s) => handled.some((h) => h.id === s.id)), { what: 'the fast keys handled past the slow one', timeoutMs: 30_000 });
    await sleep(500);
    assert.ok((await committed(source, groupId)) <= 0, 'nothing committed past the slow message: a crash now would redo it');
    assert.ok(!handled.some((h) => h.id === 'slow-0'));
    gates.get('slow-0')!.open();
    await waitFor(async () => (await committed(source, groupId)) === steps.length, { what: 'everything committed once the slow message is done', timeoutMs: 10_000 });
  });
});
