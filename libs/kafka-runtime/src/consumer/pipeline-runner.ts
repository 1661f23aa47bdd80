import type { Batch, Consumer, Kafka, KafkaMessage } from 'kafkajs';
import { asIntegrationError, retryAfterMs, IntegrationError } from '@tributary/core';
import type { Logger, TributaryMetrics } from '@tributary/observability';
import type { Decoded } from '../codec/event-codec.js';
import type { DeadLetterChannel } from '../dead-letter/dead-letter-channel.js';
import { OperatorHeader, PARKED_CODE } from '../dead-letter/dead-letter-headers.js';
import type { ParkingLot } from '../dead-letter/parking-lot.js';
import { fullJitterDelay, type RetryPolicy } from '../retry/retry-policy.js';
import { CircuitBreaker } from './circuit-breaker.js';
import { headersAsText, type PipelineDefinition, type PipelineOutcome } from './pipeline.js';

export interface PipelineRunnerOptions {
  kafka: Kafka;
  groupId: string;
  service: string;
  deadLetters: DeadLetterChannel;
  parkingLot: ParkingLot;
  retryPolicy: RetryPolicy;
  metrics: TributaryMetrics;
  log: Logger;
  /** Partitions handled at the same time (order is kept within each). */
  concurrency?: number;
}

class Stopped extends Error {}

type Batchctl = { heartbeat: () => Promise<void>; isRunning: () => boolean; isStale: () => boolean };

/**
 * Runs a service's pipelines on one consumer group: consume → decode → (park) → handle →
 * record outcome → commit. An offset is committed only after the effect is done or the message
 * is acknowledged in the dead letter topic. Transient failures never drain into the DLQ.
 */
export class PipelineRunner {
  private consumer: Consumer | undefined;
  private readonly pipelines = new Map<string, PipelineDefinition<unknown>>();
  private readonly circuit: CircuitBreaker;
  private stopping = false;
  private crashed: Error | undefined;

  constructor(private readonly options: PipelineRunnerOptions) {
    this.circuit = new CircuitBreaker(options.metrics, options.log);
  }

  add<T>(pipeline: PipelineDefinition<T>): this {
    this.pipelines.set(pipeline.source.name, pipeline as PipelineDefinition<unknown>);
    this.circuit.register(pipeline.system);
    return this;
  }

  /** Live unless the consumer crashed for good. */
  get healthy(): boolean {
    return this.crashed === undefined;
  }

