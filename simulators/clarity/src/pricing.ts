import { Decimal } from 'decimal.js';

/** Exact money for the simulator; half-up to the cent, as a till would. */
const Money = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });
type Money = Decimal;

export interface CartLine {
  readonly sku: string;
  readonly name: string;
  readonly quantity: number;
  readonly unitPrice: string;
  /** Share of the line taken off, e.g. 0.10 for a 10 % coupon. */
  readonly discountRate: string;
}

export interface PricedLine extends CartLine {
  readonly discount: string;
  readonly tax: string;
}

export interface PricedOrder {
  readonly lines: readonly PricedLine[];
  readonly shipping: string;
  readonly total: string;
}

const cents = (value: Money) => value.toDecimalPlaces(2);

/**
 * Prices a cart the way a store would: discount and tax rounded per line to the cent, then
 * total = Σ qty × price − Σ discount + Σ tax + shipping, so the parts always add up exactly.
 */
export const priceCart = (cart: readonly CartLine[], taxRate: string, shipping: string): PricedOrder => {
  let total = new Money(shipping);
  const lines = cart.map((line) => {
    const gross = new Money(line.unitPrice).times(line.quantity);
    const discount = cents(gross.times(line.discountRate));
    const tax = cents(gross.minus(discount).times(taxRate));
    total = total.plus(gross).minus(discount).plus(tax);
    return { ...line, discount: discount.toFixed(2), tax: tax.toFixed(2) };
  });
  return { lines, shipping: new Money(shipping).toFixed(2), total: total.toFixed(2) };
};

/** Sum of the cart before discounts, for free-shipping thresholds. */
export const cartSubtotal = (cart: readonly CartLine[]): string =>
  cart.reduce((sum, line) => sum.plus(new Money(line.unitPrice).times(line.quantity)), new Money(0)).toFixed(2);

export const isAtLeast = (amount: string, threshold: string): boolean => new Money(amount).gte(threshold);
