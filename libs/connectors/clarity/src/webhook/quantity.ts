import { z } from 'zod';

/** At most 14 integer digits and 4 decimals: fits the canonical decimal(18,4). */
const QUANTITY_TEXT = /^-?\d{1,14}(\.\d{1,4})?$/;

const decimalQuantity = (options: { signed: boolean; positive: boolean }) =>
  z
    .union([z.number(), z.string()], { error: 'expected a quantity (number or numeric string)' })
    .transform((value, ctx) => {
      // `String(n)` is the shortest round-tripping text: what was written in the JSON, for up to 15 digits.
      const text = typeof value === 'number' ? String(value) : value;
      const fine = QUANTITY_TEXT.test(text) && (options.signed || !text.startsWith('-')) && (!options.positive || /[1-9]/.test(text));
      if (!fine) {
        const what = options.positive ? 'a quantity greater than zero' : options.signed ? 'a quantity' : 'a non-negative quantity';
        ctx.issues.push({ code: 'custom', input: value, message: `expected ${what} with at most 4 decimals` });
        return z.NEVER;
      }
      return text.startsWith('-') && !/[1-9]/.test(text) ? text.slice(1) : text;
    });

/**
 * A stock quantity as exact decimal text ("12", "-3", "2.5"): on hand can go below zero in
 * Clarity when it oversells, so the sign is allowed. Never parsed with Number() downstream.
 */
export const clarityStockQuantitySchema = decimalQuantity({ signed: true, positive: false });

/** A quantity that moved (shipped): more than zero, up to 4 decimals (weights, lengths). */
export const clarityPositiveQuantitySchema = decimalQuantity({ signed: false, positive: true });

export type ClarityQuantity = z.infer<typeof clarityStockQuantitySchema>;
