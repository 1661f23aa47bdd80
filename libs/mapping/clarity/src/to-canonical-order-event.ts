import { ok, type IntegrationError, type Result } from '@tributary/core';
import type { ClarityOrderWebhook } from '@tributary/connectors-clarity';
import type { OrderEvent } from '@tributary/canonical-model';
import { canonicalOrderEventType } from './event-types.js';
import { toCanonicalOrder } from './to-canonical-order.js';

/** What the caller decides: this function reads no clock and draws no random ids. */
export interface OrderEventContext {
  /** UUID of the canonical event. */
  readonly eventId: string;
  readonly correlationId: string;
  /** When the webhook reached us, epoch ms (kept for the caller's records; not part of the event). */
  readonly receivedAt: number;
}

export const ORDER_EVENT_SCHEMA_VERSION = 1;

/** A verified, validated Clarity order webhook → `commerce.order.v1` event. Pure. */
export const toCanonicalOrderEvent = (
  webhook: ClarityOrderWebhook,
  ctx: OrderEventContext,
): Result<OrderEvent, IntegrationError> => {
  const order = toCanonicalOrder(webhook.data);
  if (!order.ok) return order;
  return ok({
    eventId: ctx.eventId,
    eventType: canonicalOrderEventType[webhook.type],
    occurredAt: Date.parse(webhook.createdAt),
    source: 'clarity',
    correlationId: ctx.correlationId,
    // The Clarity event id: what caused this event, and what a consumer can trace back to.
    causationId: webhook.id,
    schemaVersion: ORDER_EVENT_SCHEMA_VERSION,
    order: order.value,
  });
};