  async start(): Promise<void> {
    const { kafka, groupId } = this.options;
    const consumer = kafka.consumer({
      groupId,
      sessionTimeout: 30_000,
      heartbeatInterval: 3_000,
      maxWaitTimeInMs: 500,
      allowAutoTopicCreation: false,
      retry: { retries: 10 },
    });
    this.consumer = consumer;
    consumer.on(consumer.events.CRASH, ({ payload }) => {
      this.options.log.error({ error: payload.error.message, restart: payload.restart }, 'consumer crashed');
      if (!payload.restart) this.crashed = payload.error;
    });
    await consumer.connect();
    for (const topic of this.pipelines.keys()) await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: this.options.concurrency ?? 1,
      eachBatch: async ({ batch, resolveOffset, heartbeat, isRunning, isStale }) => {
        const pipeline = this.pipelines.get(batch.topic);
        if (!pipeline) return;
        await this.processBatch(pipeline, batch, resolveOffset, { heartbeat, isRunning, isStale });
      },
    });
  }

  async stop(): Promise<void> {
    this.stopping = true;
    await this.consumer?.disconnect();
    this.consumer = undefined;
  }

  private async processBatch(pipeline: PipelineDefinition<unknown>, batch: Batch, resolveOffset: (offset: string) => void, ctl: Batchctl): Promise<void> {
    const decoded = await pipeline.codec.decodeMany(batch.messages.map((m) => m.value));
    for (const [index, message] of batch.messages.entries()) {
      if (this.stopping || !ctl.isRunning() || ctl.isStale()) return;
      const started = performance.now();
      try {
        const outcome = await this.processMessage(pipeline, batch, message, decoded[index]!, ctl);
        this.options.metrics.messages.inc({ service: this.options.service, topic: batch.topic, outcome });
      } catch (error) {
        if (error instanceof Stopped) return;
        throw error;
      }
      resolveOffset(message.offset);
      await this.consumer?.commitOffsets([{ topic: batch.topic, partition: batch.partition, offset: (BigInt(message.offset) + 1n).toString() }]);
      this.options.metrics.processingSeconds.observe({ service: this.options.service, topic: batch.topic }, (performance.now() - started) / 1000);
      this.options.metrics.consumerLag.set({ group: this.options.groupId, topic: batch.topic, partition: String(batch.partition) }, Math.max(0, Number(BigInt(batch.highWatermark) - BigInt(message.offset) - 1n)));
      await ctl.heartbeat();
    }
  }

  /** Returns the outcome label once the message is done with (effect or DLQ); throws Stopped to leave it uncommitted. */
  private async processMessage(pipeline: PipelineDefinition<unknown>, batch: Batch, message: KafkaMessage, decoded: Decoded<unknown>, ctl: Batchctl): Promise<string> {
    const key = message.key?.toString() ?? '';
    const headers = headersAsText(message.headers);
    const correlationId = headers['correlation-id'] ?? `${batch.topic}/${batch.partition}/${message.offset}`;
    const log = this.options.log.child({ correlationId, topic: batch.topic, partition: batch.partition, offset: message.offset, key });
    const deadLetter = async (error: IntegrationError, stage: 'decode' | 'map' | 'deliver' | 'park', attempts: number, firstFailureAt: number) => {
      await this.options.deadLetters.publish(message, error, { sourceTopic: batch.topic, partition: batch.partition, pipeline: pipeline.name, stage, attempts, firstFailureAt });
      this.options.parkingLot.park(batch.topic, key);
      this.options.metrics.dlqMessages.inc({ service: this.options.service, topic: batch.topic, code: error.code });
      log.warn({ code: error.code, error: error.message, stage, attempts }, 'message dead-lettered');
    };

    if (!decoded.ok) {
      await deadLetter(decoded.error, 'decode', 1, Date.now());
      return 'dead_lettered';
    }
    if (headers[OperatorHeader.replay] === 'first') this.options.parkingLot.unpark(batch.topic, key);
    if (this.options.parkingLot.isParked(batch.topic, key)) {
      await deadLetter(IntegrationError.permanent(PARKED_CODE, `key ${key} has an earlier message in ${this.options.deadLetters.topic}; parked behind it`), 'park', 0, Date.now());
      return 'parked';
    }

    const partitionId = `${batch.topic}/${batch.partition}`;
    let firstFailureAt = 0;
    for (let attempt = 1; ; attempt++) {
      let outcome: PipelineOutcome;
      try {
        outcome = await this.withHeartbeats(ctl, () => pipeline.handle({ topic: batch.topic, partition: batch.partition, offset: message.offset, key, value: decoded.value, headers, correlationId }, { attempt, log }));
      } catch (thrown) {
        const error = asIntegrationError(thrown);
        firstFailureAt ||= Date.now();
        if (!error.transient) {
          await deadLetter(error, pipeline.stageOf?.(error) ?? 'deliver', attempt, firstFailureAt);
          this.circuit.close(pipeline.system, partitionId);
          return 'dead_lettered';
        }
        this.options.metrics.retries.inc({ service: this.options.service, code: error.code });
        const policy = this.options.retryPolicy;
        let delay: number;
        if (attempt < policy.maxAttempts) {
          delay = Math.max(retryAfterMs(error) ?? 0, fullJitterDelay(policy, attempt));
          log.info({ code: error.code, error: error.message, attempt, delayMs: delay }, 'transient failure, retrying');
        } else {
          this.circuit.open(pipeline.system, partitionId, error);
          delay = Math.max(retryAfterMs(error) ?? 0, policy.probeIntervalMs);
        }
        await this.sleep(delay, ctl);
        continue;
      }
      this.circuit.close(pipeline.system, partitionId);
      log.info({ outcome: outcome.kind, ref: 'ref' in outcome ? outcome.ref : undefined, reason: 'reason' in outcome ? outcome.reason : undefined, attempt }, 'message handled');
      return outcome.kind;
    }
  }

  /** Keeps the group membership alive while a slow external call runs. */
  private async withHeartbeats<R>(ctl: Batchctl, work: () => Promise<R>): Promise<R> {
    const timer = setInterval(() => void ctl.heartbeat().catch(() => undefined), 2_000);
    try {
      return await work();
    } finally {
      clearInterval(timer);
    }
  }

  private async sleep(ms: number, ctl: Batchctl): Promise<void> {
    const until = Date.now() + ms;
    while (Date.now() < until) {
      if (this.stopping || !ctl.isRunning() || ctl.isStale()) throw new Stopped();
      await new Promise((resolve) => setTimeout(resolve, Math.min(250, until - Date.now())));
      await ctl.heartbeat().catch(() => undefined);
    }
    if (this.stopping || !ctl.isRunning() || ctl.isStale()) throw new Stopped();
  }
}
