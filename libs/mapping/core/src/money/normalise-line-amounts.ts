import { IntegrationError, err, ok, type Result } from '@tributary/core';
import { allocateProportionally } from './allocate-proportionally.js';
import { currencyMinorUnits } from './currency.js';
import { Exact, exact, formatAmount, sum } from './exact-decimal.js';
import { moneyErrorCodes } from './error-codes.js';

export interface LineAmountsInput {
  quantity: number;
  /** Price of one unit, including tax when `pricesIncludeTax`. */
  unitPrice: string;
  /** Discount on the whole line (not per unit), on the same tax basis as the price. */
  discount?: string;
  /** Tax the source system already charged on the line; it wins over `taxRate` so we never re-derive a different cent. */
  tax?: string;
  /** A fraction: "0.2" is 20 %. */
  taxRate?: string;
}

export interface ShippingInput {
  /** On the same tax basis as the line prices. */
  amount: string;
  taxRate?: string;
  tax?: string;
}

export interface NormaliseOptions {
  currency: string;
  pricesIncludeTax: boolean;
  /** An order-level coupon on the same tax basis as the prices, shared across lines by their amount after line discounts. Never applied to shipping. */
  orderDiscount?: string;
  shipping?: ShippingInput;
}

/** All amounts exclude tax except `tax` and `gross`; `net - discount + tax = gross` exactly. */
export interface NormalisedLine {
  /** Quantity × unit price before any discount, tax excluded. */
  net: string;
  /** The line's own discount plus its share of the order coupon, tax excluded. */
  discount: string;
  tax: string;
  /** What the customer pays for the line. */
  gross: string;
}

export interface NormalisedTotals {
  subtotal: string;
  discountTotal: string;
  /** Tax on the lines; shipping tax is kept apart because ERPs post it to its own account. */
  taxTotal: string;
  shippingTotal: string;
  shippingTax: string;
  /** subtotal − discountTotal + taxTotal + shippingTotal + shippingTax, to the minor unit. */
  grandTotal: string;
}

export interface NormalisedAmounts {
  lines: NormalisedLine[];
  totals: NormalisedTotals;
}

const problem = (code: string, path: string, message: string, value?: unknown): IntegrationError =>
  IntegrationError.permanent(code, message, { path, ...(value === undefined ? {} : { value }) });

const nonNegative = (value: string, path: string, currency: string): Exact => {
  const amount = exact(value, path);
  if (amount.isNegative() && !amount.isZero()) throw problem(moneyErrorCodes.negativeAmount, path, `${path} is ${value} ${currency}; it must be zero or more`, value);
  return amount;
};

const taxRateOf = (value: string | undefined, path: string, currency: string): Exact | undefined => {
  if (value === undefined) return undefined;
  const rate = nonNegative(value, path, currency);
  // A rate of 1 or more is a percentage sent where a fraction was expected (20 for 0.20).
  if (rate.gte(1)) throw problem(moneyErrorCodes.invalidAmount, path, `${path} is ${value}; tax rates are fractions (0.2 for 20 %), not percentages`, value);
  return rate;
};

/** Tax contained in a tax-inclusive amount: gross × rate / (1 + rate). */
const includedTax = (gross: Exact, rate: Exact, places: number): Exact => gross.times(rate).div(rate.plus(1)).toDecimalPlaces(places);

interface ParsedLine {
  amount: Exact;
  discount: Exact;
  tax: Exact | undefined;
  rate: Exact | undefined;
}

const parseLine = (line: LineAmountsInput, index: number, currency: string, places: number): ParsedLine => {
  const at = `lines[${index}]`;
  if (!Number.isFinite(line.quantity) || line.quantity <= 0) {
    throw problem(moneyErrorCodes.invalidQuantity, `${at}.quantity`, `line ${index + 1} has quantity ${line.quantity}; a line must have a quantity above zero`, line.quantity);
  }
  const amount = new Exact(line.quantity).times(nonNegative(line.unitPrice, `${at}.unitPrice`, currency)).toDecimalPlaces(places);
  const discount = nonNegative(line.discount ?? '0', `${at}.discount`, currency).toDecimalPlaces(places);
  if (discount.gt(amount)) {
    throw problem(moneyErrorCodes.invalidTotals, `${at}.discount`, `line ${index + 1} discount ${formatAmount(discount, places)} ${currency} is more than the line amount ${formatAmount(amount, places)} ${currency}`);
  }
  const tax = line.tax === undefined ? undefined : nonNegative(line.tax, `${at}.tax`, currency).toDecimalPlaces(places);
  return { amount, discount, tax, rate: taxRateOf(line.taxRate, `${at}.taxRate`, currency) };
};

/**
 * One line on the tax-exclusive basis. With tax-inclusive prices the tax is extracted from what
 * the customer pays, and the tax inside the undiscounted amount is scaled from that same tax, so
 * the discount (amount minus what is paid, tax removed) is never negative and never invents a cent.
 */
