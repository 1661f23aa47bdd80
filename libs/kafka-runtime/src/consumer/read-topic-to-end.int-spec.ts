import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Admin, Kafka, Producer } from 'kafkajs';
import { createLogger } from '@tributary/observability';
import { stackEnv, uniquePrefix } from '@tributary/testing';
import { createKafkaClient } from '../kafka-client.js';
import { readTopicToEnd } from './read-topic-to-end.js';

const values = (n: number, tag: string) => Array.from({ length: n }, (_, i) => ({ key: `k${i % 5}`, value: `${tag}-${i}` }));

describe('readTopicToEnd against the real broker', () => {
  const env = stackEnv();
  const prefix = uniquePrefix();
  let kafka: Kafka;
  let admin: Admin;
  let producer: Producer;

  const topic = async (name: string) => {
    const full = `${prefix}${name}`;
    await admin.createTopics({ topics: [{ topic: full, numPartitions: 3, replicationFactor: 1 }], waitForLeaders: true });
    return full;
  };
  const readAll = async (name: string) => {
    const seen: string[] = [];
    const count = await readTopicToEnd(kafka, name, (message, partition) => {
      assert.ok(partition >= 0 && partition < 3);
      seen.push(message.value!.toString());
    });
    assert.equal(count, seen.length);
    return seen.sort();
  };

  before(async () => {
    kafka = createKafkaClient({ brokers: env['KAFKA_BROKERS']!.split(','), clientId: 'read-to-end-spec', logger: createLogger('read-to-end-spec', 'silent') });
    admin = kafka.admin();
    await admin.connect();
    producer = kafka.producer({ idempotent: true });
    await producer.connect();
  });
  after(async () => {
    await producer?.disconnect();
    await admin?.disconnect();
  });

  it('reads every partition to the end it had when called, and nothing produced after', async () => {
    const name = await topic('plain');
    await producer.send({ topic: name, messages: values(30, 'a') });
    const seen = await readAll(name);
    assert.deepEqual(seen, values(30, 'a').map((v) => v.value).sort());
    assert.equal(await readTopicToEnd(kafka, await topic('empty'), () => assert.fail('an empty topic has no messages')), 0);
  });

  it('ends when the last records are transaction markers, and skips aborted records (it hung here before)', async () => {
    const name = await topic('transactional');
    const transactional = kafka.producer({ transactionalId: `${prefix}read-to-end`, idempotent: true, maxInFlightRequests: 1 });
    await transactional.connect();
    try {
      const committed = await transactional.transaction();
      await committed.send({ topic: name, messages: values(12, 'committed') });
      await committed.commit();
      const aborted = await transactional.transaction();
      await aborted.send({ topic: name, messages: values(6, 'aborted') });
      await aborted.abort();
    } finally {
      await transactional.disconnect();
    }
    // Every partition now ends with a COMMIT or ABORT marker, which no consumer receives as a message.
    const seen = await readAll(name);
    assert.deepEqual(seen, values(12, 'committed').map((v) => v.value).sort());
  });
});
