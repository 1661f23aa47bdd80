import type { IHeaders, KafkaMessage } from 'kafkajs';
import type { IntegrationError } from '@tributary/core';
import type { EventProducer } from '../producer/event-producer.js';
import { DeadLetterHeader } from './dead-letter-headers.js';

export interface DeadLetterContext {
  readonly sourceTopic: string;
  readonly partition: number;
  readonly pipeline: string;
  readonly stage: 'decode' | 'map' | 'deliver' | 'park';
  readonly attempts: number;
  readonly firstFailureAt: number;
}

/**
 * The fallback output of every pipeline: the original record plus error headers, written to
 * `dlq.<consumer-group>.v1`. Resolves only when Kafka acknowledged it, so the caller may commit.
 */
export class DeadLetterChannel {
  constructor(readonly topic: string, readonly consumerGroup: string, private readonly producer: EventProducer, private readonly clock: () => number = Date.now) {}

  async publish(message: KafkaMessage, error: IntegrationError, context: DeadLetterContext): Promise<void> {
    const headers: IHeaders = {
      ...message.headers,
      [DeadLetterHeader.originalTopic]: context.sourceTopic,
      [DeadLetterHeader.originalPartition]: String(context.partition),
      [DeadLetterHeader.originalOffset]: message.offset,
      [DeadLetterHeader.consumerGroup]: this.consumerGroup,
      [DeadLetterHeader.pipeline]: context.pipeline,
      [DeadLetterHeader.stage]: context.stage,
      [DeadLetterHeader.errorCode]: error.code,
      [DeadLetterHeader.errorMessage]: error.message.slice(0, 1000),
      [DeadLetterHeader.transient]: String(error.transient),
      [DeadLetterHeader.attempts]: String(context.attempts),
      [DeadLetterHeader.firstFailureAt]: new Date(context.firstFailureAt).toISOString(),
      [DeadLetterHeader.lastFailureAt]: new Date(this.clock()).toISOString(),
    };
    if (Object.keys(error.details).length > 0) headers[DeadLetterHeader.errorDetails] = safeJson(error.details).slice(0, 8000);
    await this.producer.send({ topic: this.topic, key: message.key, value: message.value, headers });
  }

  /** Records that a key's failure is resolved; later messages for it flow again. */
  async unpark(sourceTopic: string, key: string): Promise<void> {
    await this.producer.send({ topic: this.topic, key, value: null, headers: { [DeadLetterHeader.action]: 'unpark', [DeadLetterHeader.originalTopic]: sourceTopic } });
  }
}

const safeJson = (value: unknown): string => {
  try {
    return JSON.stringify(value);
  } catch {
    return '{"unserialisable":true}';
  }
};
