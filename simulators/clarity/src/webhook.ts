import { newEventId } from './event-id.js';
import type { ClarityEventType, ClarityOrderPayload, ClarityWebhookPayload } from './payload.js';

export interface WebhookOptions {
  type?: ClarityEventType;
  /** Pin it to replay the same event; by default each call is a new event. */
  eventId?: string;
  /** Default: two seconds after the order was placed. */
  createdAt?: string;
}

/** Wraps an order in the envelope Clarity posts. */
export const webhookFor = (
  order: ClarityOrderPayload,
  options: WebhookOptions = {},
): ClarityWebhookPayload<ClarityOrderPayload> => {
  const createdAt = options.createdAt ?? new Date(Date.parse(order.orderDate) + 2000).toISOString().replace('.000Z', 'Z');
  return {
    id: options.eventId ?? newEventId(Date.parse(createdAt)),
    type: options.type ?? 'order.created',
    createdAt,
    apiVersion: 'v1',
    data: order,
  };
};
