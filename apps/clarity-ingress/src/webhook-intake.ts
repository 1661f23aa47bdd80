import {
  isClarityWebhookEventType,
  readClarityWebhook,
  verifyClaritySignature,
  type ClarityWebhookEventType,
  type WebhookRejection,
} from '@tributary/connectors-clarity';
import type { ClarityWebhookReceived, IntegrationOutcome } from '@tributary/canonical-model';
import type { EventProducer, OutgoingMessage } from '@tributary/kafka-runtime';
import type { Logger, TributaryMetrics } from '@tributary/observability';
import { DeliveryMemory } from './delivery-memory.js';
import { fetchEntity, type ClarityEntityReader } from './entity-enrichment.js';
import { KeyedLock } from './keyed-lock.js';
import { childTraceparent } from './trace-context.js';
import { reply, type WebhookReply } from './webhook-reply.js';
import {
  AuditHeader,
  clarityWebhookRoutes,
  echoMarker,
  eventIdFor,
  positionHeaders,
  thinWebhookId,
  translateWebhook,
  withEntity,
  type CanonicalEncoders,
  type CanonicalTopic,
  type Refusal,
  type Translation,
  type WebhookRoutes,
} from '@tributary/mapping-clarity';

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
  /** integration.outcome.v1: when given, an accepted webhook also records a `received` outcome, in the same produce. */
  readonly outcomes?: { readonly topic: string; encode(value: IntegrationOutcome): Buffer };
  readonly encoders: CanonicalEncoders;
  readonly metrics: TributaryMetrics;
  readonly log: Logger;
  readonly clock?: () => number;
  /** Default: every type Clarity sends that we handle. */
  readonly routes?: WebhookRoutes;
  /** Clarity's API, for thin webhooks; absent when not configured (thin webhooks are then refused). */
  readonly clarity?: ClarityEntityReader | undefined;
  /** Webhook ids and newest entity states; default: 48 h / 200,000 entries, empty. */
  readonly memory?: DeliveryMemory;
  /** Our `X-Change-Origin` on writes to Clarity; a webhook `updatedBy: integration:<origin>` is our own echo. Default `tributary`. */
  readonly changeOrigin?: string;
}

/**
 * One signed Clarity webhook in: verify → read the envelope → route by type → (enrich a thin one)
 * → validate → map → drop what is a duplicate, older than what we produced, or our own echo →
 * produce (audit + canonical, one send) → answer. Nothing is produced unless every check passed,
 * and the 202 is sent only after Kafka's ack.
 */
export class ClarityWebhookIntake {
  private readonly routes: WebhookRoutes;
  private readonly memory: DeliveryMemory;
  private readonly locks = new KeyedLock();
  private readonly echoUpdatedBy: string;

  constructor(private readonly deps: WebhookIntakeDeps) {
    this.routes = deps.routes ?? clarityWebhookRoutes;
    this.memory = deps.memory ?? new DeliveryMemory({ windowMs: 48 * 3_600_000, maxEntries: 200_000 });
    this.echoUpdatedBy = echoMarker(deps.changeOrigin ?? 'tributary');
  }

  async receive({ rawBody, headers }: InboundWebhook): Promise<WebhookReply> {
    const { deps } = this;
    const now = (deps.clock ?? Date.now)();
    // Before the body is trusted, the claimed type is a metric label only if it is one we know.
    const claimedType = webhookTypeLabel(headers['x-clarity-event']);

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
    const eventId = eventIdFor(envelope.id);
    const delivery: Delivery = { type, webhookId: envelope.id, eventId, json, rawBody, headers, correlationId, now, signedAt: signature.value.timestamp * 1000, log };

    // Deliveries of one webhook id are handled one at a time: a retry racing the first attempt
    // waits for it, then finds it remembered (or, if that attempt failed, is processed itself).
    return this.locks.run(`webhook:${envelope.id}`, () => this.once(delivery));
  }

  private async once(delivery: Delivery): Promise<WebhookReply> {
    const { deps } = this;
    const { type, webhookId, eventId, log } = delivery;
    if (this.memory.hasSeen(webhookId, delivery.now)) {
      deps.metrics.webhooks.inc({ type, outcome: 'duplicate' });
      log.info({ eventId }, 'webhook duplicate: already stored, nothing produced');
      return reply(202, { status: 'duplicate', duplicate: true, eventId });
    }

    let json = delivery.json;
    let enrichedEntity: unknown;
    const thinId = thinWebhookId(json);
    if (thinId !== null) {
      const enriched = await this.enrich(type, thinId, log);
      if (enriched.kind === 'refused') return enriched.reply;
      enrichedEntity = enriched.entity;
      json = withEntity(json, enriched.entity);
    }

    const translated = translateWebhook(this.routes, type, json, { eventId, correlationId: delivery.correlationId, receivedAt: delivery.now }, this.echoUpdatedBy);
    if (!translated.ok) return this.refuse(type, translated.error, log);
    const translation = translated.value;
    const entityLock = translation.position === null ? `record:${translation.record.topic}:${translation.record.key}` : `entity:${translation.position.entity}`;
    return this.locks.run(entityLock, () => this.produce(delivery, translation, enrichedEntity));
  }

