import { z } from 'zod';
import { id, timestamp } from '../webhook/fields.js';

/** RFC 6749 §5.1; `token_type` is compared case-insensitively (§7.1). */
export const clarityTokenReplySchema = z.object({
  access_token: z.string().min(1),
  token_type: z.string().regex(/^bearer$/i, 'expected token_type Bearer'),
  expires_in: z.number().int().positive(),
  scope: z.string().optional(),
});

export const clarityInventoryReplySchema = z.object({
  accepted: z.number().int().min(0),
  ignoredStale: z.number().int().min(0),
});

export const clarityShipmentCreatedSchema = z.object({
  shipmentId: id(),
  status: z.literal('created'),
});

export const clarityOrderStatusReplySchema = z.object({
  orderId: id(),
  status: z.string().min(1),
  previousStatus: z.string().nullish().transform((value) => value ?? null),
  modifiedAt: timestamp,
});

/** Clarity's error body: `{ error, message? }`. */
export const clarityErrorBodySchema = z.object({ error: z.string(), message: z.string().optional() });

export type ClarityTokenReply = z.infer<typeof clarityTokenReplySchema>;
export type ClarityInventoryResult = z.infer<typeof clarityInventoryReplySchema>;
export type ClarityOrderStatusResult = z.infer<typeof clarityOrderStatusReplySchema>;
