import { CompressionTypes, type Consumer, type Kafka, type KafkaMessage, type Message, type Producer } from 'kafkajs';
import type { Logger, TributaryMetrics } from '@tributary/observability';
import type { OutgoingMessage } from '../producer/event-producer.js';

/** One fetched batch of one partition, handed to the transform. */
export interface TransactionalBatch {
  readonly topic: string;
  readonly partition: number;
  readonly messages: readonly KafkaMessage[];
}

export interface TransactionalProcessorOptions {
  kafka: Kafka;
  groupId: string;
  /**
   * Stable across restarts of this instance: a new producer with the same id fences the old one
   * and aborts its open transaction. kafkajs sends no group generation with the offsets (no
   * KIP-447), so run one instance per transactional id (the stateful projector is a singleton).
   */
  transactionalId: string;
  topics: readonly string[];
  /**
   * Folds a batch into staged state and returns what to produce. Must not make the staged state
   * visible: `commit` runs after Kafka committed the transaction, `rollback` after an abort.
   */
  transform: (batch: TransactionalBatch) => Promise<readonly OutgoingMessage[]>;
  commit: () => void;
  rollback: () => void;
  service: string;
  metrics: TributaryMetrics;
  log: Logger;
  sessionTimeoutMs?: number;
  transactionTimeoutMs?: number;
  /** Upper bound of one produce request inside a transaction (default 512 KiB). */
  maxRequestBytes?: number;
  /** Failure injection for tests: called between produce and commit (e.g. to crash there). */
  beforeCommit?: (batch: TransactionalBatch) => void | Promise<void>;
}

/**
 * Exactly-once consume → transform → produce within Kafka: per fetched batch, the outputs and the
 * consumed offsets are written in one transaction (`sendOffsets`), then committed; on any error
 * the transaction is aborted, the staged state dropped, and the batch consumed again. Consumers
 * downstream read with `read_committed`, so they never see an aborted output.
 */
export class TransactionalProcessor {
  private producer: Producer | undefined;
  private consumer: Consumer | undefined;
  private crashed: Error | undefined;
  private stopping = false;
  private committedBatches = 0;
  lastCommitAt = 0;

  constructor(private readonly options: TransactionalProcessorOptions) {}

  get healthy(): boolean {
    return this.crashed === undefined;
  }

  get batches(): number {
    return this.committedBatches;
  }

  /**
   * Connects the transactional producer first: that fences a previous incarnation and resolves
   * its open transaction, so the state topics can then be read to their end (read_committed).
   */
  async fence(): Promise<void> {
    const { kafka, transactionalId, transactionTimeoutMs } = this.options;
    const producer = kafka.producer({
      transactionalId,
      idempotent: true,
      maxInFlightRequests: 1,
      allowAutoTopicCreation: false,
      transactionTimeout: transactionTimeoutMs ?? 30_000,
    });
    await producer.connect();
    this.producer = producer;
  }

