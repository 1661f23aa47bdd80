import { z } from 'zod';

const currencyCode = z.string().regex(/^[A-Z]{3}$/, 'an ISO 4217 code such as EUR');
const positiveRate = z
  .string()
  .regex(/^\d+(\.\d+)?$/, 'a decimal string such as "0.9213"')
  .refine((rate) => /[1-9]/.test(rate), 'a rate above zero');

export const exchangeRateSchema = z.object({
  currency: currencyCode,
  /** The business day the rate applies from; it stays in force until a later dated rate. */
  date: z.iso.date(),
  /** Units of `currency` per 1 unit of the table's base currency. */
  rate: positiveRate,
});

/**
 * Rates published against one base currency; any pair converts through the base. Two rates for
 * the same currency and day are rejected because which one applies would be a guess.
 */
export const exchangeRateTableSchema = z
  .object({ base: currencyCode, rates: z.array(exchangeRateSchema) })
  .superRefine((table, ctx) => {
    const seen = new Set<string>();
    table.rates.forEach((entry, index) => {
      if (entry.currency === table.base) {
        ctx.addIssue({ code: 'custom', path: ['rates', index, 'currency'], message: `${table.base} is the base currency; its rate is always 1` });
      }
      const key = `${entry.currency} ${entry.date}`;
      if (seen.has(key)) ctx.addIssue({ code: 'custom', path: ['rates', index], message: `a second rate for ${entry.currency} on ${entry.date}` });
      seen.add(key);
    });
  });

export type ExchangeRate = z.infer<typeof exchangeRateSchema>;
export type ExchangeRateTable = z.infer<typeof exchangeRateTableSchema>;
