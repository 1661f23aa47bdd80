import { z } from 'zod';
import { clarityOrderSchema } from './order.schema.js';

/** Every Clarity webhook, whatever it is about; `data` is read once `type` is known. */
export const clarityWebhookEnvelopeSchema = z.object({
  /** `evt_…`; the same on every retry, so it is the dedupe key. */
  id: z.string().min(1),
  type: z.string().min(1),
  createdAt: z.iso.datetime({ offset: true, error: 'expected an ISO 8601 timestamp with a zone offset' }),
  apiVersion: z.string().min(1),
  data: z.unknown(),
});

/** Order events we understand. Add `order.updated` / `order.cancelled` here when Clarity sends them. */
export const clarityOrderEventTypes = ['order.created', 'order.updated', 'order.cancelled'] as const;

export const clarityOrderWebhookSchema = clarityWebhookEnvelopeSchema.extend({
  type: z.enum(clarityOrderEventTypes),
  // A new apiVersion may change meanings, so it is refused rather than guessed at.
  apiVersion: z.literal('v1'),
  data: clarityOrderSchema,
});

export type ClarityWebhookEnvelope = z.infer<typeof clarityWebhookEnvelopeSchema>;
export type ClarityOrderEventType = (typeof clarityOrderEventTypes)[number];
export type ClarityOrderWebhook = z.infer<typeof clarityOrderWebhookSchema>;
