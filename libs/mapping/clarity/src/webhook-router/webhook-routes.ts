import { ok, type IntegrationError, type Result } from '@tributary/core';
import {
  clarityCustomerWebhookSchema,
  clarityInventoryWebhookSchema,
  clarityShipmentWebhookSchema,
  clarityOrderWebhookSchema,
  clarityPaymentWebhookSchema,
  clarityProductWebhookSchema,
  clarityReturnWebhookSchema,
  validateWith,
  type ClarityWebhookEventType,
  type ClarityWebhookOf,
  type WebhookRejection,
} from '@tributary/connectors-clarity';
import {
  topics,
  type CustomerEvent,
  type InventoryAdjustmentEvent,
  type OrderEvent,
  type PaymentEvent,
  type ProductEvent,
  type ReturnEvent,
  type ShipmentEvent,
} from '@tributary/canonical-model';
import type { EventContext } from '../event-context.js';
import { toCanonicalCustomerEvent } from '../to-canonical-customer-event.js';
import { inventoryKey, toCanonicalInventoryEvent } from '../to-canonical-inventory-event.js';
import { toCanonicalOrderEvent } from '../to-canonical-order-event.js';
import { toCanonicalPaymentEvent } from '../to-canonical-payment-event.js';
import { toCanonicalProductEvent } from '../to-canonical-product-event.js';
import { toCanonicalReturnEvent } from '../to-canonical-return-event.js';
import { toCanonicalShipmentEvent } from '../to-canonical-shipment-event.js';
import type { EntityPosition } from './entity-position.js';

/** The canonical topics the ingress writes, by the event each carries. */
export interface CanonicalEvents {
  readonly order: OrderEvent;
  readonly payment: PaymentEvent;
  readonly return: ReturnEvent;
  readonly product: ProductEvent;
  readonly customer: CustomerEvent;
  readonly shipment: ShipmentEvent;
  readonly inventoryAdjustment: InventoryAdjustmentEvent;
}
export type CanonicalTopic = keyof CanonicalEvents;

export const canonicalTopics = {
  order: topics.order,
  payment: topics.payment,
  return: topics.return,
  product: topics.product,
  customer: topics.customer,
  shipment: topics.shipment,
  inventoryAdjustment: topics.inventoryAdjustment,
} as const satisfies Record<CanonicalTopic, unknown>;

/** What a thin webhook (`data: { id }`) is about: the entity to fetch from Clarity's API. */
export type ClarityEntityKind = 'order' | 'customer' | 'product' | 'return' | 'payment' | 'shipment';

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
  /** Which entity's state the webhook carries and how new it is; null for one-off events. */
  readonly position: (webhook: Webhook) => EntityPosition | null;
  /** Who made the change, when Clarity says (`integration:tributary` is our own write echoed). */
  readonly updatedBy: (webhook: Webhook) => string | null;
  /** What to fetch for a thin webhook; null when Clarity's API has no such entity. */
  readonly entity: ClarityEntityKind | null;
}

interface RouteSpec<Webhook, Topic extends CanonicalTopic> {
  readonly parse: (json: unknown) => Result<Webhook, WebhookRejection>;
  /** The message translator: pure, from the mapping lib. */
  readonly map: (webhook: Webhook, ctx: EventContext) => Result<CanonicalEvents[Topic], IntegrationError>;
  readonly topic: Topic;
  /** The record key: the canonical entity id the topic is keyed by. */
  readonly key: (event: CanonicalEvents[Topic]) => string;
  readonly subject: (event: CanonicalEvents[Topic]) => Record<string, string>;
  /** For entities whose state changes over time (orders, customers, products, stock rows). */
  readonly position?: (webhook: Webhook) => EntityPosition;
  readonly entity: ClarityEntityKind | null;
}

/** Binds a mapper to its topic, so the event and the codec that encodes it always agree. */
export const route = <Webhook extends { readonly data: object }, Topic extends CanonicalTopic>(spec: RouteSpec<Webhook, Topic>): WebhookRoute<Webhook> => ({
  parse: spec.parse,
  position: (webhook) => spec.position?.(webhook) ?? null,
  updatedBy: (webhook) => {
    const by = (webhook.data as { readonly updatedBy?: unknown }).updatedBy;
    return typeof by === 'string' ? by : null;
  },
  entity: spec.entity,
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
  // Clarity's revision counter when it sends one; else its update time; else when it posted.
  position: ({ createdAt, data }) => ({ entity: `order:${data.orderId}`, at: Date.parse(data.updatedAt ?? createdAt), revision: data.version ?? null }),
  entity: 'order',
});

const payment = route({
  parse: validateWith(clarityPaymentWebhookSchema),
  map: toCanonicalPaymentEvent,
  topic: 'payment',
  key: (event) => event.payment.paymentId,
  subject: (event) => ({ paymentId: event.payment.paymentId, orderId: event.payment.orderId }),
  entity: 'payment',
});

const orderReturn = route({
  parse: validateWith(clarityReturnWebhookSchema),
  map: toCanonicalReturnEvent,
  topic: 'return',
  key: (event) => event.return.returnId,
  subject: (event) => ({ returnId: event.return.returnId, orderId: event.return.orderId }),
  entity: 'return',
});

const product = route({
  parse: validateWith(clarityProductWebhookSchema),
  map: toCanonicalProductEvent,
  topic: 'product',
  key: (event) => event.product.sku,
  subject: (event) => ({ sku: event.product.sku }),
  position: ({ data }) => ({ entity: `product:${data.sku}`, at: Date.parse(data.modifiedAt), revision: null }),
  entity: 'product',
});

const customer = route({
  parse: validateWith(clarityCustomerWebhookSchema),
  map: toCanonicalCustomerEvent,
  topic: 'customer',
  key: (event) => event.customer.customerId,
  subject: (event) => ({ customerId: event.customer.customerId }),
  position: ({ data }) => ({ entity: `customer:${data.customerId}`, at: Date.parse(data.modifiedAt), revision: data.version ?? null }),
  entity: 'customer',
});

const inventory = route({
  parse: validateWith(clarityInventoryWebhookSchema),
  map: toCanonicalInventoryEvent,
  topic: 'inventoryAdjustment',
  key: (event) => inventoryKey(event.adjustment.sku, event.adjustment.locationId),
  subject: (event) => ({ sku: event.adjustment.sku, locationId: event.adjustment.locationId }),
  position: ({ data }) => ({ entity: `inventory:${inventoryKey(data.sku, data.locationId)}`, at: Date.parse(data.modifiedAt), revision: null }),
  // Clarity's API has no single stock row to fetch: a thin inventory.changed cannot be enriched.
  entity: null,
});

const shipment = route({
  parse: validateWith(clarityShipmentWebhookSchema),
  map: toCanonicalShipmentEvent,
  topic: 'shipment',
  key: (event) => event.shipment.shipmentId,
  subject: (event) => ({ shipmentId: event.shipment.shipmentId, orderNumber: event.shipment.orderNumber }),
  entity: 'shipment',
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
  'customer.created': customer,
  'customer.updated': customer,
  'inventory.changed': inventory,
  'shipment.created': shipment,
};
