import { parseClarityOrderWebhook, verifyClaritySignature } from '@tributary/connectors-clarity';
import { toCanonicalOrderEvent } from '@tributary/mapping-clarity';
import type { ClarityWebhookReceived, OrderEvent } from '@tributary/canonical-model';
import type { AvroEventCodec, EventProducer } from '@tributary/kafka-runtime';
import type { Logger, TributaryMetrics } from '@tributary/observability';
import { eventIdFor } from './event-id.js';
import { childTraceparent } from './trace-context.js';
import { reply, type WebhookReply } from './webhook-reply.js';

export interface InboundWebhook {
  readonly rawBody: Buffer;
  readonly headers: Readonly<Record<string, string | undefined>>;
}

export interface OrderWebhookIntakeDeps {
  readonly secrets: readonly string[];
  readonly toleranceSeconds: number;
  readonly producer: EventProducer;
  readonly topics: { readonly audit: string; readonly order: string };
  readonly auditCodec: AvroEventCodec<ClarityWebhookReceived>;
  readonly orderCodec: AvroEventCodec<OrderEvent>;
  readonly metrics: TributaryMetrics;
  readonly log: Logger;
  readonly clock?: () => number;
}

/**
 * One signed Clarity webhook in: verify → validate → map → produce (audit + canonical) → answer.
 * Nothing is produced unless every check passed, and the 202 is sent only after Kafka's ack.
 */
export class OrderWebhookIntake {
  constructor(private readonly deps: OrderWebhookIntakeDeps) {}

  async receive({ rawBody, headers }: InboundWebhook): Promise<WebhookReply> {
    const { deps } = this;
    const now = (deps.clock ?? Date.now)();
    const eventHeader = headers['x-clarity-event'] ?? 'unknown';

    const signature = verifyClaritySignature({ rawBody, header: headers['x-clarity-signature'], secrets: [...deps.secrets], nowSeconds: Math.floor(now / 1000), toleranceSeconds: deps.toleranceSeconds });
    if (!signature.ok) {
      const stale = signature.error.reason === 'stale';
      deps.metrics.webhooks.inc({ type: eventHeader, outcome: stale ? 'stale' : 'bad_signature' });
      deps.log.warn({ reason: signature.error.reason, event: eventHeader }, 'webhook refused: signature');
      return reply(401, { error: stale ? 'stale_timestamp' : 'invalid_signature', message: signature.error.message });
    }

    const parsed = parseClarityOrderWebhook(rawBody);
    if (!parsed.ok) {
      const rejection = parsed.error;
      deps.metrics.webhooks.inc({ type: eventHeader, outcome: rejection.reason === 'unsupported-type' ? 'unsupported' : 'invalid' });
      deps.log.warn({ reason: rejection.reason, issues: rejection.issues }, 'webhook refused: body');
      return rejection.reason === 'unsupported-type'
        ? reply(422, { error: 'unsupported_event_type', message: `event type ${rejection.type} is not handled by this endpoint`, issues: rejection.issues })
        : reply(400, { error: rejection.reason === 'invalid-json' ? 'malformed_json' : 'invalid_payload', message: 'the webhook body is not a valid Clarity order event', issues: rejection.issues });
    }
    const webhook = parsed.value;
    const correlationId = headers['x-correlation-id'] ?? webhook.id;
    const log = deps.log.child({ correlationId, webhookId: webhook.id, orderId: webhook.data.orderId });

    const mapped = toCanonicalOrderEvent(webhook, { eventId: eventIdFor(webhook.id), correlationId, receivedAt: now });
    if (!mapped.ok) {
      deps.metrics.webhooks.inc({ type: webhook.type, outcome: 'invalid' });
      log.warn({ code: mapped.error.code, details: mapped.error.details }, 'webhook refused: mapping');
      return reply(400, { error: 'invalid_payload', message: mapped.error.message, issues: [{ path: String(mapped.error.details['path'] ?? '(root)'), message: mapped.error.message }] });
    }

    const { traceparent, traceId } = childTraceparent(headers['traceparent']);
    const kafkaHeaders = { traceparent, 'correlation-id': correlationId, 'event-type': webhook.type };
    try {
      await deps.producer.sendAll([
        {
          topic: deps.topics.audit, key: webhook.id, headers: kafkaHeaders,
          value: deps.auditCodec.encode({ webhookId: webhook.id, eventType: webhook.type, deliveryId: headers['x-clarity-delivery-id'] ?? null, receivedAt: now, signedAt: signature.value.timestamp * 1000, correlationId, body: rawBody.toString('utf8') }),
        },
        { topic: deps.topics.order, key: webhook.data.orderId, headers: kafkaHeaders, value: deps.orderCodec.encode(mapped.value) },
      ]);
    } catch (error) {
      deps.metrics.webhooks.inc({ type: webhook.type, outcome: 'error' });
      log.error({ error: error instanceof Error ? error.message : String(error) }, 'webhook not stored: Kafka unavailable');
      return reply(503, { error: 'unavailable', message: 'the event could not be stored; retry later' });
    }
    deps.metrics.webhooks.inc({ type: webhook.type, outcome: 'accepted' });
    log.info({ eventId: mapped.value.eventId, traceId }, 'order webhook accepted');
    return reply(202, { status: 'accepted', eventId: mapped.value.eventId, orderId: webhook.data.orderId });
  }
}
