import { randomUUID } from 'node:crypto';
import type { Kafka, KafkaMessage } from 'kafkajs';
import { retryKafka } from '../retry/retry-kafka.js';

/**
 * Reads the messages of a topic written between two times (broker timestamps), from the
 * offsets at `fromMs` up to the end offsets at the time of the call, then stops. For operator
 * tools (reconciliation, re-processing); it never commits anything for a real consumer group.
 */
export const readTopicRange = async (kafka: Kafka, topic: string, range: { fromMs: number; toMs: number }, onMessage: (message: KafkaMessage, partition: number) => void): Promise<number> => {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const [starts, ends] = await Promise.all([
      retryKafka(() => admin.fetchTopicOffsetsByTimestamp(topic, range.fromMs)),
      retryKafka(() => admin.fetchTopicOffsets(topic)),
    ]);
    const remaining = new Map<number, { from: bigint; end: bigint }>();
    for (const end of ends) {
      const start = BigInt(starts.find((s) => s.partition === end.partition)?.offset ?? end.high);
      const from = start < 0n ? BigInt(end.high) : start;
      if (from < BigInt(end.high)) remaining.set(end.partition, { from, end: BigInt(end.high) });
    }
    if (remaining.size === 0) return 0;
    const groupId = `tributary-range-reader-${randomUUID()}`;
    const consumer = kafka.consumer({ groupId, maxWaitTimeInMs: 100, allowAutoTopicCreation: false });
    let count = 0;
    await consumer.connect();
    try {
      await consumer.subscribe({ topic, fromBeginning: true });
      await new Promise<void>((resolve, reject) => {
        consumer.on(consumer.events.CRASH, (event) => reject(event.payload.error));
        consumer.on(consumer.events.GROUP_JOIN, () => {
          for (const [partition, { from }] of remaining) consumer.seek({ topic, partition, offset: from.toString() });
        });
        void consumer.run({
          autoCommit: false,
          eachBatch: async ({ batch }) => {
            const window = remaining.get(batch.partition);
            if (!window) return;
            for (const message of batch.messages) {
              const offset = BigInt(message.offset);
              if (offset < window.from) continue;
              if (offset >= window.end) break;
              if (Number(message.timestamp) <= range.toMs && Number(message.timestamp) >= range.fromMs) {
                onMessage(message, batch.partition);
                count++;
              }
              if (offset + 1n >= window.end) remaining.delete(batch.partition);
            }
            if (remaining.size === 0) resolve();
          },
        }).catch(reject);
      });
    } finally {
      await consumer.disconnect();
      await admin.deleteGroups([groupId]).catch(() => undefined);
    }
    return count;
  } finally {
    await admin.disconnect();
  }
};
