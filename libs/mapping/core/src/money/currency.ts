import { IntegrationError, err, ok, type Result } from '@tributary/core';
import { exact, formatAmount } from './exact-decimal.js';
import { moneyErrorCodes } from './error-codes.js';

/**
 * ISO 4217 minor units for the currencies our storefronts and ledgers trade in. Deliberately a
 * closed list: guessing two decimals for an unknown code would silently misstate KWD or JPY
 * amounts by a factor of ten or a hundred.
 */
const minorUnitsByCurrency: Readonly<Record<string, number>> = {
  // no minor unit
  JPY: 0, KRW: 0, VND: 0, CLP: 0, ISK: 0, PYG: 0, UGX: 0, XAF: 0, XOF: 0, XPF: 0, RWF: 0, KMF: 0, GNF: 0, DJF: 0, BIF: 0, VUV: 0,
  // thousandths (fils, baisa)
  KWD: 3, BHD: 3, OMR: 3, JOD: 3, IQD: 3, LYD: 3, TND: 3,
  // cents
  USD: 2, EUR: 2, GBP: 2, CAD: 2, AUD: 2, NZD: 2, CHF: 2, SEK: 2, NOK: 2, DKK: 2, PLN: 2, CZK: 2, HUF: 2, RON: 2, BGN: 2,
  MXN: 2, BRL: 2, ARS: 2, COP: 2, PEN: 2, CNY: 2, HKD: 2, TWD: 2, SGD: 2, MYR: 2, THB: 2, PHP: 2, IDR: 2, INR: 2, PKR: 2,
  ZAR: 2, NGN: 2, KES: 2, EGP: 2, AED: 2, SAR: 2, QAR: 2, ILS: 2, TRY: 2, UAH: 2,
};

export const isKnownCurrency = (currency: string): boolean => Object.hasOwn(minorUnitsByCurrency, currency);

/** Decimal places of the currency's minor unit, as a Result for callers that must not throw. */
export const currencyMinorUnits = (currency: string): Result<number, IntegrationError> => {
  const places = Object.hasOwn(minorUnitsByCurrency, currency) ? minorUnitsByCurrency[currency] : undefined;
  return places === undefined
    ? err(IntegrationError.permanent(moneyErrorCodes.unknownCurrency, `currency "${currency}" is not one we know how many decimals to keep for (expected an ISO 4217 code such as USD, EUR or JPY)`, { currency }))
    : ok(places);
};

/** Decimal places of the currency's minor unit (USD 2, JPY 0, KWD 3); throws the permanent error for an unknown code. */
export const minorUnits = (currency: string): number => {
  const places = currencyMinorUnits(currency);
  if (!places.ok) throw places.error;
  return places.value;
};

/** The amount rounded half away from zero to the currency's minor units: roundMoney("2.675", "USD") is "2.68". */
export const roundMoney = (amount: string, currency: string): string => formatAmount(exact(amount, 'amount'), minorUnits(currency));
