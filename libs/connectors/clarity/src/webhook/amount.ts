import { z } from 'zod';

/** Non-negative, at most 12 integer digits and 2 decimals: fits the canonical decimal(14,2). */
const AMOUNT_TEXT = /^\d{1,12}(\.\d{1,2})?$/;

/**
 * An amount as Clarity sends it (a JSON number or a numeric string), kept as exact decimal text
 * so nothing downstream does arithmetic on floats. For numbers, `String(n)` is the shortest text
 * that round-trips, and with at most 14 significant digits that is exactly the decimal that was
 * written in the JSON, so "19.99" stays "19.99".
 */
export const clarityAmountSchema = z
  .union([z.number(), z.string()], { error: 'expected an amount (number or numeric string)' })
  .transform((value, ctx) => {
    const text = typeof value === 'number' ? String(value) : value;
    if (!AMOUNT_TEXT.test(text)) {
      ctx.issues.push({
        code: 'custom',
        input: value,
        message: 'expected a non-negative amount with at most 2 decimals',
      });
      return z.NEVER;
    }
    return text;
  });

/** Exact decimal text such as "19.99" or "2"; parse it with decimal.js, never with Number(). */
export type ClarityAmount = z.infer<typeof clarityAmountSchema>;

/** An amount that must be more than zero, e.g. money that actually moved. */
export const clarityPositiveAmountSchema = clarityAmountSchema.refine((text) => /[1-9]/.test(text), {
  message: 'expected an amount greater than zero',
});
