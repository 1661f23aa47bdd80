import { newEventId } from './event-id.js';
import type {
  ClarityEventType,
  ClarityOrderEventType,
  ClarityOrderPayload,
  ClarityPaymentEventType,
  ClarityPaymentTransactionPayload,
  ClarityProductPayload,
  ClarityReturnPayload,
  ClarityWebhookPayload,
} from './payload.js';

export interface WebhookOptions {
  type?: ClarityOrderEventType;
  /** Pin it to replay the same event; by default each call is a new event. */
  eventId?: string;
  /** Default: two seconds after the order was placed. */
  createdAt?: string;
}

/** Default `createdAt`: Clarity posts a couple of seconds after the fact. */
const twoSecondsAfter = (timestamp: string) => new Date(Date.parse(timestamp) + 2000).toISOString().replace('.000Z', 'Z');

const envelope = <Data>(type: ClarityEventType, data: Data, createdAt: string, eventId: string | undefined): ClarityWebhookPayload<Data> => ({
  id: eventId ?? newEventId(Date.parse(createdAt)),
  type,
  createdAt,
  apiVersion: 'v1',
  data,
});

/** Wraps an order in the envelope Clarity posts. */
export const webhookFor = (order: ClarityOrderPayload, options: WebhookOptions = {}): ClarityWebhookPayload<ClarityOrderPayload> =>
  envelope(options.type ?? 'order.created', order, options.createdAt ?? twoSecondsAfter(order.orderDate), options.eventId);

export interface EventWebhookOptions {
  eventId?: string;
  /** Default: two seconds after the payment was processed, the return created, the product modified. */
  createdAt?: string;
}

/** `payment.captured` by default; pass `payment.refunded` for a refund. */
export const paymentWebhookFor = (
  payment: ClarityPaymentTransactionPayload,
  options: EventWebhookOptions & { type?: ClarityPaymentEventType } = {},
): ClarityWebhookPayload<ClarityPaymentTransactionPayload> =>
  envelope(options.type ?? 'payment.captured', payment, options.createdAt ?? twoSecondsAfter(payment.processedAt), options.eventId);

export const returnWebhookFor = (orderReturn: ClarityReturnPayload, options: EventWebhookOptions = {}): ClarityWebhookPayload<ClarityReturnPayload> =>
  envelope('return.created', orderReturn, options.createdAt ?? twoSecondsAfter(orderReturn.createdAt), options.eventId);

export const productWebhookFor = (product: ClarityProductPayload, options: EventWebhookOptions = {}): ClarityWebhookPayload<ClarityProductPayload> =>
  envelope('product.updated', product, options.createdAt ?? twoSecondsAfter(product.modifiedAt), options.eventId);
