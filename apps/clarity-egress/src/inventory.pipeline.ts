import type { Consumer, EachBatchPayload, Kafka, KafkaMessage } from 'kafkajs';
import type { InventoryLevelEvent } from '@tributary/canonical-model';
import { CLARITY_MAX_LEVELS_PER_PUT, type ClarityApiClient } from '@tributary/connectors-clarity';
import { asIntegrationError, retryAfterMs, type IntegrationError } from '@tributary/core';
import { fullJitterDelay, type AvroEventCodec, type DeadLetterChannel, type RetryPolicy } from '@tributary/kafka-runtime';
import { inventoryLevelKey, isUrgentLevel, toClarityInventoryLevel } from '@tributary/mapping-clarity';
import type { Logger, TributaryMetrics } from '@tributary/observability';
import { InventoryCoalescer, type PendingLevel } from './inventory-coalescer.js';
import { InventoryMetrics } from './inventory-metrics.js';

export type ClarityInventoryPort = Pick<ClarityApiClient, 'putInventory'>;

export interface InventoryEgressOptions {
  readonly kafka: Kafka;
  /** Its own consumer group: its offsets move with flushes, not with messages. */
  readonly groupId: string;
  readonly topic: string;
  readonly codec: AvroEventCodec<InventoryLevelEvent>;
  readonly clarity: ClarityInventoryPort;
  readonly deadLetters: DeadLetterChannel;
  readonly metrics: TributaryMetrics;
  readonly log: Logger;
  /** At most one flush per interval (oversold levels do not wait). */
  readonly flushMs: number;
  /** Read messages not yet committable before reading pauses (back-pressure while Clarity is down). */
  readonly maxBuffered: number;
  readonly retryPolicy: RetryPolicy;
}

/** Where a buffered level came from: enough to dead-letter it. */
interface Origin {
  readonly partition: number;
  readonly message: KafkaMessage;
}

/** Circuit metric label: the runner's pipelines use `clarity`; this one opens and closes on its own. */
const SYSTEM = 'clarity-inventory';
const PIPELINE = 'clarity-inventory';

/**
 * inventory.level.v1 → Clarity's inventory API, coalesced. Not a PipelineRunner pipeline,
 * because that runner commits each message once its handler returns, and here a message's effect
 * happens at the next flush, together with (or replaced by) later messages of the same key:
 *
 *   read   → buffer the newest level per SKU@location (older ones are coalesced away)
 *   flush  → every CLARITY_INVENTORY_FLUSH_MS, the buffer in PUTs of ≤100; oversold levels at once
 *   commit → per partition, up to the first message whose key is not yet pushed at its sequence
 *
 * At least once: a crash re-reads what was not committed and pushes it again, which Clarity takes
 * as a replay (same sequence) or ignores (lower). Transient failures keep the buffer (later levels
 * still replace earlier ones) and back off; after maxAttempts the circuit metric opens and flushes
 * probe every probeIntervalMs. A level Clarity refuses for good is found by pushing the refused
 * chunk level by level, and dead-lettered alone.
 */
export class InventoryEgress {
  private readonly coalescer = new InventoryCoalescer<Origin>();
  private readonly counters: InventoryMetrics;
  private consumer: Consumer | undefined;
  private timer: NodeJS.Timeout | undefined;
  /** Flushes run one after another: two PUTs in flight could land out of order. */
  private work: Promise<void> = Promise.resolve();
  private failures = 0;
  private notBefore = 0;
  private stopping = false;
  private crashed: Error | undefined;
  private settledWaiters: Array<() => void> = [];
  private committing: Promise<void> = Promise.resolve();

  constructor(private readonly options: InventoryEgressOptions) {
    this.counters = new InventoryMetrics(options.metrics);
  }

  get healthy(): boolean {
    return this.crashed === undefined;
  }

