import type { IHeaders } from 'kafkajs';
import type { IntegrationError } from '@tributary/core';
import type { Logger } from '@tributary/observability';
import type { AvroEventCodec } from '../codec/event-codec.js';
import type { TopicSpec } from '../topics/topic-provisioner.js';

/** A decoded message and where it came from, as a pipeline's handler sees it. */
export interface PipelineMessage<T> {
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
  readonly key: string;
  readonly value: T;
  readonly headers: Readonly<Record<string, string>>;
  readonly correlationId: string;
}

/** What handling a message achieved: outcomes are values, failures are thrown IntegrationErrors. */
export type PipelineOutcome =
  | { readonly kind: 'done'; readonly ref: string }
  | { readonly kind: 'duplicate'; readonly ref: string }
  | { readonly kind: 'skipped'; readonly reason: string };

export interface HandlerContext {
  /** 1 on the first try; grows with retries and circuit probes. */
  readonly attempt: number;
  readonly log: Logger;
}

/**
 * One source topic, one handler. The runtime does consume → decode → (park) → handle → commit,
 * retries transient failures, opens the circuit when they persist, and dead-letters permanent ones.
 */
export interface PipelineDefinition<T> {
  readonly name: string;
  readonly source: TopicSpec;
  readonly codec: AvroEventCodec<T>;
  /** The external system the handler calls: the circuit and its metric are per system. */
  readonly system: string;
  readonly handle: (message: PipelineMessage<T>, context: HandlerContext) => Promise<PipelineOutcome>;
  /** Which stage a permanent error came from, for the DLQ header (default: deliver). */
  readonly stageOf?: (error: IntegrationError) => 'map' | 'deliver';
}

export const headersAsText = (headers: IHeaders | undefined): Record<string, string> => {
  const text: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    const first = Array.isArray(value) ? value[0] : value;
    if (first !== undefined) text[name] = first.toString();
  }
  return text;
};