const normaliseLine = (line: ParsedLine, couponShare: Exact, index: number, options: NormaliseOptions, places: number): NormalisedLine => {
  const payable = line.amount.minus(line.discount).minus(couponShare);
  const format = (value: Exact) => formatAmount(value, places);
  if (!options.pricesIncludeTax) {
    const tax = line.tax ?? (line.rate ? payable.times(line.rate).toDecimalPlaces(places) : new Exact(0));
    return { net: format(line.amount), discount: format(line.discount.plus(couponShare)), tax: format(tax), gross: format(payable.plus(tax)) };
  }
  const tax = line.tax ?? (line.rate ? includedTax(payable, line.rate, places) : new Exact(0));
  if (tax.gt(payable)) {
    throw problem(moneyErrorCodes.invalidTotals, `lines[${index}].tax`, `line ${index + 1} tax ${format(tax)} ${options.currency} is more than the ${format(payable)} ${options.currency} the customer pays for it`);
  }
  const taxBeforeDiscount =
    line.tax !== undefined && !payable.isZero()
      ? line.tax.times(line.amount).div(payable).toDecimalPlaces(places)
      : line.rate
        ? includedTax(line.amount, line.rate, places)
        : tax;
  const net = line.amount.minus(taxBeforeDiscount);
  return { net: format(net), discount: format(net.minus(payable.minus(tax))), tax: format(tax), gross: format(payable) };
};

const normaliseShipping = (shipping: ShippingInput | undefined, options: NormaliseOptions, places: number): { amount: Exact; tax: Exact } => {
  if (!shipping) return { amount: new Exact(0), tax: new Exact(0) };
  const charged = nonNegative(shipping.amount, 'shipping.amount', options.currency).toDecimalPlaces(places);
  const stated = shipping.tax === undefined ? undefined : nonNegative(shipping.tax, 'shipping.tax', options.currency).toDecimalPlaces(places);
  const rate = taxRateOf(shipping.taxRate, 'shipping.taxRate', options.currency);
  if (!options.pricesIncludeTax) {
    return { amount: charged, tax: stated ?? (rate ? charged.times(rate).toDecimalPlaces(places) : new Exact(0)) };
  }
  const tax = stated ?? (rate ? includedTax(charged, rate, places) : new Exact(0));
  if (tax.gt(charged)) {
    throw problem(moneyErrorCodes.invalidTotals, 'shipping.tax', `shipping tax ${formatAmount(tax, places)} ${options.currency} is more than the shipping charge ${formatAmount(charged, places)} ${options.currency}`);
  }
  return { amount: charged.minus(tax), tax };
};

const normalise = (lines: readonly LineAmountsInput[], options: NormaliseOptions, places: number): NormalisedAmounts => {
  const parsed = lines.map((line, index) => parseLine(line, index, options.currency, places));
  const afterLineDiscounts = parsed.map((line) => line.amount.minus(line.discount));
  const coupon = nonNegative(options.orderDiscount ?? '0', 'orderDiscount', options.currency).toDecimalPlaces(places);
  const couponBase = sum(afterLineDiscounts);
  if (coupon.gt(couponBase)) {
    throw problem(moneyErrorCodes.invalidTotals, 'orderDiscount', `order discount ${formatAmount(coupon, places)} ${options.currency} is more than the ${formatAmount(couponBase, places)} ${options.currency} the lines come to after their own discounts`);
  }
  const couponShares = allocateProportionally(coupon.toFixed(), afterLineDiscounts.map((amount) => amount.toFixed()), options.currency).map((share) => new Exact(share));
  const normalised = parsed.map((line, index) => normaliseLine(line, couponShares[index] ?? new Exact(0), index, options, places));
  const shipping = normaliseShipping(options.shipping, options, places);

  const total = (field: keyof NormalisedLine) => sum(normalised.map((line) => new Exact(line[field])));
  const subtotal = total('net');
  const discountTotal = total('discount');
  const taxTotal = total('tax');
  const grandTotal = subtotal.minus(discountTotal).plus(taxTotal).plus(shipping.amount).plus(shipping.tax);
  const format = (value: Exact) => formatAmount(value, places);
  return {
    lines: normalised,
    totals: {
      subtotal: format(subtotal),
      discountTotal: format(discountTotal),
      taxTotal: format(taxTotal),
      shippingTotal: format(shipping.amount),
      shippingTax: format(shipping.tax),
      grandTotal: format(grandTotal),
    },
  };
};

/**
 * Puts an order's lines on one footing: tax-exclusive net, discount and tax per line, with exact
 * totals whatever the storefront's tax basis. Every amount is rounded to minor units before it is
 * added up, so the totals are the sums of the lines and the grand total adds up to the cent.
 */
export const normaliseLineAmounts = (lines: readonly LineAmountsInput[], options: NormaliseOptions): Result<NormalisedAmounts, IntegrationError> => {
  const places = currencyMinorUnits(options.currency);
  if (!places.ok) return places;
  try {
    return ok(normalise(lines, options, places.value));
  } catch (error) {
    if (error instanceof IntegrationError) return err(error);
    throw error;
  }
};
