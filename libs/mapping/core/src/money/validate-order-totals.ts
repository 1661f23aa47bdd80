import { IntegrationError, err, ok, type Result } from '@tributary/core';
import { currencyMinorUnits } from './currency.js';
import { Exact, formatAmount, isDecimalString, sum } from './exact-decimal.js';
import { moneyErrorCodes } from './error-codes.js';

export interface OrderLineAmounts {
  quantity: number;
  unitPrice: string;
  /** Discount on the whole line. */
  discount: string;
  tax: string;
}

export interface OrderTotals {
  subtotal: string;
  discountTotal: string;
  taxTotal: string;
  shippingTotal: string;
  grandTotal: string;
}

export interface OrderAmounts {
  currency: string;
  lines: readonly OrderLineAmounts[];
  shipping: string;
  totals: OrderTotals;
}

export interface TotalsProblem {
  code: string;
  path: string;
  message: string;
}

/** "lines[2].unitPrice" → "line 3 unit price": the words a finance person uses. */
const inWords = (path: string): string =>
  path
    .replace(/^lines\[(\d+)\]\./, (_, index: string) => `line ${Number(index) + 1} `)
    .replace(/^totals\./, 'order ')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase();

/** Reads every amount, noting each one that is not a number or is below zero. */
const readAmounts = (order: OrderAmounts, problems: TotalsProblem[]): Map<string, Exact> => {
  const fields: Array<[string, string]> = [
    ...order.lines.flatMap((line, index): Array<[string, string]> => [
      [`lines[${index}].unitPrice`, line.unitPrice],
      [`lines[${index}].discount`, line.discount],
      [`lines[${index}].tax`, line.tax],
    ]),
    ['shipping', order.shipping],
    ...Object.entries(order.totals).map(([field, value]): [string, string] => [`totals.${field}`, value]),
  ];
  const amounts = new Map<string, Exact>();
  for (const [path, value] of fields) {
    if (!isDecimalString(value)) {
      problems.push({ code: moneyErrorCodes.invalidAmount, path, message: `The ${inWords(path)} "${String(value)}" is not an amount (expected a number such as 19.99).` });
    } else if (value.startsWith('-') && !new Exact(value).isZero()) {
      problems.push({ code: moneyErrorCodes.negativeAmount, path, message: `The ${inWords(path)} is negative (${value} ${order.currency}); amounts on an order must be zero or more.` });
    } else {
      amounts.set(path, new Exact(value));
    }
  }
  return amounts;
};

/**
 * Checks that an order adds up before it reaches a ledger: every quantity above zero, every
 * amount a non-negative number, no line discounted below zero, and
 *   subtotal = Σ quantity × unit price        (each line rounded, or the sum rounded: carts do both)
 *   discountTotal = Σ line discounts,  taxTotal = Σ line taxes,  shippingTotal = shipping
 *   grandTotal = subtotal − discountTotal + taxTotal + shippingTotal
 * The grand total is checked against the order's own stated subtotal, discounts, tax and
 * shipping, so it fails only when those totals do not add up among themselves; a subtotal that
 * disagrees with the lines is reported on the subtotal. The error carries the first problem (code, message, and
 * `details.path`); `details.problems` lists them all so one dead letter shows everything to fix.
 */
export const validateOrderTotals = (order: OrderAmounts): Result<void, IntegrationError> => {
  const places = currencyMinorUnits(order.currency);
  if (!places.ok) return err(IntegrationError.permanent(places.error.code, places.error.message, { ...places.error.details, path: 'currency' }));
  const money = (value: Exact) => `${formatAmount(value, places.value)} ${order.currency}`;
  const problems: TotalsProblem[] = [];

  order.lines.forEach((line, index) => {
    if (!Number.isFinite(line.quantity) || line.quantity <= 0) {
      problems.push({ code: moneyErrorCodes.invalidQuantity, path: `lines[${index}].quantity`, message: `Line ${index + 1} has a quantity of ${line.quantity}; every line must have a quantity above zero.` });
    }
  });
  const amounts = readAmounts(order, problems);
  if (problems.length === 0) checkSums(order, amounts, places.value, money, problems);

  const first = problems[0];
  if (!first) return ok(undefined);
  return err(IntegrationError.permanent(first.code, problems.length === 1 ? first.message : `${first.message} (and ${problems.length - 1} more problem${problems.length > 2 ? 's' : ''} with this order)`, { path: first.path, problems }));
};

const checkSums = (order: OrderAmounts, amounts: Map<string, Exact>, places: number, money: (value: Exact) => string, problems: TotalsProblem[]): void => {
  const amount = (path: string) => amounts.get(path) ?? new Exact(0);
  const extended = order.lines.map((line, index) => new Exact(line.quantity).times(amount(`lines[${index}].unitPrice`)));
  const mismatch = (path: string, stated: Exact, expected: Exact, how: string) => {
    if (!stated.eq(expected)) {
      problems.push({ code: moneyErrorCodes.invalidTotals, path, message: `The ${inWords(path)} is ${money(stated)} but ${how} ${money(expected)} (a difference of ${money(stated.minus(expected).abs())}).` });
    }
  };

  order.lines.forEach((_, index) => {
    const lineAmount = extended[index]?.toDecimalPlaces(places) ?? new Exact(0);
    const discount = amount(`lines[${index}].discount`);
    if (discount.gt(lineAmount)) {
      problems.push({ code: moneyErrorCodes.invalidTotals, path: `lines[${index}].discount`, message: `Line ${index + 1} has a discount of ${money(discount)}, more than the line itself (${money(lineAmount)}).` });
    }
  });

  const subtotal = amount('totals.subtotal');
  const linesRounded = sum(extended.map((value) => value.toDecimalPlaces(places)));
  const sumRounded = sum(extended).toDecimalPlaces(places);
  if (!subtotal.eq(sumRounded)) mismatch('totals.subtotal', subtotal, linesRounded, 'the lines (quantity × unit price) come to');
  mismatch('totals.discountTotal', amount('totals.discountTotal'), sum(order.lines.map((_, index) => amount(`lines[${index}].discount`))), 'the line discounts come to');
  mismatch('totals.taxTotal', amount('totals.taxTotal'), sum(order.lines.map((_, index) => amount(`lines[${index}].tax`))), 'the line taxes come to');
  mismatch('totals.shippingTotal', amount('totals.shippingTotal'), amount('shipping'), 'the shipping charge is');
  const expectedGrand = subtotal.minus(amount('totals.discountTotal')).plus(amount('totals.taxTotal')).plus(amount('totals.shippingTotal'));
  mismatch(
    'totals.grandTotal',
    amount('totals.grandTotal'),
    expectedGrand,
    `subtotal ${money(subtotal)} − discounts ${money(amount('totals.discountTotal'))} + tax ${money(amount('totals.taxTotal'))} + shipping ${money(amount('totals.shippingTotal'))} =`,
  );
};
