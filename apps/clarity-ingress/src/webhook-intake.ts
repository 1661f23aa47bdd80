import type { IntegrationError, Result } from '@tributary/core';
import {
  isClarityWebhookEventType,
  readClarityWebhook,
  verifyClaritySignature,
  type ClarityWebhookEventType,
  type WebhookRejection,
} from '@tributary/connectors-clarity';
import type { EventContext } from '@tributary/mapping-clarity';
import type { ClarityWebhookReceived } from '@tributary/canonical-model';
import type { EventProducer } from '@tributary/kafka-runtime';
import type { Logger, TributaryMetrics } from '@tributary/observability';
import { eventIdFor } from './event-id.js';
import { childTraceparent } from './trace-context.js';
import { reply, type WebhookReply } from './webhook-reply.js';
import { clarityWebhookRoutes, type CanonicalEncoders, type CanonicalRecord, type CanonicalTopic, type WebhookRoutes } from './webhook-routes.js';

export interface InboundWebhook {
  readonly rawBody: Buffer;
  readonly headers: Readonly<Record<string, string | undefined>>;
}

export interface WebhookIntakeDeps {
  readonly secrets: readonly string[];
  readonly toleranceSeconds: number;
  readonly producer: Pick<EventProducer, 'sendAll'>;
  /** Deployed topic names: the audit topic and each canonical topic. */
  readonly topics: { readonly audit: string } & Readonly<Record<CanonicalTopic, string>>;
  readonly auditCodec: { encode(value: ClarityWebhookReceived): Buffer };
  readonly encoders: CanonicalEncoders;
  readonly metrics: TributaryMetrics;
  readonly log: Logger;
  readonly clock?: () => number;
  /** Default: every type Clarity sends that we handle. */
  readonly routes?: WebhookRoutes;
}

type Refusal = { readonly kind: 'rejected'; readonly rejection: WebhookRejection } | { readonly kind: 'unmappable'; readonly error: IntegrationError };

/**
 * One signed Clarity webhook in: verify → read the envelope → route by type → validate → map →
 * produce (audit + canonical, one send) → answer. Nothing is produced unless every check passed,
 * and the 202 is sent only after Kafka's ack.
 */
export class ClarityWebhookIntake {
  private readonly routes: WebhookRoutes;

  constructor(private readonly deps: WebhookIntakeDeps) {
    this.routes = deps.routes ?? clarityWebhookRoutes;
  }

  async receive({ rawBody, headers }: InboundWebhook): Promise<WebhookReply> {
    const { deps } = this;
    const now = (deps.clock ?? Date.now)();
    // Before the body is trusted, the claimed type is a metric label only if it is one we know.
    const claimedType = labelFor(headers['x-clarity-event']);

    const signature = verifyClaritySignature({ rawBody, header: headers['x-clarity-signature'], secrets: [...deps.secrets], nowSeconds: Math.floor(now / 1000), toleranceSeconds: deps.toleranceSeconds });
    if (!signature.ok) {
      const stale = signature.error.reason === 'stale';
      deps.metrics.webhooks.inc({ type: claimedType, outcome: stale ? 'stale' : 'bad_signature' });
      deps.log.warn({ reason: signature.error.reason, event: claimedType }, 'webhook refused: signature');
      return reply(401, { error: stale ? 'stale_timestamp' : 'invalid_signature', message: signature.error.message });
    }

    const read = readClarityWebhook(rawBody);
    if (!read.ok) return this.refuse(claimedType, { kind: 'rejected', rejection: read.error }, deps.log);
    const { envelope, json } = read.value;
    if (!isClarityWebhookEventType(envelope.type)) {
      const rejection: WebhookRejection = { reason: 'unsupported-type', type: envelope.type, issues: [{ path: 'type', message: `unsupported event type ${JSON.stringify(envelope.type)}` }] };
      return this.refuse('other', { kind: 'rejected', rejection }, deps.log);
    }
    const type = envelope.type;
    const correlationId = headers['x-correlation-id'] ?? envelope.id;
    const log = deps.log.child({ correlationId, webhookId: envelope.id, type });

    const routed = this.translate(type, json, { eventId: eventIdFor(envelope.id), correlationId, receivedAt: now });
    if (!routed.ok) return this.refuse(type, routed.error, log);
    const record = routed.value;

    const { traceparent, traceId } = childTraceparent(headers['traceparent']);
    const kafkaHeaders = { traceparent, 'correlation-id': correlationId, 'event-type': type };
    try {
      await deps.producer.sendAll([
        {
          topic: deps.topics.audit, key: envelope.id, headers: kafkaHeaders,
          value: deps.auditCodec.encode({ webhookId: envelope.id, eventType: type, deliveryId: headers['x-clarity-delivery-id'] ?? null, receivedAt: now, signedAt: signature.value.timestamp * 1000, correlationId, body: rawBody.toString('utf8') }),
        },
        { topic: deps.topics[record.topic], key: record.key, headers: kafkaHeaders, value: record.encode(deps.encoders) },
      ]);
    } catch (error) {
      deps.metrics.webhooks.inc({ type, outcome: 'error' });
      log.error({ error: error instanceof Error ? error.message : String(error) }, 'webhook not stored: Kafka unavailable');
      return reply(503, { error: 'unavailable', message: 'the event could not be stored; retry later' });
    }
    deps.metrics.webhooks.inc({ type, outcome: 'accepted' });
    log.info({ eventId: record.eventId, topic: record.topic, key: record.key, traceId, ...record.subject }, 'webhook accepted');
    return reply(202, { status: 'accepted', eventId: record.eventId, ...record.subject });
  }

  /** Generic in the type, so the route's parser and translator are known to agree. */
  private translate<Type extends ClarityWebhookEventType>(type: Type, json: unknown, ctx: EventContext): Result<CanonicalRecord, Refusal> {
    const route = this.routes[type];
    const webhook = route.parse(json);
    if (!webhook.ok) return { ok: false, error: { kind: 'rejected', rejection: webhook.error } };
    const record = route.translate(webhook.value, ctx);
    return record.ok ? record : { ok: false, error: { kind: 'unmappable', error: record.error } };
  }

  private refuse(type: string, refusal: Refusal, log: Logger): WebhookReply {
    const { metrics } = this.deps;
    if (refusal.kind === 'unmappable') {
      const { error } = refusal;
      metrics.webhooks.inc({ type, outcome: 'invalid' });
      log.warn({ code: error.code, details: error.details }, 'webhook refused: mapping');
      const path = typeof error.details['path'] === 'string' ? error.details['path'] : '(root)';
      return reply(400, { error: 'invalid_payload', code: error.code, message: error.message, issues: [{ path, message: error.message }] });
    }
    const { rejection } = refusal;
    const unsupported = rejection.reason === 'unsupported-type';
    metrics.webhooks.inc({ type, outcome: unsupported ? 'unsupported' : 'invalid' });
    log.warn({ reason: rejection.reason, issues: rejection.issues }, 'webhook refused: body');
    if (rejection.reason === 'unsupported-type') {
      return reply(422, { error: 'unsupported_event_type', message: `event type ${rejection.type} is not handled by this endpoint`, issues: rejection.issues });
    }
    const about = type === 'other' ? 'a valid Clarity event' : `a valid Clarity ${type} event`;
    return reply(400, { error: rejection.reason === 'invalid-json' ? 'malformed_json' : 'invalid_payload', message: `the webhook body is not ${about}`, issues: rejection.issues });
  }
}

const labelFor = (claimed: string | undefined): string => (claimed !== undefined && isClarityWebhookEventType(claimed) ? claimed : 'other');
