import { ok, type IntegrationError, type Result } from '@tributary/core';
import type { ClarityOrderWebhook } from '@tributary/connectors-clarity';
import type { OrderEvent } from '@tributary/canonical-model';
import { canonicalOrderEventType } from './event-types.js';
import { toCanonicalOrder } from './to-canonical-order.js';
import { envelopeFrom, type EventContext } from './event-context.js';

/** Kept for existing callers; every mapping takes the same context. */
export type OrderEventContext = EventContext;

export const ORDER_EVENT_SCHEMA_VERSION = 1;

/** A verified, validated Clarity order webhook → `commerce.order.v1` event. Pure. */
export const toCanonicalOrderEvent = (
  webhook: ClarityOrderWebhook,
  ctx: OrderEventContext,
): Result<OrderEvent, IntegrationError> => {
  const order = toCanonicalOrder(webhook.data);
  if (!order.ok) return order;
  return ok({
    ...envelopeFrom(webhook, ctx, ORDER_EVENT_SCHEMA_VERSION),
    eventType: canonicalOrderEventType[webhook.type],
    order: order.value,
  });
};
