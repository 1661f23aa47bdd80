import { randomUUID } from 'node:crypto';
import type { Kafka, KafkaMessage } from 'kafkajs';
import { retryKafka } from '../retry/retry-kafka.js';

/**
 * Reads a whole topic from the beginning up to the end offsets it had when called, then stops.
 * Used to rebuild state (the ledger, parked keys) from Kafka at start: no local database.
 */
export const readTopicToEnd = async (kafka: Kafka, topic: string, onMessage: (message: KafkaMessage, partition: number) => void): Promise<number> => {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const offsets = await retryKafka(() => admin.fetchTopicOffsets(topic));
    const remaining = new Map(offsets.filter((o) => BigInt(o.high) > BigInt(o.low)).map((o) => [o.partition, BigInt(o.high)]));
    if (remaining.size === 0) return 0;
    const groupId = `tributary-state-reader-${randomUUID()}`;
    const consumer = kafka.consumer({ groupId, maxWaitTimeInMs: 100, allowAutoTopicCreation: false });
    let count = 0;
    await consumer.connect();
    try {
      await consumer.subscribe({ topic, fromBeginning: true });
      await new Promise<void>((resolve, reject) => {
        consumer.on(consumer.events.CRASH, (event) => reject(event.payload.error));
        void consumer.run({
          autoCommit: false,
          eachBatch: async ({ batch }) => {
            for (const message of batch.messages) {
              const end = remaining.get(batch.partition);
              if (end === undefined || BigInt(message.offset) >= end) break;
              onMessage(message, batch.partition);
              count++;
              if (BigInt(message.offset) + 1n >= end) remaining.delete(batch.partition);
            }
            if (batch.isEmpty() && BigInt(batch.highWatermark) >= (remaining.get(batch.partition) ?? 0n)) remaining.delete(batch.partition);
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
