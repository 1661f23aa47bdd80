import { z } from 'zod';
import { IntegrationError, err, ok, type Result } from '@tributary/core';
import { currencyMinorUnits } from './currency.js';
import { Exact, formatAmount, isDecimalString } from './exact-decimal.js';
import { moneyErrorCodes } from './error-codes.js';
import type { ExchangeRateTable } from './exchange-rate-table.schema.js';

export interface Conversion {
  /** The converted amount, rounded to the target currency's minor units. */
  amount: string;
  /** Units of `to` per 1 unit of `from`, to 10 significant digits (cross rates rarely terminate). */
  rate: string;
  /** The date of the rate used; for a cross rate, the older of its two legs. */
  rateDate: string;
  from: string;
  to: string;
}

interface DatedRate {
  rate: Exact;
  date: string;
}

const isoDate = z.iso.date();

/** Units of `currency` per 1 base: the latest rate dated on or before `onDate` (ISO dates sort as strings). */
const rateOn = (table: ExchangeRateTable, currency: string, onDate: string): DatedRate | undefined => {
  if (currency === table.base) return { rate: new Exact(1), date: onDate };
  let latest: ExchangeRateTable['rates'][number] | undefined;
  for (const entry of table.rates) {
    if (entry.currency === currency && entry.date <= onDate && (latest === undefined || entry.date > latest.date)) latest = entry;
  }
  return latest && { rate: new Exact(latest.rate), date: latest.date };
};

const noRate = (currency: string, onDate: string, table: ExchangeRateTable): IntegrationError =>
  IntegrationError.permanent(
    moneyErrorCodes.noExchangeRate,
    `no ${table.base}→${currency} exchange rate dated on or before ${onDate}; add one to the rate table and replay the message`,
    { currency, date: onDate, base: table.base },
  );

/**
 * Converts `amount` from one currency to another at the rate in force on `onDate`, going through
 * the table's base for pairs that do not involve it. The amount is converted with the full
 * quotient of the two rates and rounded once, so a cross conversion carries no double rounding.
 */
export const convert = (amount: string, from: string, to: string, onDate: string, table: ExchangeRateTable): Result<Conversion, IntegrationError> => {
  if (!isDecimalString(amount)) {
    return err(IntegrationError.permanent(moneyErrorCodes.invalidAmount, `amount "${amount}" is not a number such as 19.99`, { path: 'amount', value: amount }));
  }
  if (!isoDate.safeParse(onDate).success) {
    return err(IntegrationError.permanent(moneyErrorCodes.invalidDate, `conversion date "${onDate}" is not a date such as 2026-11-24`, { path: 'date', value: onDate }));
  }
  const sourcePlaces = currencyMinorUnits(from);
  if (!sourcePlaces.ok) return sourcePlaces;
  const targetPlaces = currencyMinorUnits(to);
  if (!targetPlaces.ok) return targetPlaces;

  if (from === to) {
    return ok({ amount: formatAmount(new Exact(amount), targetPlaces.value), rate: '1', rateDate: onDate, from, to });
  }
  const fromRate = rateOn(table, from, onDate);
  if (!fromRate) return err(noRate(from, onDate, table));
  const toRate = rateOn(table, to, onDate);
  if (!toRate) return err(noRate(to, onDate, table));

  const rate = toRate.rate.div(fromRate.rate);
  return ok({
    amount: formatAmount(new Exact(amount).times(rate), targetPlaces.value),
    rate: rate.toSignificantDigits(10).toFixed(),
    rateDate: fromRate.date < toRate.date ? fromRate.date : toRate.date,
    from,
    to,
  });
};
