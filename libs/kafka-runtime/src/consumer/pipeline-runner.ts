import type { Batch, Consumer, Kafka, KafkaMessage } from 'kafkajs';
import { asIntegrationError, retryAfterMs, IntegrationError } from '@tributary/core';
import { inSpan, SpanKind, type Logger, type TributaryMetrics } from '@tributary/observability';
import type { Decoded } from '../codec/event-codec.js';
import type { DeadLetterChannel } from '../dead-letter/dead-letter-channel.js';
import { OperatorHeader, PARKED_CODE } from '../dead-letter/dead-letter-headers.js';
import type { ParkingLot } from '../dead-letter/parking-lot.js';
import { fullJitterDelay, type RetryPolicy } from '../retry/retry-policy.js';
import { CircuitBreaker } from './circuit-breaker.js';
import { ContiguousCommitter } from './contiguous-committer.js';
import type { OutcomeRecorder } from './outcome-recorder.js';
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
  /**
   * Keys handled at the same time within one partition (default 1: one message at a time). Order
   * is kept per key; offsets are committed only up to the first message not yet done, so a crash
   * redoes at most the unfinished ones (the effects are idempotent). More keys in flight fill the
   * ERP clients' batches.
   */
  keyConcurrency?: number;
  /** The consumer's session timeout (default 30 s); the heartbeat goes every tenth of it. */
  sessionTimeoutMs?: number;
  /** Where each finished message's outcome goes (integration.outcome.v1); best-effort, never awaited. */
  outcomes?: OutcomeRecorder;
}

