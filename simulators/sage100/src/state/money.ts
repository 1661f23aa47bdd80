import { Decimal } from 'decimal.js';

/** Whether `value` has at most `places` decimals (as written in JSON). */
export const hasAtMostDecimals = (value: number, places: number): boolean =>
  Number.isFinite(value) && new Decimal(value).decimalPlaces() <= places;

/** QuantityOrdered × UnitPrice less the line discount, rounded half up to cents, as BOI does. */
export const extensionOf = (quantity: number, unitPrice: number, discountPercent: number): number =>
  new Decimal(quantity).times(unitPrice).times(new Decimal(100).minus(discountPercent)).dividedBy(100).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toNumber();

export const sum = (values: readonly number[]): number => values.reduce((total, v) => total.plus(v), new Decimal(0)).toNumber();

export const minus = (a: number, b: number): number => new Decimal(a).minus(b).toNumber();
