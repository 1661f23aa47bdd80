import type { Kafka, KafkaMessage } from 'kafkajs';
import { readCommittedToEnd } from '../transactional/read-committed-to-end.js';

/**
 * Reads a whole topic from the beginning up to the end offsets it had when called, then stops.
 * Used to rebuild state (the ledger, parked keys, checkpoints) from Kafka at start: no local
 * database. Ends also when a partition's last records are transaction markers or aborted records,
 * which a consumer never receives as messages.
 */
export const readTopicToEnd = (kafka: Kafka, topic: string, onMessage: (message: KafkaMessage, partition: number) => void): Promise<number> =>
  readCommittedToEnd(kafka, [topic], (_topic, messages, partition) => {
    for (const message of messages) onMessage(message, partition);
  });
