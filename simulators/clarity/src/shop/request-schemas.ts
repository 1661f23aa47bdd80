import { z } from 'zod';

// What the simulated shop accepts, written from the OpenAPI document rather than imported from
// the connector, so the two implementations check each other.

const timestamp = z.iso.datetime({ offset: true });

export const addressSchema = z.object({
  name: z.string().nullish(),
  line1: z.string().min(1),
  line2: z.string().nullish(),
  city: z.string().min(1),
  region: z.string().nullish(),
  postalCode: z.string(),
  country: z.string().regex(/^[A-Za-z]{2}$/),
}).transform((a) => ({ name: a.name ?? null, line1: a.line1, line2: a.line2 ?? null, city: a.city, region: a.region ?? null, postalCode: a.postalCode, country: a.country.toUpperCase() }));

export const inventoryPutSchema = z.object({
  levels: z
    .array(
      z.object({
        sku: z.string().min(1),
        locationId: z.string().min(1),
        available: z.string().regex(/^-?\d{1,15}(\.\d{1,6})?$/, 'a decimal number as text'),
        sequence: z.number().int().min(0),
      }),
    )
    .min(1)
    .max(100, 'at most 100 levels per request'),
});

export const newShipmentSchema = z.object({
  shipmentId: z.string().min(1),
  orderId: z.string().min(1),
  carrier: z.string().min(1),
  service: z.string().min(1).optional(),
  trackingNumber: z.string().min(1),
  trackingUrl: z.url().optional(),
  shippedAt: timestamp,
  lines: z.array(z.object({ sku: z.string().min(1), quantity: z.number().positive() })).min(1),
});

export const customerPatchSchema = z
  .strictObject({
    phone: z.string().nullable(),
    email: z.string().min(1),
    firstName: z.string(),
    lastName: z.string(),
    company: z.string().nullable(),
    billingAddress: addressSchema,
    shippingAddress: addressSchema,
  })
  .partial()
  .refine((patch) => Object.keys(patch).length > 0, 'change at least one field');

export const orderStatusSchema = z.object({
  status: z.enum(['processing', 'shipped', 'invoiced', 'closed', 'cancelled']),
  note: z.string().max(1000).optional(),
});

/** An X-Change-Origin value: a short integration name. */
export const changeOrigin = z.string().regex(/^[\w.-]{1,64}$/);