/** What became of one message: the metric label plus the ERP reference or the reason. */
type Finished = { kind: string; ref?: string; reason?: string };

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
      sessionTimeout: this.options.sessionTimeoutMs ?? 30_000,
      heartbeatInterval: Math.max(500, Math.floor((this.options.sessionTimeoutMs ?? 30_000) / 10)),
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
    const committer = new ContiguousCommitter(batch.messages.length, async (index) => {
      const message = batch.messages[index]!;
      resolveOffset(message.offset);
      await this.consumer?.commitOffsets([{ topic: batch.topic, partition: batch.partition, offset: (BigInt(message.offset) + 1n).toString() }]);
      this.options.metrics.consumerLag.set({ group: this.options.groupId, topic: batch.topic, partition: String(batch.partition) }, Math.max(0, Number(BigInt(batch.highWatermark) - BigInt(message.offset) - 1n)));
      await ctl.heartbeat();
    });
    // One lane per key, in offset order; up to keyConcurrency lanes run at once.
    const lanes = [...groupBy(batch.messages.map((_, index) => index), (index) => batch.messages[index]!.key?.toString() ?? '').values()];
    let nextLane = 0;
    let stopped = false;
    const runLanes = async () => {
      while (!stopped && nextLane < lanes.length) {
        const lane = lanes[nextLane++]!;
        for (const index of lane) {
          if (stopped || this.stopping || !ctl.isRunning() || ctl.isStale()) { stopped = true; return; }
          const done = await this.processOne(pipeline, batch, index, decoded[index]!, ctl);
          if (!done) { stopped = true; return; }
          await committer.done(index);
        }
      }
    };
    const workers = Math.max(1, Math.min(this.options.keyConcurrency ?? 1, lanes.length));
    const results = await Promise.allSettled(Array.from({ length: workers }, () => runLanes()));
    const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) throw failed.reason;
  }

  /** Handles one message and records its outcome; false when the runner is stopping (the message stays uncommitted). */
  private async processOne(pipeline: PipelineDefinition<unknown>, batch: Batch, index: number, value: Decoded<unknown>, ctl: Batchctl): Promise<boolean> {
    const message = batch.messages[index]!;
    const started = performance.now();
    const headers = headersAsText(message.headers);
    const replayFor = headers[OperatorHeader.replayFor];
    if (replayFor !== undefined && replayFor !== this.options.service && replayFor !== this.options.groupId) {
      // A window replay for another consumer group (`tributary replay --group`): not ours to redo.
      return true;
    }
    try {
      const finished = await inSpan(`${pipeline.name} process`, {
        kind: SpanKind.CONSUMER,
        traceparent: headers['traceparent'] ?? '',
        attributes: { 'messaging.system': 'kafka', 'messaging.destination.name': batch.topic, 'messaging.kafka.partition': batch.partition, 'messaging.kafka.offset': message.offset, 'messaging.consumer.group.name': this.options.groupId, 'tributary.key': message.key?.toString() ?? '' },
      }, async (span) => {
        const result = await this.processMessage(pipeline, batch, message, value, ctl);
        span.setAttribute('tributary.outcome', result.kind);
        if (result.ref) span.setAttribute('tributary.ref', result.ref);
        return result;
      });
      this.options.metrics.messages.inc({ service: this.options.service, topic: batch.topic, outcome: finished.kind });
      this.options.outcomes?.record({
        eventId: eventIdOf(value.ok ? value.value : undefined) ?? `${batch.topic}/${batch.partition}/${message.offset}`,
        service: this.options.service, pipeline: pipeline.name, topic: batch.topic, partition: batch.partition, offset: message.offset,
        key: message.key?.toString() ?? '', outcome: finished.kind, ref: finished.ref ?? null, reason: finished.reason ?? null,
        correlationId: headers['correlation-id'] ?? `${batch.topic}/${batch.partition}/${message.offset}`,
        traceId: traceIdOf(headers['traceparent']), subject: subjectOf(value.ok ? value.value : undefined), at: Date.now(),
      });
    } catch (error) {
      if (error instanceof Stopped) return false;
      throw error;
    }
    this.options.metrics.processingSeconds.observe({ service: this.options.service, topic: batch.topic }, (performance.now() - started) / 1000);
    return true;
  }

  /** Returns the outcome label once the message is done with (effect or DLQ); throws Stopped to leave it uncommitted. */
  private async processMessage(pipeline: PipelineDefinition<unknown>, batch: Batch, message: KafkaMessage, decoded: Decoded<unknown>, ctl: Batchctl): Promise<Finished> {
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
      return { kind: 'dead_lettered', reason: `${decoded.error.code}: ${decoded.error.message}` };
    }
    if (headers[OperatorHeader.replay] === 'first') this.options.parkingLot.unpark(batch.topic, key);
    if (this.options.parkingLot.isParked(batch.topic, key)) {
      const parked = IntegrationError.permanent(PARKED_CODE, `key ${key} has an earlier message in ${this.options.deadLetters.topic}; parked behind it`);
      await deadLetter(parked, 'park', 0, Date.now());
      return { kind: 'parked', reason: `${parked.code}: ${parked.message}` };
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
          return { kind: 'dead_lettered', reason: `${error.code}: ${error.message}`.slice(0, 1000) };
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
      return outcome.kind === 'skipped' ? { kind: outcome.kind, reason: outcome.reason } : { kind: outcome.kind, ref: outcome.ref };
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

const TRACE_ID = /^00-([0-9a-f]{32})-/;
const traceIdOf = (traceparent: string | undefined): string | null => (traceparent ? TRACE_ID.exec(traceparent.trim())?.[1] ?? null : null);
const field = (value: unknown, name: string): string | undefined => {
  const found = value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[name] : undefined;
  return typeof found === 'string' && found !== '' ? found : undefined;
};
/** Canonical events carry `eventId`; the order number (or another human handle) when there is one. */
const eventIdOf = (value: unknown): string | undefined => field(value, 'eventId');
const subjectOf = (value: unknown): string | null => {
  const nested = (name: string) => field(value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[name] : undefined, 'orderNumber');
  return field(value, 'orderNumber') ?? nested('order') ?? nested('payment') ?? nested('return') ?? field(value, 'returnNumber') ?? field(value, 'settlementId') ?? null;
};

const groupBy = <T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> => {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
};
