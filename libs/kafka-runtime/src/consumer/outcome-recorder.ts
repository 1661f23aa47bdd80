import type { Logger } from '@tributary/observability';
import type { AvroEventCodec } from '../codec/event-codec.js';
import type { EventProducer } from '../producer/event-producer.js';

/** One record of integration.outcome.v1 (the generated `IntegrationOutcome`, restated so the runtime needs no canonical model). */
export interface OutcomeRecord {
  eventId: string;
  service: string;
  pipeline: string;
  topic: string;
  partition: number;
  offset: string;
  key: string;
  outcome: string;
  ref: string | null;
  reason: string | null;
  correlationId: string;
  traceId: string | null;
  subject: string | null;
  at: number;
}

/**
 * Writes what each service did with each message to integration.outcome.v1, keyed by the message
 * key (one order's outcomes stay in order on one partition).
 *
 * Best-effort by design: the record is handed to the shared idempotent producer (coalesced with
 * the runner's other sends, a few ms of linger) and never awaited by the runner, so an outcome
 * write can neither block nor undo the commit of an effect that happened. A crash between the
 * effect and the send, or a produce failure (logged, counted by the caller's log), loses that one
 * record; the ERP document, the ledger (integration.xref.v1) and the DLQ stay the sources of truth,
 * and `tributary trace` reads the xref ledger too. Dead letters are recorded here as well, after
 * the DLQ write was acknowledged.
 */
export class OutcomeRecorder {
  private failures = 0;

  constructor(readonly topic: string, private readonly codec: Pick<AvroEventCodec<OutcomeRecord>, 'encode'>, private readonly producer: Pick<EventProducer, 'send'>, private readonly log: Logger) {}

  record(outcome: OutcomeRecord): void {
    let value: Buffer;
    try {
      value = this.codec.encode(outcome);
    } catch (error) {
      this.log.warn({ error: error instanceof Error ? error.message : String(error) }, 'outcome not recorded: encoding failed');
      return;
    }
    const headers: Record<string, string> = { 'correlation-id': outcome.correlationId, 'event-type': `outcome.${outcome.outcome}` };
    this.producer.send({ topic: this.topic, key: outcome.key || outcome.eventId, value, headers }).catch((error: unknown) => {
      this.failures++;
      this.log.warn({ error: error instanceof Error ? error.message : String(error), failures: this.failures, eventId: outcome.eventId }, 'outcome not recorded: produce failed');
    });
  }

  /** Produce failures since start (records lost). */
  get lost(): number {
    return this.failures;
  }
}
