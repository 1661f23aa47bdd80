import { z } from 'zod';
import { clarityOrderSchema } from './order.schema.js';
import { clarityPaymentTransactionSchema } from './payment-transaction.schema.js';
import { clarityProductSchema } from './product.schema.js';
import { clarityReturnSchema } from './return.schema.js';
import { clarityCustomerRecordSchema } from './customer.schema.js';
import { clarityShipmentSchema } from './shipment.schema.js';
import { clarityInventorySchema } from './inventory.schema.js';

/** Every Clarity webhook, whatever it is about; `data` is read once `type` is known. */
export const clarityWebhookEnvelopeSchema = z.object({
  /** `evt_…`; the same on every retry, so it is the dedupe key. */
  id: z.string().min(1),
  type: z.string().min(1),
  createdAt: z.iso.datetime({ offset: true, error: 'expected an ISO 8601 timestamp with a zone offset' }),
  apiVersion: z.string().min(1),
  data: z.unknown(),
});

/** The envelope of a type we understand, with its `data` schema. */
const webhookOf = <const Types extends readonly [string, ...string[]], Data extends z.ZodType>(types: Types, data: Data) =>
  clarityWebhookEnvelopeSchema.extend({
    type: z.enum(types),
    // A new apiVersion may change meanings, so it is refused rather than guessed at.
    apiVersion: z.literal('v1'),
    data,
  });

/** Order events we understand. */
export const clarityOrderEventTypes = ['order.created', 'order.updated', 'order.cancelled'] as const;
export const clarityPaymentEventTypes = ['payment.captured', 'payment.refunded'] as const;
export const clarityReturnEventTypes = ['return.created'] as const;
export const clarityProductEventTypes = ['product.updated'] as const;
export const clarityCustomerEventTypes = ['customer.created', 'customer.updated'] as const;
export const clarityInventoryEventTypes = ['inventory.changed'] as const;
export const clarityShipmentEventTypes = ['shipment.created'] as const;

export const clarityOrderWebhookSchema = webhookOf(clarityOrderEventTypes, clarityOrderSchema);
export const clarityPaymentWebhookSchema = webhookOf(clarityPaymentEventTypes, clarityPaymentTransactionSchema);
export const clarityReturnWebhookSchema = webhookOf(clarityReturnEventTypes, clarityReturnSchema);
export const clarityProductWebhookSchema = webhookOf(clarityProductEventTypes, clarityProductSchema);
export const clarityCustomerWebhookSchema = webhookOf(clarityCustomerEventTypes, clarityCustomerRecordSchema);
export const clarityInventoryWebhookSchema = webhookOf(clarityInventoryEventTypes, clarityInventorySchema);
export const clarityShipmentWebhookSchema = webhookOf(clarityShipmentEventTypes, clarityShipmentSchema);

/**
 * A thin webhook: Clarity says only which entity changed (`data: { id }`); the full entity is
 * fetched from its API before mapping. Nothing else may be in `data`, so a full body that happens
 * to carry an `id` is never mistaken for a thin one.
 */
export const clarityThinWebhookSchema = clarityWebhookEnvelopeSchema.extend({
  apiVersion: z.literal('v1'),
  data: z.strictObject({ id: z.string().min(1) }),
});
export type ClarityThinWebhook = z.infer<typeof clarityThinWebhookSchema>;

/** Every webhook type this connector can validate. */
export const clarityWebhookEventTypes = [
  ...clarityOrderEventTypes,
  ...clarityPaymentEventTypes,
  ...clarityReturnEventTypes,
  ...clarityProductEventTypes,
  ...clarityCustomerEventTypes,
  ...clarityInventoryEventTypes,
  ...clarityShipmentEventTypes,
] as const;

export type ClarityWebhookEnvelope = z.infer<typeof clarityWebhookEnvelopeSchema>;
export type ClarityOrderEventType = (typeof clarityOrderEventTypes)[number];
export type ClarityPaymentEventType = (typeof clarityPaymentEventTypes)[number];
export type ClarityWebhookEventType = (typeof clarityWebhookEventTypes)[number];
export type ClarityOrderWebhook = z.infer<typeof clarityOrderWebhookSchema>;
export type ClarityPaymentWebhook = z.infer<typeof clarityPaymentWebhookSchema>;
export type ClarityReturnWebhook = z.infer<typeof clarityReturnWebhookSchema>;
export type ClarityProductWebhook = z.infer<typeof clarityProductWebhookSchema>;
export type ClarityCustomerEventType = (typeof clarityCustomerEventTypes)[number];
export type ClarityCustomerWebhook = z.infer<typeof clarityCustomerWebhookSchema>;
export type ClarityInventoryWebhook = z.infer<typeof clarityInventoryWebhookSchema>;
export type ClarityShipmentWebhook = z.infer<typeof clarityShipmentWebhookSchema>;
export type ClarityWebhook =
  | ClarityOrderWebhook
  | ClarityPaymentWebhook
  | ClarityReturnWebhook
  | ClarityProductWebhook
  | ClarityCustomerWebhook
  | ClarityInventoryWebhook
  | ClarityShipmentWebhook;

/** The webhook whose `type` can be `Type`, e.g. `ClarityWebhookOf<'payment.refunded'>` is the payment webhook. */
export type ClarityWebhookOf<Type extends ClarityWebhookEventType> = ClarityWebhook extends infer Webhook
  ? Webhook extends { type: infer Types } ? (Type extends Types ? Webhook : never) : never
  : never;

export const isClarityWebhookEventType = (type: string): type is ClarityWebhookEventType =>
  (clarityWebhookEventTypes as readonly string[]).includes(type);
