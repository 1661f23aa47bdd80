import { z } from 'zod';
import { clarityAmountSchema } from './amount.js';
import { currencyCode, id, optionalText, quantity, timestamp } from './fields.js';

export const clarityReturnLineSchema = z.object({
  /** The order line being returned. */
  lineId: id(),
  sku: z.string().min(1),
  quantity,
  /** Net unit price credited, after the order line's discount. */
  unitPrice: clarityAmountSchema,
  /** Tax refunded on the whole returned quantity. */
  tax: clarityAmountSchema,
  /** Whether the goods go back on the shelf; Clarity leaves it out when they do. */
  restock: z.boolean().default(true),
});

/**
 * The `data` of a `return.created` webhook (CEF's SalesReturnModel, as our contract sends it).
 * `refundTotal` must equal Σ quantity × unitPrice + Σ tax + shippingRefund: the mapping checks it.
 */
export const clarityReturnSchema = z.object({
  returnId: id(),
  /** The RMA number the customer sees. */
  returnNumber: id(),
  orderId: id(),
  orderNumber: id(),
  customerId: id(),
  currency: currencyCode,
  createdAt: timestamp,
  reason: optionalText(),
  lines: z.array(clarityReturnLineSchema).min(1, 'a return has at least one line'),
  shippingRefund: clarityAmountSchema.default('0'),
  refundTotal: clarityAmountSchema,
});

export type ClarityReturnLine = z.infer<typeof clarityReturnLineSchema>;
export type ClarityReturn = z.infer<typeof clarityReturnSchema>;
