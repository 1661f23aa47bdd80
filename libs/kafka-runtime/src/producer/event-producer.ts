import { CompressionTypes, type Kafka, type Producer, type Message, type IHeaders } from 'kafkajs';
import { IntegrationError } from '@tributary/core';

export interface OutgoingMessage {
  readonly topic: string;
  readonly key: string | Buffer | null;
  readonly value: Buffer | null;
  readonly headers?: IHeaders;
}

export interface EventProducerOptions {
  /** How long a send waits for others to share its request (kafkajs has no linger.ms). */
  lingerMs?: number;
  /** A batch is sent at once when it reaches this many messages. */
  maxBatchSize?: number;
}

type Waiting = { message: OutgoingMessage; resolve: () => void; reject: (error: Error) => void };

/**
 * Idempotent producer with `acks=all`. Concurrent `send` calls are coalesced into one request
 * (a few ms of linger or a full batch), and each caller resolves only when the broker has
 * acknowledged its message: the ingress answers a webhook after that, never before.
 */
export class EventProducer {
  private readonly producer: Producer;
  private queue: Waiting[] = [];
  private timer: NodeJS.Timeout | undefined;
  private inFlight: Promise<void> = Promise.resolve();
  private readonly lingerMs: number;
  private readonly maxBatchSize: number;

  constructor(kafka: Kafka, options: EventProducerOptions = {}) {
    this.producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false });
    this.lingerMs = options.lingerMs ?? 2;
    this.maxBatchSize = options.maxBatchSize ?? 500;
  }

  connect(): Promise<void> {
    return this.producer.connect();
  }

  async disconnect(): Promise<void> {
    this.flushSoon(0);
    await this.inFlight;
    await this.producer.disconnect();
  }

  /** Resolves once the message is durably in Kafka (all in-sync replicas). */
  send(message: OutgoingMessage): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ message, resolve, reject });
      this.flushSoon(this.queue.length >= this.maxBatchSize ? 0 : this.lingerMs);
    });
  }

  sendAll(messages: readonly OutgoingMessage[]): Promise<void> {
    return Promise.all(messages.map((m) => this.send(m))).then(() => undefined);
  }

  private flushSoon(delayMs: number): void {
    if (this.timer && delayMs > 0) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      const batch = this.queue;
      this.queue = [];
      if (batch.length > 0) this.inFlight = this.inFlight.then(() => this.sendBatch(batch));
    }, delayMs);
  }

  private async sendBatch(batch: Waiting[]): Promise<void> {
    const byTopic = new Map<string, Message[]>();
    for (const { message } of batch) {
      const messages = byTopic.get(message.topic) ?? [];
      messages.push({ key: message.key, value: message.value, headers: message.headers ?? {} });
      byTopic.set(message.topic, messages);
    }
    try {
      await this.producer.sendBatch({
        acks: -1,
        compression: CompressionTypes.None,
        topicMessages: [...byTopic].map(([topic, messages]) => ({ topic, messages })),
      });
      for (const waiting of batch) waiting.resolve();
    } catch (error) {
      const failure = IntegrationError.transient('KAFKA.PRODUCE_FAILED', `produce failed: ${error instanceof Error ? error.message : String(error)}`, {}, error);
      for (const waiting of batch) waiting.reject(failure);
    }
  }
}