  async start(): Promise<void> {
    if (!this.producer) await this.fence();
    const { kafka, groupId, topics, log } = this.options;
    const consumer = kafka.consumer({
      groupId,
      readUncommitted: false,
      sessionTimeout: this.options.sessionTimeoutMs ?? 30_000,
      heartbeatInterval: Math.max(500, Math.floor((this.options.sessionTimeoutMs ?? 30_000) / 10)),
      maxWaitTimeInMs: 200,
      allowAutoTopicCreation: false,
      retry: { retries: 10 },
    });
    this.consumer = consumer;
    consumer.on(consumer.events.CRASH, ({ payload }) => {
      log.error({ error: payload.error.message, restart: payload.restart }, 'transactional consumer crashed');
      if (!payload.restart) this.crashed = payload.error;
    });
    await consumer.connect();
    for (const topic of topics) await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: 1, // one transaction at a time per producer (kafkajs #430)
      eachBatch: async ({ batch, resolveOffset, heartbeat, isRunning, isStale }) => {
        if (batch.messages.length === 0 || this.stopping || !isRunning() || isStale()) return;
        const last = batch.messages[batch.messages.length - 1]!.offset;
        await this.processBatch({ topic: batch.topic, partition: batch.partition, messages: batch.messages });
        resolveOffset(last);
        this.options.metrics.consumerLag.set({ group: groupId, topic: batch.topic, partition: String(batch.partition) }, Math.max(0, Number(BigInt(batch.highWatermark) - BigInt(last) - 1n)));
        await heartbeat();
      },
    });
  }

  private async processBatch(batch: TransactionalBatch): Promise<void> {
    const { options } = this;
    if (!this.producer) await this.fence();
    const producer = this.producer!;
    const started = performance.now();
    const transaction = await producer.transaction();
    try {
      const outputs = await options.transform(batch);
      // kafkajs sends one record batch per partition per request: keep each request well under the
      // broker's message.max.bytes (1 MB by default), or a large fold is refused as a whole.
      for (const chunk of chunksOf(outputs, options.maxRequestBytes ?? 512 * 1024)) {
        const byTopic = new Map<string, Message[]>();
        for (const message of chunk) {
          const list = byTopic.get(message.topic) ?? [];
          list.push({ key: message.key, value: message.value, headers: message.headers ?? {} });
          byTopic.set(message.topic, list);
        }
        await transaction.sendBatch({ acks: -1, compression: CompressionTypes.None, topicMessages: [...byTopic].map(([topic, messages]) => ({ topic, messages })) });
      }
      const next = (BigInt(batch.messages[batch.messages.length - 1]!.offset) + 1n).toString();
      await transaction.sendOffsets({ consumerGroupId: options.groupId, topics: [{ topic: batch.topic, partitions: [{ partition: batch.partition, offset: next }] }] });
      await options.beforeCommit?.(batch);
      await transaction.commit();
    } catch (error) {
      options.rollback();
      await transaction.abort().catch((abortError: unknown) => options.log.warn({ error: String(abortError) }, 'abort failed'));
      // After a failed produce the idempotent producer's sequence numbers may be unusable (kafkajs
      // #598, OUT_OF_ORDER_SEQUENCE_NUMBER): start over with a new producer, whose initialisation
      // fences this one and aborts whatever it left open.
      await this.recreateProducer(error);
      options.metrics.messages.inc({ service: options.service, topic: batch.topic, outcome: 'aborted' }, batch.messages.length);
      options.log.warn({ topic: batch.topic, partition: batch.partition, messages: batch.messages.length, error: error instanceof Error ? error.message : String(error) }, 'transaction aborted; the batch will be consumed again');
      throw error;
    }
    options.commit();
    options.log.debug({ topic: batch.topic, partition: batch.partition, messages: batch.messages.length, ms: Math.round(performance.now() - started) }, 'batch committed');
    this.committedBatches++;
    this.lastCommitAt = Date.now();
    options.metrics.messages.inc({ service: options.service, topic: batch.topic, outcome: 'done' }, batch.messages.length);
    options.metrics.processingSeconds.observe({ service: options.service, topic: batch.topic }, (performance.now() - started) / 1000);
  }

  private async recreateProducer(cause: unknown): Promise<void> {
    const old = this.producer;
    this.producer = undefined;
    await old?.disconnect().catch(() => undefined);
    try {
      await this.fence();
    } catch (error) {
      this.crashed = error instanceof Error ? error : new Error(String(error));
      this.options.log.error({ error: String(error), cause: String(cause) }, 'cannot re-create the transactional producer');
      throw error;
    }
  }

  async stop(): Promise<void> {
    this.stopping = true;
    await this.consumer?.disconnect();
    this.consumer = undefined;
    await this.producer?.disconnect();
    this.producer = undefined;
  }
}

const sizeOf = (message: OutgoingMessage): number => (message.value?.length ?? 0) + (typeof message.key === 'string' ? Buffer.byteLength(message.key) : message.key?.length ?? 0) + 64;

/** Splits outputs into requests of at most `maxBytes` (a single larger message goes alone). */
const chunksOf = (messages: readonly OutgoingMessage[], maxBytes: number): OutgoingMessage[][] => {
  const chunks: OutgoingMessage[][] = [];
  let current: OutgoingMessage[] = [];
  let bytes = 0;
  for (const message of messages) {
    const size = sizeOf(message);
    if (current.length > 0 && bytes + size > maxBytes) {
      chunks.push(current);
      current = [];
      bytes = 0;
    }
    current.push(message);
    bytes += size;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
};
