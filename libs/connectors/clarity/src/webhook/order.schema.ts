import { z } from 'zod';
import { clarityAmountSchema } from './amount.js';
import { countryCode, currencyCode, optionalText, quantity, timestamp } from './fields.js';

// Objects strip unknown keys rather than reject them: Clarity adds fields without notice, and
// stripping also keeps `__proto__`-style keys out of what we pass on.

export const clarityAddressSchema = z.object({
  name: optionalText(),
  line1: z.string().min(1),
  line2: optionalText(),
  city: z.string().min(1),
  region: optionalText(),
  postalCode: z.string(),
  country: countryCode,
});

export const clarityCustomerSchema = z.object({
  email: z.string().min(1),
  firstName: z.string(),
  lastName: z.string(),
  company: optionalText(),
  phone: optionalText(),
});

export const clarityLineItemSchema = z.object({
  /** Absent in older payloads; the mapping numbers lines by position then. */
  lineId: z.string().min(1).optional(),
  sku: z.string().min(1),
  name: optionalText(),
  quantity,
  unitPrice: clarityAmountSchema,
  /** Discount on the whole line. */
  discount: clarityAmountSchema.default('0'),
  /** Tax on the whole line. */
  tax: clarityAmountSchema,
});

export const clarityShippingSchema = z.object({
  method: optionalText(),
  amount: clarityAmountSchema,
});

export const clarityPaymentSchema = z.object({
  method: z.string().min(1),
  transactionId: optionalText(),
  amount: clarityAmountSchema,
  status: optionalText(),
});

/** The `data` of an order webhook. */
export const clarityOrderSchema = z.object({
  orderId: z.string().min(1),
  orderNumber: z.string().min(1).optional(),
  customerId: z.string().min(1),
  orderDate: timestamp,
  status: z.string().min(1),
  currency: currencyCode,
  storeId: optionalText(),
  channel: optionalText(),
  customer: clarityCustomerSchema,
  billingAddress: clarityAddressSchema,
  shippingAddress: clarityAddressSchema,
  lineItems: z.array(clarityLineItemSchema).min(1, 'an order has at least one line'),
  shipping: clarityShippingSchema.nullish().transform((value) => value ?? null),
  paymentInfo: clarityPaymentSchema.nullish().transform((value) => value ?? null),
  couponCode: optionalText(),
  /** A coupon amount on the whole order, not yet spread over the lines (the mapping allocates it). */
  orderDiscount: clarityAmountSchema.optional(),
  totalAmount: clarityAmountSchema,
  /** When Clarity last changed the order, if it says: orders deliveries of it (else the webhook's createdAt). */
  updatedAt: timestamp.optional(),
  /** Clarity's revision counter of the order, if it sends one: compared before any time. */
  version: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER).optional(),
  /** Who made the change: `integration:tributary` is our own write echoed back. */
  updatedBy: z.string().optional(),
});

export type ClarityAddress = z.infer<typeof clarityAddressSchema>;
export type ClarityCustomer = z.infer<typeof clarityCustomerSchema>;
export type ClarityLineItem = z.infer<typeof clarityLineItemSchema>;
export type ClarityShipping = z.infer<typeof clarityShippingSchema>;
export type ClarityPayment = z.infer<typeof clarityPaymentSchema>;
export type ClarityOrder = z.infer<typeof clarityOrderSchema>;