  async start(): Promise<void> {
    const { kafka, groupId, topic, log } = this.options;
    const consumer = kafka.consumer({ groupId, sessionTimeout: 30_000, heartbeatInterval: 3_000, maxWaitTimeInMs: 250, allowAutoTopicCreation: false, retry: { retries: 10 } });
    this.consumer = consumer;
    consumer.on(consumer.events.CRASH, ({ payload }) => {
      log.error({ error: payload.error.message, restart: payload.restart }, 'inventory consumer crashed');
      if (!payload.restart) this.crashed = payload.error;
    });
    // A new generation reads again from the committed offsets: what was tracked will come again.
    consumer.on(consumer.events.GROUP_JOIN, () => this.coalescer.resetPartitions());
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: 1,
      eachBatch: (payload) => this.read(payload),
    });
    this.options.metrics.circuitOpen.set({ system: SYSTEM }, 0);
    this.schedule(this.options.flushMs);
    log.info({ groupId, topic, flushMs: this.options.flushMs }, 'inventory egress started');
  }

  /** Stops reading, pushes what is buffered (one try), commits what that settled, leaves. */
  async stop(): Promise<void> {
    this.stopping = true;
    clearTimeout(this.timer);
    this.consumer?.pause([{ topic: this.options.topic }]);
    await this.enqueue('final');
    await this.consumer?.disconnect();
    this.consumer = undefined;
    for (const wake of this.settledWaiters.splice(0)) wake();
  }

  private async read({ batch, resolveOffset, heartbeat, isRunning, isStale }: EachBatchPayload): Promise<void> {
    if (!isRunning() || isStale() || batch.messages.length === 0) return;
    const { codec, deadLetters, topic } = this.options;
    const partition = String(batch.partition);
    const values = batch.messages.map((m) => m.value);
    const decoded = await codec.decodeMany(values.map((v) => v ?? Buffer.alloc(0)));
    let urgent = false;
    for (const [index, message] of batch.messages.entries()) {
      if (isStale()) return;
      const result = decoded[index]!;
      if (message.value === null) {
        this.coalescer.settle(partition, message.offset); // a tombstone: the key is gone; Clarity keeps its last level
        continue;
      }
      if (!result.ok) {
        await deadLetters.publish(message, result.error, { sourceTopic: batch.topic, partition: batch.partition, pipeline: PIPELINE, stage: 'decode', attempts: 1, firstFailureAt: Date.now() });
        this.options.metrics.dlqMessages.inc({ service: deadLetters.consumerGroup, topic, code: result.error.code });
        this.counters.levels.inc({ outcome: 'dead_lettered' });
        this.coalescer.settle(partition, message.offset);
        continue;
      }
      const event = result.value;
      const level = toClarityInventoryLevel(event);
      const outcome = this.coalescer.offer(partition, message.offset, { key: inventoryLevelKey(level), level, urgent: isUrgentLevel(event), origin: { partition: batch.partition, message } });
      this.counters.levels.inc({ outcome });
      this.options.metrics.messages.inc({ service: deadLetters.consumerGroup, topic: batch.topic, outcome });
      urgent ||= isUrgentLevel(event) && outcome !== 'stale';
    }
    resolveOffset(batch.lastOffset());
    this.counters.pending.set(this.coalescer.pendingCount);
    this.options.metrics.consumerLag.set({ group: this.options.groupId, topic: batch.topic, partition }, Math.max(0, Number(BigInt(batch.highWatermark) - BigInt(batch.lastOffset()) - 1n)));
    if (urgent) void this.enqueue('urgent');
    await this.commit();
    // Back-pressure: while Clarity is down, stop reading once enough is waiting to be committed.
    while (!this.stopping && isRunning() && !isStale() && this.coalescer.unsettledCount > this.options.maxBuffered) {
      await new Promise<void>((resolve) => {
        this.settledWaiters.push(resolve);
        setTimeout(resolve, 1_000);
      });
      await heartbeat().catch(() => undefined);
    }
  }

  private schedule(delayMs: number): void {
    if (this.stopping) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      void this.enqueue('interval').finally(() => this.schedule(Math.max(this.options.flushMs, this.notBefore - Date.now())));
    }, delayMs);
  }

  private enqueue(kind: 'interval' | 'urgent' | 'final'): Promise<void> {
    this.work = this.work.then(() => this.flush(kind)).catch((error: unknown) => {
      this.options.log.error({ error: error instanceof Error ? error.message : String(error) }, 'inventory flush failed unexpectedly');
    });
    return this.work;
  }

  private async flush(kind: 'interval' | 'urgent' | 'final'): Promise<void> {
    if (kind !== 'final' && Date.now() < this.notBefore) return; // backing off after a transient failure
    const due = this.coalescer.due(kind === 'urgent');
    if (due.length > 0) {
      try {
        for (let start = 0; start < due.length; start += CLARITY_MAX_LEVELS_PER_PUT) {
          await this.push(due.slice(start, start + CLARITY_MAX_LEVELS_PER_PUT), kind);
        }
        this.recovered();
      } catch (thrown) {
        this.failed(asIntegrationError(thrown), due.length);
      }
    }
    await this.commit();
    this.counters.pending.set(this.coalescer.pendingCount);
  }

  /** One PUT; a permanent refusal is narrowed down to the level(s) Clarity refuses, which are dead-lettered. */
  private async push(chunk: PendingLevel<Origin>[], kind: string): Promise<void> {
    try {
      const result = await this.options.clarity.putInventory(chunk.map((entry) => entry.level));
      this.coalescer.acknowledge(chunk);
      this.counters.pushes.inc({ kind });
      this.counters.levels.inc({ outcome: 'pushed' }, chunk.length);
      this.options.log.debug({ levels: chunk.length, accepted: result.accepted, ignoredStale: result.ignoredStale, kind }, 'inventory pushed');
    } catch (thrown) {
      const error = asIntegrationError(thrown);
      if (error.transient) throw error;
      if (chunk.length > 1) {
        for (const entry of chunk) await this.push([entry], kind);
        return;
      }
      await this.deadLetter(chunk[0]!, error);
    }
  }

  private async deadLetter(entry: PendingLevel<Origin>, error: IntegrationError): Promise<void> {
    const { deadLetters, topic, metrics, log } = this.options;
    await deadLetters.publish(entry.origin.message, error, { sourceTopic: topic, partition: entry.origin.partition, pipeline: PIPELINE, stage: 'deliver', attempts: 1, firstFailureAt: Date.now() });
    this.coalescer.deadLettered([entry]);
    metrics.dlqMessages.inc({ service: deadLetters.consumerGroup, topic, code: error.code });
    this.counters.levels.inc({ outcome: 'dead_lettered' });
    log.warn({ key: entry.key, sequence: entry.level.sequence, code: error.code, error: error.message }, 'inventory level dead-lettered');
  }

  private failed(error: IntegrationError, levels: number): void {
    const { retryPolicy: policy, metrics, log, deadLetters } = this.options;
    this.failures += 1;
    metrics.retries.inc({ service: deadLetters.consumerGroup, code: error.code });
    let delay: number;
    if (this.failures < policy.maxAttempts) {
      delay = Math.max(retryAfterMs(error) ?? 0, fullJitterDelay(policy, this.failures));
      log.info({ code: error.code, error: error.message, attempt: this.failures, delayMs: delay, levels }, 'inventory push failed, retrying (the buffer keeps coalescing)');
    } else {
      delay = Math.max(retryAfterMs(error) ?? 0, policy.probeIntervalMs);
      if (this.failures === policy.maxAttempts) log.warn({ system: SYSTEM, code: error.code, error: error.message }, 'circuit open: inventory pushes paused, probing until Clarity answers');
      metrics.circuitOpen.set({ system: SYSTEM }, 1);
    }
    this.notBefore = Date.now() + delay;
    this.schedule(delay);
  }

  private recovered(): void {
    if (this.failures >= this.options.retryPolicy.maxAttempts) this.options.log.info({ system: SYSTEM }, 'circuit closed: inventory pushes resumed');
    if (this.failures > 0) this.options.metrics.circuitOpen.set({ system: SYSTEM }, 0);
    this.failures = 0;
    this.notBefore = 0;
  }

  /** Commits one after another, so a slower earlier commit never lands after a later one. */
  private commit(): Promise<void> {
    this.committing = this.committing.then(() => this.commitSettled());
    return this.committing;
  }

  private async commitSettled(): Promise<void> {
    const moves = this.coalescer.committable();
    if (moves.length > 0 && this.consumer) {
      try {
        await this.consumer.commitOffsets(moves.map(({ partition, offset }) => ({ topic: this.options.topic, partition: Number(partition), offset })));
      } catch (error) {
        // Mid-rebalance: the messages will be read again and pushed again, harmlessly (same sequences).
        this.options.log.warn({ error: error instanceof Error ? error.message : String(error) }, 'inventory offsets not committed');
      }
    }
    for (const wake of this.settledWaiters.splice(0)) wake();
  }
}
