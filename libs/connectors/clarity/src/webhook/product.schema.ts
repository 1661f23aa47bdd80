import { z } from 'zod';
import { clarityAmountSchema } from './amount.js';
import { currencyCode, optionalText, timestamp } from './fields.js';

export const clarityProductStatuses = ['active', 'inactive'] as const;

/**
 * The `data` of a `product.updated` webhook (CEF's ProductModel: `CustomKey` is the SKU). A price
 * means nothing without its currency, so the two come together or not at all.
 */
export const clarityProductSchema = z
  .object({
    sku: z.string().min(1),
    name: z.string().min(1),
    description: optionalText(),
    price: clarityAmountSchema.nullish().transform((value) => value ?? null),
    currency: currencyCode.nullish().transform((value) => value ?? null),
    status: z.enum(clarityProductStatuses),
    /** When Clarity last changed the product: with the content, it orders versions of it. */
    modifiedAt: timestamp,
    /** Who made the change: `integration:tributary` is our own write echoed back. */
    updatedBy: z.string().optional(),
  })
  .superRefine((product, ctx) => {
    if (product.price !== null && product.currency === null) {
      ctx.addIssue({ code: 'custom', path: ['currency'], message: 'a price needs its currency' });
    }
  });

export type ClarityProductStatus = (typeof clarityProductStatuses)[number];
export type ClarityProduct = z.infer<typeof clarityProductSchema>;
