import { Decimal } from 'decimal.js';
import { IntegrationError } from '@tributary/core';
import { moneyErrorCodes } from './error-codes.js';

/**
 * Our own Decimal constructor, so a `Decimal.set()` elsewhere in the process cannot change how
 * money rounds. 40 significant digits carry any realistic amount through a division (tax
 * extraction, cross rates) with room to spare before the one rounding to minor units.
 * Half-up here means half away from zero, which is what Intacct and Sage 100 do: rounding the
 * way the ERP rounds is what keeps our documents from differing from theirs by a cent.
 */
export const Exact = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP, toExpNeg: -40, toExpPos: 40 });
export type Exact = Decimal;

/** Plain decimal notation only: Decimal itself would also accept "1e3", "0x1F", "NaN" and "Infinity". */
const decimalNotation = /^-?\d+(\.\d+)?$/;

export const isDecimalString = (value: unknown): value is string => typeof value === 'string' && decimalNotation.test(value);

/** Parses an amount the caller promised is a decimal string; `path` names it in the error. */
export const exact = (value: string, path: string): Exact => {
  if (!isDecimalString(value)) {
    throw IntegrationError.permanent(moneyErrorCodes.invalidAmount, `${path} is "${String(value)}", which is not an amount (expected a number such as 19.99)`, { path, value });
  }
  return new Exact(value);
};

/** Rounded to `places` and always written with exactly that many decimals ("5.10", never "5.1" or "-0.00"). */
export const formatAmount = (value: Exact, places: number): string => {
  const rounded = value.toDecimalPlaces(places);
  return (rounded.isZero() ? new Exact(0) : rounded).toFixed(places);
};

export const sum = (values: readonly Exact[]): Exact => values.reduce((total, value) => total.plus(value), new Exact(0));
