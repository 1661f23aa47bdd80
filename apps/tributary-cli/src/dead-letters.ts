import { deadLetterTopic } from '@tributary/canonical-model';
import { DeadLetterHeader, EventProducer, OperatorHeader, readTopicToEnd, createKafkaClient, kafkaSecurity } from '@tributary/kafka-runtime';
import type { Logger } from '@tributary/observability';
import type { IHeaders, KafkaMessage } from 'kafkajs';
import type { CommonEnv } from '@tributary/config';

export interface DeadLetterEntry {
  readonly partition: number;
  readonly offset: string;
  readonly key: string;
  readonly originalTopic: string;
  readonly code: string;
  readonly stage: string;
  readonly message: string;
  readonly attempts: string;
  readonly at: string;
  readonly raw: KafkaMessage;
}

const text = (message: KafkaMessage, name: string) => {
  const value = message.headers?.[name];
  return (Array.isArray(value) ? value[0] : value)?.toString() ?? '';
};

/** The entries of a consumer group's DLQ that are still open: after a key's last unpark marker. */
export const openDeadLetters = async (config: CommonEnv, log: Logger, group: string): Promise<{ topic: string; entries: DeadLetterEntry[] }> => {
  const kafka = createKafkaClient({ brokers: config.KAFKA_BROKERS, clientId: 'tributary-cli', logger: log, ...kafkaSecurity(config) });
  const topic = `${config.TOPIC_PREFIX}${deadLetterTopic(group).name}`;
  let entries: DeadLetterEntry[] = [];
  await readTopicToEnd(kafka, topic, (message, partition) => {
    const key = message.key?.toString() ?? '';
    if (text(message, DeadLetterHeader.action) === 'unpark') {
      entries = entries.filter((e) => e.key !== key);
      return;
    }
    entries.push({
      partition, offset: message.offset, key,
      originalTopic: text(message, DeadLetterHeader.originalTopic),
      code: text(message, DeadLetterHeader.errorCode),
      stage: text(message, DeadLetterHeader.stage),
      message: text(message, DeadLetterHeader.errorMessage),
      attempts: text(message, DeadLetterHeader.attempts),
      at: text(message, DeadLetterHeader.lastFailureAt),
      raw: message,
    });
  });
  return { topic, entries };
};

/**
 * Re-publishes a key's open dead letters to their original topic, in their original order, with
 * their original key, value and headers, then marks the key resolved. The first replayed message
 * lifts the key's parking; the others queue behind it, so order per key holds even if it fails again.
 */
export const replayDeadLetters = async (config: CommonEnv, log: Logger, group: string, key: string, options: { approveReview: boolean }): Promise<number> => {
  const { topic, entries } = await openDeadLetters(config, log, group);
  const mine = entries.filter((e) => e.key === key).sort((a, b) => Number(BigInt(a.offset) - BigInt(b.offset)));
  if (mine.length === 0) return 0;
  const kafka = createKafkaClient({ brokers: config.KAFKA_BROKERS, clientId: 'tributary-cli', logger: log, ...kafkaSecurity(config) });
  const producer = new EventProducer(kafka);
  await producer.connect();
  try {
    const originalTopic = mine[0]!.originalTopic;
    // One request: the replayed messages and the marker are acknowledged together, in order.
    await producer.sendAll([
      ...mine.map((entry, index) => {
        const headers: IHeaders = {};
        for (const [name, value] of Object.entries(entry.raw.headers ?? {})) if (!name.startsWith('x-dlq-') && value !== undefined) headers[name] = value;
        headers[OperatorHeader.replay] = index === 0 ? 'first' : 'follow';
        if (options.approveReview) headers['x-tributary-review'] = 'approved';
        return { topic: entry.originalTopic, key: entry.raw.key, value: entry.raw.value, headers };
      }),
      { topic, key, value: null, headers: { [DeadLetterHeader.action]: 'unpark', [DeadLetterHeader.originalTopic]: originalTopic } },
    ]);
  } finally {
    await producer.disconnect();
  }
  return mine.length;
};
