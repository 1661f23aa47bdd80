import { z } from 'zod';
import { clarityAddressSchema } from '../webhook/order.schema.js';
import { id, quantity, timestamp } from '../webhook/fields.js';

// What the client sends. Checked before sending, so a bad call fails here (permanent, with the
// path) instead of as a 400 from Clarity.

/** Whole or decimal quantity as exact text; may be negative (oversold). */
const DECIMAL_TEXT = /^-?\d{1,15}(\.\d{1,6})?$/;

export const clarityInventoryLevelSchema = z.object({
  sku: z.string().min(1),
  locationId: z.string().min(1),
  /** Available to sell, exact decimal text. */
  available: z.string().regex(DECIMAL_TEXT, 'expected a decimal number as text, e.g. "12" or "3.5"'),
  /** Increases with every change of this sku@location; Clarity ignores a level older than the one it has. */
  sequence: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
});

/** At most this many levels per `PUT /api/v1/inventory`. */
export const CLARITY_MAX_LEVELS_PER_PUT = 100;

export const clarityInventoryPutSchema = z.object({
  levels: z.array(clarityInventoryLevelSchema).min(1).max(CLARITY_MAX_LEVELS_PER_PUT),
});

export const clarityNewShipmentSchema = z.object({
  shipmentId: id(),
  orderId: id(),
  carrier: z.string().min(1),
  service: z.string().min(1).optional(),
  trackingNumber: z.string().min(1),
  trackingUrl: z.url().optional(),
  shippedAt: timestamp,
  lines: z.array(z.object({ sku: z.string().min(1), quantity })).min(1, 'a shipment has at least one line'),
});

/** Fields another system may own; only the ones present are changed. */
export const clarityCustomerPatchSchema = z
  .object({
    phone: z.string().nullable(),
    email: z.string().min(1),
    firstName: z.string(),
    lastName: z.string(),
    company: z.string().nullable(),
    billingAddress: clarityAddressSchema,
    shippingAddress: clarityAddressSchema,
  })
  .partial()
  .strict()
  .refine((patch) => Object.keys(patch).length > 0, 'a customer patch changes at least one field');

export const clarityOrderStatuses = ['processing', 'shipped', 'invoiced', 'closed', 'cancelled'] as const;

export const clarityOrderStatusChangeSchema = z.object({
  status: z.enum(clarityOrderStatuses),
  note: z.string().max(1000).optional(),
});

export type ClarityInventoryLevel = z.infer<typeof clarityInventoryLevelSchema>;
export type ClarityNewShipment = z.input<typeof clarityNewShipmentSchema>;
export type ClarityCustomerPatch = z.input<typeof clarityCustomerPatchSchema>;
export type ClarityOrderStatus = (typeof clarityOrderStatuses)[number];
export type ClarityOrderStatusChange = z.infer<typeof clarityOrderStatusChangeSchema>;
