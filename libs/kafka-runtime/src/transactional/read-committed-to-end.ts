import { randomUUID } from 'node:crypto';
import type { Kafka, KafkaMessage } from 'kafkajs';
import { retryKafka } from '../retry/retry-kafka.js';

/**
 * Reads compacted state topics from the beginning to the end they had when called, with
 * `read_committed`: aborted records are never seen. Unlike `readTopicToEnd` this also ends when a
 * partition's last records are transaction markers (which a consumer never receives as messages):
 * progress is taken from the fetched batches' last offsets, markers included.
 *
 * The end is the high watermark, so open transactions on these topics must be resolved first: a
 * transactional producer fences (and aborts) its predecessor's transaction when it connects.
 */
export const readCommittedToEnd = async (
  kafka: Kafka,
  topics: readonly string[],
  onBatch: (topic: string, messages: KafkaMessage[], partition: number) => void | Promise<void>,
): Promise<number> => {
  const admin = kafka.admin();
  await admin.connect();
  const remaining = new Map<string, bigint>();
  try {
    for (const topic of topics) {
      const offsets = await retryKafka(() => admin.fetchTopicOffsets(topic));
      for (const o of offsets) if (BigInt(o.high) > BigInt(o.low)) remaining.set(`${topic}/${o.partition}`, BigInt(o.high));
    }
  } finally {
    await admin.disconnect();
  }
  if (remaining.size === 0) return 0;
  const groupId = `tributary-state-reader-${randomUUID()}`;
  const consumer = kafka.consumer({ groupId, maxWaitTimeInMs: 50, allowAutoTopicCreation: false, readUncommitted: false, maxBytesPerPartition: 4 * 1024 * 1024 });
  let count = 0;
  const advance = (topic: string, partition: number, lastOffset: string | null) => {
    const id = `${topic}/${partition}`;
    const end = remaining.get(id);
    if (end !== undefined && lastOffset !== null && BigInt(lastOffset) + 1n >= end) remaining.delete(id);
  };
  await consumer.connect();
  try {
    for (const topic of topics) await consumer.subscribe({ topic, fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      consumer.on(consumer.events.CRASH, (event) => reject(event.payload.error));
      // Emitted for every fetched batch, including one that held only markers or aborted records.
      consumer.on(consumer.events.END_BATCH_PROCESS, ({ payload }) => {
        advance(payload.topic, payload.partition, payload.lastOffset);
        if (remaining.size === 0) resolve();
      });
      void consumer.run({
        autoCommit: false,
        eachBatch: async ({ batch }) => {
          const end = remaining.get(`${batch.topic}/${batch.partition}`);
          if (end === undefined) return;
          const wanted = batch.messages.filter((m) => BigInt(m.offset) < end);
          count += wanted.length;
          if (wanted.length > 0) await onBatch(batch.topic, wanted, batch.partition);
        },
      }).catch(reject);
    });
  } finally {
    await consumer.disconnect();
    const cleanup = kafka.admin();
    await cleanup.connect().then(() => cleanup.deleteGroups([groupId])).catch(() => undefined).finally(() => cleanup.disconnect());
  }
  return count;
};
