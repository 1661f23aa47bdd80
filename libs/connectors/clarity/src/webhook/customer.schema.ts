import { z } from 'zod';
import { clarityAddressSchema } from './order.schema.js';
import { id, optionalText, timestamp } from './fields.js';

/**
 * A Clarity customer (CEF's AccountModel/UserModel as our camelCase facade sends it): the `data`
 * of `customer.created` / `customer.updated` webhooks and what `GET /api/v1/customers/{id}`
 * returns, so a thin webhook enriched by the API maps exactly as a full one. A `company` makes
 * the customer a business.
 */
export const clarityCustomerRecordSchema = z.object({
  customerId: id(),
  email: optionalText(),
  firstName: optionalText(),
  lastName: optionalText(),
  company: optionalText(),
  phone: optionalText(),
  billingAddress: clarityAddressSchema.nullish().transform((value) => value ?? null),
  shippingAddress: clarityAddressSchema.nullish().transform((value) => value ?? null),
  marketingOptIn: z.boolean().nullish().transform((value) => value ?? null),
  createdAt: timestamp.optional(),
  /** When Clarity last changed the customer. */
  modifiedAt: timestamp,
  /** Clarity's revision counter (one up per change), when it sends one: orders versions before the time does. */
  version: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER).optional(),
  /** The fields this change touched, when Clarity says (absent: unknown, every field is as given). */
  changedFields: z.array(z.string().min(1)).nullish().transform((value) => value ?? []),
  /** Who made the change: `user:<name>` in Clarity's admin, `integration:<origin>` for an API client (ours is an echo). */
  updatedBy: optionalText(),
});

export type ClarityCustomerRecord = z.infer<typeof clarityCustomerRecordSchema>;
