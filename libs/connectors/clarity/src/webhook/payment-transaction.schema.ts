import { z } from 'zod';
import { clarityAmountSchema, clarityPositiveAmountSchema } from './amount.js';
import { currencyCode, id, optionalText, timestamp } from './fields.js';

/**
 * The `data` of a `payment.captured` / `payment.refunded` webhook: one gateway transaction on an
 * order (CEF's PaymentModel, as our contract's camelCase facade sends it). Which way the money went
 * is the event type; `amount` is always positive.
 */
export const clarityPaymentTransactionSchema = z.object({
  paymentId: id(),
  orderId: id(),
  orderNumber: id(),
  customerId: optionalText(),
  /** visa | mastercard | amex | paypal | gift_card | … */
  method: z.string().min(1),
  /** stripe | braintree | paypal | … */
  gateway: optionalText(),
  transactionId: optionalText(),
  amount: clarityPositiveAmountSchema,
  /** The gateway's fee, when it reports one. */
  fee: clarityAmountSchema.nullish().transform((value) => value ?? null),
  currency: currencyCode,
  processedAt: timestamp,
});

export type ClarityPaymentTransaction = z.infer<typeof clarityPaymentTransactionSchema>;
