import { Decimal } from 'decimal.js';

const DECIMAL_STRING = /^-?\d+(\.\d+)?$/;

/** A DecimalString as an exact Decimal; undefined for anything else ("1e3", "", "12,50"). */
export const parseMoney = (value: string): Decimal | undefined => (DECIMAL_STRING.test(value) ? new Decimal(value) : undefined);

/** At least two decimals and never fewer than the value has, so nothing is rounded away. */
export const formatMoney = (amount: Decimal): string => amount.toFixed(Math.max(2, amount.decimalPlaces()));
