import { ok, type IntegrationError, type Result } from '@tributary/core';
import {
  clarityOrderWebhookSchema,
  clarityPaymentWebhookSchema,
  clarityProductWebhookSchema,
  clarityReturnWebhookSchema,
  validateWith,
  type ClarityWebhookEventType,
  type ClarityWebhookOf,
  type WebhookRejection,
} from '@tributary/connectors-clarity';
import { topics, type OrderEvent, type PaymentEvent, type ProductEvent, type ReturnEvent } from '@tributary/canonical-model';
import {
  toCanonicalOrderEvent,
  toCanonicalPaymentEvent,
  toCanonicalProductEvent,
  toCanonicalReturnEvent,
  type EventContext,
} from '@tributary/mapping-clarity';

/** The canonical topics the ingress writes, by the event each carries. */
export interface CanonicalEvents {
  readonly order: OrderEvent;
  readonly payment: PaymentEvent;
  readonly return: ReturnEvent;
  readonly product: ProductEvent;
}
export type CanonicalTopic = keyof CanonicalEvents;

export const canonicalTopics = { order: topics.order, payment: topics.payment, return: topics.return, product: topics.product } as const satisfies Record<CanonicalTopic, unknown>;

/** One Avro encoder per canonical topic (the codecs, registered at start). */
export type CanonicalEncoders = { readonly [Topic in CanonicalTopic]: { encode(value: CanonicalEvents[Topic]): Buffer } };

/** What a webhook becomes: one canonical record, addressed, ready to encode. */
export interface CanonicalRecord {
  readonly topic: CanonicalTopic;
  readonly key: string;
  readonly eventId: string;
  /** Ids a person looks for in logs and in the 202 body, e.g. `{ orderId }`. */
  readonly subject: Readonly<Record<string, string>>;
  readonly encode: (encoders: CanonicalEncoders) => Buffer;
}

/** How one webhook type is handled: validate its body, then translate it into its canonical record. */
export interface WebhookRoute<Webhook> {
  readonly parse: (json: unknown) => Result<Webhook, WebhookRejection>;
  readonly translate: (webhook: Webhook, ctx: EventContext) => Result<CanonicalRecord, IntegrationError>;
}

interface RouteSpec<Webhook, Topic extends CanonicalTopic> {
  readonly parse: (json: unknown) => Result<Webhook, WebhookRejection>;
  /** The message translator: pure, from the mapping lib. */
  readonly map: (webhook: Webhook, ctx: EventContext) => Result<CanonicalEvents[Topic], IntegrationError>;
  readonly topic: Topic;
  /** The record key: the canonical entity id the topic is keyed by. */
  readonly key: (event: CanonicalEvents[Topic]) => string;
  readonly subject: (event: CanonicalEvents[Topic]) => Record<string, string>;
}

/** Binds a mapper to its topic, so the event and the codec that encodes it always agree. */
export const route = <Webhook, Topic extends CanonicalTopic>(spec: RouteSpec<Webhook, Topic>): WebhookRoute<Webhook> => ({
  parse: spec.parse,
  translate: (webhook, ctx) => {
    const event = spec.map(webhook, ctx);
    if (!event.ok) return event;
    const value = event.value;
    return ok({
      topic: spec.topic,
      key: spec.key(value),
      eventId: value.eventId,
      subject: spec.subject(value),
      encode: (encoders) => encoders[spec.topic].encode(value),
    });
  },
});

const order = route({
  parse: validateWith(clarityOrderWebhookSchema),
  map: toCanonicalOrderEvent,
  topic: 'order',
  key: (event) => event.order.orderId,
  subject: (event) => ({ orderId: event.order.orderId }),
});

const payment = route({
  parse: validateWith(clarityPaymentWebhookSchema),
  map: toCanonicalPaymentEvent,
  topic: 'payment',
  key: (event) => event.payment.paymentId,
  subject: (event) => ({ paymentId: event.payment.paymentId, orderId: event.payment.orderId }),
});

const orderReturn = route({
  parse: validateWith(clarityReturnWebhookSchema),
  map: toCanonicalReturnEvent,
  topic: 'return',
  key: (event) => event.return.returnId,
  subject: (event) => ({ returnId: event.return.returnId, orderId: event.return.orderId }),
});

const product = route({
  parse: validateWith(clarityProductWebhookSchema),
  map: toCanonicalProductEvent,
  topic: 'product',
  key: (event) => event.product.sku,
  subject: (event) => ({ sku: event.product.sku }),
});

export type WebhookRoutes = { readonly [Type in ClarityWebhookEventType]: WebhookRoute<ClarityWebhookOf<Type>> };

/**
 * The content-based router: Clarity webhook type → how it is validated, mapped and keyed, and
 * which canonical topic it lands on. Keyed by every type the connector validates, so a type added
 * there fails to compile until it has a row here.
 */
export const clarityWebhookRoutes: WebhookRoutes = {
  'order.created': order,
  'order.updated': order,
  'order.cancelled': order,
  'payment.captured': payment,
  'payment.refunded': payment,
  'return.created': orderReturn,
  'product.updated': product,
};
