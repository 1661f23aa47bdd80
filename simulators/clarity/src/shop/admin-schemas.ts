import { z } from 'zod';
import { customerPatchSchema } from './request-schemas.js';

// Admin bodies check only what the shop needs to file an entity (its id); the rest is kept as
// sent, so a test can plant an entity that breaks the contract on purpose.

const entity = <Key extends string>(key: Key) => z.looseObject({ [key]: z.string().min(1) } as Record<Key, z.ZodString>);

export const adminEntitySchemas = {
  orders: entity('orderId').extend({ orderNumber: z.string().min(1), status: z.string().min(1), lineItems: z.array(z.looseObject({ sku: z.string() })) }),
  customers: entity('customerId').extend({ modifiedAt: z.iso.datetime({ offset: true }) }),
  products: entity('sku'),
  returns: entity('returnId'),
  payments: entity('paymentId'),
  shipments: entity('shipmentId').extend({ orderNumber: z.string().min(1) }),
} as const;

const rate = z.number().min(0).max(1).optional();

export const faultsSchema = z.strictObject({
  rate5xx: rate,
  rate429: rate,
  latencyMs: z.number().int().min(0).max(600_000).optional(),
  failNext: z.number().int().min(0).optional(),
  retryAfterSeconds: z.number().int().min(0).optional(),
});

export const webhookTargetSchema = z.strictObject({
  url: z.url(),
  secrets: z.array(z.string().min(1)).min(1),
  maxAttempts: z.number().int().min(1).max(20).optional(),
  backoffMs: z.number().int().min(0).optional(),
  timeoutMs: z.number().int().positive().optional(),
});

export const emitSchema = z.strictObject({
  type: z.string().regex(/^(order|customer|product|return|payment|shipment|inventory)\.[a-z_]+$/, 'expected <entity>.<event>, e.g. order.updated'),
  /** The id of a stored entity… */
  id: z.string().min(1).optional(),
  /** …or the entity itself (e.g. an older version, to deliver out of order). */
  entity: z.looseObject({}).optional(),
  thin: z.boolean().optional(),
  duplicate: z.boolean().optional(),
  delayMs: z.number().int().min(0).max(600_000).optional(),
  eventId: z.string().min(1).optional(),
}).refine((body) => (body.id === undefined) !== (body.entity === undefined), 'give exactly one of id and entity');

export const changeCustomerSchema = z.strictObject({
  user: z.string().min(1),
  patch: customerPatchSchema,
});

export const seedSchema = z.strictObject({
  count: z.number().int().min(1).max(10_000),
  seed: z.number().int().optional(),
  startNumber: z.number().int().min(1).optional(),
});
