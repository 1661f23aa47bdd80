import type { Logger, TributaryMetrics } from '@tributary/observability';
import { DeadLetterChannel } from '../dead-letter/dead-letter-channel.js';
import { ParkingLot } from '../dead-letter/parking-lot.js';
import type { KafkaRuntime } from '../kafka-runtime.js';
import { defaultRetryPolicy, type RetryPolicy } from '../retry/retry-policy.js';
import type { TopicSpec } from '../topics/topic-provisioner.js';
import type { PipelineDefinition } from './pipeline.js';
import { PipelineRunner } from './pipeline-runner.js';
import { OutcomeRecorder, type OutcomeRecord } from './outcome-recorder.js';

export interface StartPipelinesOptions {
  /** The consumer group: the service name, exactly. */
  readonly group: string;
  readonly deadLetterTopic: TopicSpec;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each pipeline has its own message type
  readonly pipelines: ReadonlyArray<PipelineDefinition<any>>;
  readonly metrics: TributaryMetrics;
  readonly log: Logger;
  readonly retryPolicy?: RetryPolicy;
  readonly concurrency?: number;
  /** Keys in flight at once within one partition (each key in order); 1 when not given. */
  readonly keyConcurrency?: number;
  /** The consumer's session timeout: how long a killed replica's partitions wait before they move (30 s when not given). */
  readonly sessionTimeoutMs?: number;
  /** integration.outcome.v1 (with its Avro schema): when given, every finished message is recorded there (best-effort). */
  readonly outcomeTopic?: TopicSpec & { readonly valueSchema: object };
}

/**
 * Wires a service's pipelines to its consumer group and dead letter topic, rebuilds the parked
 * keys from that topic, and starts consuming. Every sink starts this way.
 */
export const startPipelines = async (runtime: KafkaRuntime, options: StartPipelinesOptions): Promise<PipelineRunner> => {
  const deadLetterTopic = runtime.topic(options.deadLetterTopic).name;
  const group = runtime.topic({ ...options.deadLetterTopic, name: options.group }).name;
  const parkingLot = await ParkingLot.load(runtime.kafka, deadLetterTopic);
  if (parkingLot.size > 0) options.log.warn({ parkedKeys: parkingLot.size, deadLetterTopic }, 'keys parked behind dead-lettered messages');
  const outcomes = options.outcomeTopic
    ? new OutcomeRecorder(runtime.topic(options.outcomeTopic).name, await runtime.codec<OutcomeRecord>(options.outcomeTopic, options.outcomeTopic.valueSchema), runtime.producer, options.log)
    : undefined;
  const runner = new PipelineRunner({
    kafka: runtime.kafka,
    groupId: group,
    service: options.group,
    deadLetters: new DeadLetterChannel(deadLetterTopic, options.group, runtime.producer),
    parkingLot,
    retryPolicy: options.retryPolicy ?? defaultRetryPolicy,
    metrics: options.metrics,
    log: options.log,
    ...(options.concurrency ? { concurrency: options.concurrency } : {}),
    ...(options.keyConcurrency ? { keyConcurrency: options.keyConcurrency } : {}),
    ...(options.sessionTimeoutMs ? { sessionTimeoutMs: options.sessionTimeoutMs } : {}),
    ...(outcomes ? { outcomes } : {}),
  });
  for (const pipeline of options.pipelines) runner.add(pipeline);
  await runner.start();
  options.log.info({ group, topics: options.pipelines.map((p) => p.source.name), deadLetterTopic }, 'pipelines started');
  return runner;
};
