/**
 * The topic catalogue: every topic Tributary owns, with how it is provisioned. Services create
 * the topics they use at start (idempotently) from these entries; names never appear elsewhere.
 */
export interface TopicDefinition {
  readonly name: string;
  readonly partitions: number;
  readonly cleanupPolicy: 'delete' | 'compact';
  /** Retention in ms for `delete` topics; -1 keeps forever. */
  readonly retentionMs: number;
  /** Avro schema of the value, when the topic carries a canonical event. */
  readonly valueSchema?: object;
}

import { clarityWebhookReceivedSchema } from './generated/clarity-webhook.v1.js';
import { customerEventSchema } from './generated/commerce-customer.v1.js';
import { orderEventSchema } from './generated/commerce-order.v1.js';
import { shipmentEventSchema } from './generated/commerce-shipment.v1.js';
import { customerProfileEventSchema } from './generated/customer-profile.v1.js';
import { inventoryLevelEventSchema } from './generated/inventory-level.v1.js';
import { orderStatusEventSchema } from './generated/commerce-order-status.v1.js';
import { paymentEventSchema } from './generated/commerce-payment.v1.js';
import { productEventSchema } from './generated/commerce-product.v1.js';
import { returnEventSchema } from './generated/commerce-return.v1.js';
import { settlementEventSchema } from './generated/commerce-settlement.v1.js';
import { crossReferenceSchema } from './generated/integration-xref.v1.js';
import { inventoryAdjustmentEventSchema } from './generated/inventory-adjustment.v1.js';
import { integrationOutcomeSchema } from './generated/integration-outcome.v1.js';

const DAY_MS = 24 * 60 * 60 * 1000;

export const topics = {
  clarityWebhook: { name: 'clarity.webhook.v1', partitions: 6, cleanupPolicy: 'delete', retentionMs: 30 * DAY_MS, valueSchema: clarityWebhookReceivedSchema },
  order: { name: 'commerce.order.v1', partitions: 6, cleanupPolicy: 'delete', retentionMs: 14 * DAY_MS, valueSchema: orderEventSchema },
  orderStatus: { name: 'commerce.order-status.v1', partitions: 6, cleanupPolicy: 'delete', retentionMs: 14 * DAY_MS, valueSchema: orderStatusEventSchema },
  payment: { name: 'commerce.payment.v1', partitions: 6, cleanupPolicy: 'delete', retentionMs: 30 * DAY_MS, valueSchema: paymentEventSchema },
  settlement: { name: 'commerce.settlement.v1', partitions: 3, cleanupPolicy: 'delete', retentionMs: 90 * DAY_MS, valueSchema: settlementEventSchema },
  return: { name: 'commerce.return.v1', partitions: 6, cleanupPolicy: 'delete', retentionMs: 30 * DAY_MS, valueSchema: returnEventSchema },
  product: { name: 'commerce.product.v1', partitions: 6, cleanupPolicy: 'delete', retentionMs: 14 * DAY_MS, valueSchema: productEventSchema },
  customer: { name: 'commerce.customer.v1', partitions: 6, cleanupPolicy: 'delete', retentionMs: 30 * DAY_MS, valueSchema: customerEventSchema },
  shipment: { name: 'commerce.shipment.v1', partitions: 6, cleanupPolicy: 'delete', retentionMs: 30 * DAY_MS, valueSchema: shipmentEventSchema },
  inventoryLevel: { name: 'inventory.level.v1', partitions: 6, cleanupPolicy: 'compact', retentionMs: -1, valueSchema: inventoryLevelEventSchema },
  customerProfile: { name: 'customer.profile.v1', partitions: 6, cleanupPolicy: 'compact', retentionMs: -1, valueSchema: customerProfileEventSchema },
  inventoryAdjustment: { name: 'inventory.adjustment.v1', partitions: 6, cleanupPolicy: 'delete', retentionMs: 30 * DAY_MS, valueSchema: inventoryAdjustmentEventSchema },
  xref: { name: 'integration.xref.v1', partitions: 6, cleanupPolicy: 'compact', retentionMs: -1, valueSchema: crossReferenceSchema },
  /** What each service did with each message (received, done, duplicate, skipped, dead_lettered, parked): `tributary trace`. */
  outcome: { name: 'integration.outcome.v1', partitions: 6, cleanupPolicy: 'delete', retentionMs: 30 * DAY_MS, valueSchema: integrationOutcomeSchema },
  /** Operator actions (DLQ replay and discard, window replays), JSON, kept a year. */
  audit: { name: 'tributary.audit.v1', partitions: 1, cleanupPolicy: 'delete', retentionMs: 365 * DAY_MS },
} as const satisfies Record<string, TopicDefinition>;

/** Dead letter topic of a consumer group: kept long, so nothing that failed is ever lost. */
export const deadLetterTopic = (consumerGroup: string): TopicDefinition => ({
  name: `dlq.${consumerGroup}.v1`,
  partitions: 6,
  cleanupPolicy: 'delete',
  retentionMs: 90 * DAY_MS,
});
