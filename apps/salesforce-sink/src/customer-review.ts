import { Counter, Gauge } from 'prom-client';
import { IntegrationError } from '@tributary/core';
import type { CrossReference, CustomerEvent } from '@tributary/canonical-model';
import { LedgerStatus, type AvroEventCodec, type DeadLetterChannel, type Ledger, type PipelineMessage } from '@tributary/kafka-runtime';
import type { TributaryMetrics } from '@tributary/observability';
import type { KafkaMessage } from 'kafkajs';

/**
 * Customers that cannot be written yet (no Contact LastName after enrichment and the rule): each
 * is copied to the DLQ as REVIEW.MISSING_LAST_NAME for a person to see, counted in
 * `tributary_salesforce_customers_in_review` (alert when > 0), and remembered in the ledger — but
 * its key is not parked: the customer's next update flows as usual and, once it carries a last
 * name, releases it. Other customers are never blocked.
 */
export class CustomerReview {
  private readonly waiting = new Set<string>();
  private readonly gauge: Gauge;
  private readonly held: Counter;

  constructor(
    metrics: TributaryMetrics,
    private readonly deps: { deadLetters: DeadLetterChannel; ledger: Ledger<CrossReference>; codec: AvroEventCodec<CustomerEvent>; pipeline: string; clock?: () => number },
  ) {
    this.gauge = new Gauge({ name: 'tributary_salesforce_customers_in_review', help: 'Customers waiting for review before they can be written to Salesforce (e.g. no last name).', registers: [metrics.registry] });
    this.held = new Counter({ name: 'tributary_salesforce_review_holds_total', help: 'Customer changes held for review, by reason code.', labelNames: ['code'], registers: [metrics.registry] });
    metrics.dlqMessages.inc({ service: 'salesforce-sink', topic: 'review', code: 'REVIEW.MISSING_LAST_NAME' }, 0);
  }

  get size(): number {
    return this.waiting.size;
  }

  async hold(message: PipelineMessage<CustomerEvent>, code: string, reason: string, attempt: number): Promise<void> {
    const { deadLetters, ledger, codec, pipeline } = this.deps;
    const customerId = message.value.customer.customerId;
    const raw = { key: Buffer.from(message.key), value: codec.encode(message.value), headers: { ...message.headers }, offset: message.offset, timestamp: String(Date.now()), attributes: 0 } as unknown as KafkaMessage;
    await deadLetters.publish(raw, IntegrationError.permanent(code, reason, { customerId, waitsFor: 'the next update of the customer (or enrichment) with the missing data' }), {
      sourceTopic: message.topic, partition: message.partition, pipeline, stage: 'map', attempts: attempt, firstFailureAt: Date.now(),
    });
    // Held, not parked: the customer's next update must flow.
    await deadLetters.unpark(message.topic, message.key);
    await ledger.record({
      key: `salesforce:review:${customerId}`, system: 'salesforce', entity: 'review', sourceId: customerId, status: 'REVIEW', externalId: null,
      externalReference: message.value.customer.version, eventId: message.value.eventId, correlationId: message.correlationId, attempt, detail: `${code}: ${reason}`.slice(0, 500), updatedAt: (this.deps.clock ?? Date.now)(),
    });
    this.waiting.add(customerId);
    this.gauge.set(this.waiting.size);
    this.held.inc({ code });
  }

  /** The customer was written: no longer waiting. */
  async release(message: PipelineMessage<CustomerEvent>): Promise<boolean> {
    const customerId = message.value.customer.customerId;
    const entry = this.deps.ledger.get(`salesforce:review:${customerId}`);
    if (entry?.status !== 'REVIEW' && !this.waiting.has(customerId)) return false;
    await this.deps.ledger.record({ ...(entry as CrossReference), status: LedgerStatus.done, eventId: message.value.eventId, updatedAt: (this.deps.clock ?? Date.now)() });
    this.waiting.delete(customerId);
    this.gauge.set(this.waiting.size);
    return true;
  }
}