  private async produce(delivery: Delivery, translation: Translation, enrichedEntity: unknown): Promise<WebhookReply> {
    const { deps } = this;
    const { type, webhookId, eventId, log } = delivery;
    const { record, position } = translation;
    const newer = position === null ? null : this.memory.newerThan(position);
    const outcome = translation.echo ? 'echo' : newer !== null ? 'out_of_order' : 'accepted';

    const { traceparent, traceId } = childTraceparent(delivery.headers['traceparent'], `clarity webhook ${type}`);
    const kafkaHeaders = { traceparent, 'correlation-id': delivery.correlationId, 'event-type': type };
    const audit: OutgoingMessage = {
      topic: deps.topics.audit,
      key: webhookId,
      headers: {
        ...kafkaHeaders,
        [AuditHeader.outcome]: outcome,
        ...positionHeaders(position),
        ...(enrichedEntity === undefined ? {} : { [AuditHeader.entity]: JSON.stringify(enrichedEntity) }),
      },
      value: deps.auditCodec.encode({
        webhookId, eventType: type, deliveryId: delivery.headers['x-clarity-delivery-id'] ?? null, receivedAt: delivery.now,
        signedAt: delivery.signedAt, correlationId: delivery.correlationId, body: delivery.rawBody.toString('utf8'),
      }),
    };
    // An echo or an older state is kept for audit (and for re-processing), but never becomes a canonical event.
    const messages = outcome === 'accepted' ? [audit, { topic: deps.topics[record.topic], key: record.key, headers: kafkaHeaders, value: record.encode(deps.encoders) }] : [audit];
    if (outcome === 'accepted' && deps.outcomes) {
      messages.push({
        topic: deps.outcomes.topic, key: record.key, headers: { 'correlation-id': delivery.correlationId, 'event-type': 'outcome.received' },
        value: deps.outcomes.encode({
          eventId, service: 'clarity-ingress', pipeline: `webhook ${type}`, topic: deps.topics[record.topic], partition: -1, offset: '', key: record.key,
          outcome: 'received', ref: webhookId, reason: null, correlationId: delivery.correlationId, traceId, subject: record.subject['orderNumber'] ?? null, at: delivery.now,
        }),
      });
    }
    try {
      await deps.producer.sendAll(messages);
    } catch (error) {
      deps.metrics.webhooks.inc({ type, outcome: 'error' });
      log.error({ error: error instanceof Error ? error.message : String(error) }, 'webhook not stored: Kafka unavailable');
      return reply(503, { error: 'unavailable', message: 'the event could not be stored; retry later' });
    }
    this.memory.remember(webhookId, delivery.now, position);
    deps.metrics.webhooks.inc({ type, outcome });

    if (outcome === 'echo') {
      log.info({ eventId, ...record.subject }, 'webhook is our own change echoed back: stored for audit, nothing produced');
      return reply(202, { status: 'echo', echo: true, eventId, ...record.subject });
    }
    if (outcome === 'out_of_order') {
      log.info({ eventId, entity: position?.entity, at: position?.at, newestAt: newer?.at }, 'webhook older than the state already produced: stored for audit, nothing produced');
      return reply(202, { status: 'stale', stale: true, eventId, ...record.subject, message: 'a newer state of this entity was already received' });
    }
    log.info({ eventId, topic: record.topic, key: record.key, traceId, enriched: enrichedEntity !== undefined, ...record.subject }, 'webhook accepted');
    return reply(202, { status: 'accepted', eventId, ...record.subject });
  }

  private async enrich(type: ClarityWebhookEventType, id: string, log: Logger): Promise<{ kind: 'found'; entity: unknown } | { kind: 'refused'; reply: WebhookReply }> {
    const { metrics } = this.deps;
    const refused = (status: number, outcome: string, body: Record<string, unknown>) => {
      metrics.webhooks.inc({ type, outcome });
      log.warn({ outcome, entityId: id, error: body['error'] }, 'thin webhook not enriched');
      return { kind: 'refused' as const, reply: reply(status, body) };
    };
    const kind = this.routes[type].entity;
    if (this.deps.clarity === undefined) {
      return refused(422, 'invalid', { error: 'enrichment_not_configured', message: 'thin webhook but no Clarity API configured (CLARITY_API_URL, CLARITY_CLIENT_ID, CLARITY_CLIENT_SECRET)' });
    }
    if (kind === null) {
      return refused(422, 'invalid', { error: 'enrichment_not_supported', message: `a thin ${type} webhook cannot be enriched: Clarity's API has no such entity; send the full data` });
    }
    const enrichment = await fetchEntity(this.deps.clarity, kind, id);
    if (enrichment.kind === 'unavailable') {
      return refused(503, 'enrichment_unavailable', { error: 'enrichment_unavailable', message: `Clarity's API could not be asked for ${kind} ${id} (${enrichment.code}); retry later` });
    }
    if (enrichment.kind === 'not-found') {
      return refused(422, 'not_found', { error: 'entity_not_found', message: `Clarity's API has no ${kind} ${id}` });
    }
    return enrichment;
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

interface Delivery {
  readonly type: ClarityWebhookEventType;
  readonly webhookId: string;
  readonly eventId: string;
  readonly json: unknown;
  readonly rawBody: Buffer;
  readonly headers: Readonly<Record<string, string | undefined>>;
  readonly correlationId: string;
  readonly now: number;
  readonly signedAt: number;
  readonly log: Logger;
}

/** A metric label from a claimed type: one we know, else `other` (no unbounded label values). */
export const webhookTypeLabel = (claimed: string | undefined): string => (claimed !== undefined && isClarityWebhookEventType(claimed) ? claimed : 'other');
