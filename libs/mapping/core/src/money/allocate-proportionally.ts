import { IntegrationError } from '@tributary/core';
import { minorUnits } from './currency.js';
import { Exact, exact, formatAmount, sum } from './exact-decimal.js';
import { moneyErrorCodes } from './error-codes.js';

const nonNegativeWeight = (weight: string, index: number): Exact => {
  const value = exact(weight, `weights[${index}]`);
  if (value.isNegative() && !value.isZero()) {
    throw IntegrationError.permanent(moneyErrorCodes.negativeAmount, `weights[${index}] is ${weight}; an amount cannot be shared out by a negative weight`, { path: `weights[${index}]`, value: weight });
  }
  return value;
};

/**
 * Shares `total` across lines in proportion to `weights` (typically the lines' net amounts),
 * in the currency's minor units, so that the shares sum exactly to the total.
 *
 * Every share is its exact proportion rounded towards zero, and the minor units left over go one
 * each to the lines whose proportions lost the most; among equal losses the later line wins, so
 * with alike lines the rounding penny lands on the last line. Putting the whole remainder on the
 * last line instead can push that line past its own amount or flip its sign (a 0.05 coupon over
 * 1.00, 1.00, 1.00 and 0.01 would give the 0.01 line a -0.01 "discount"); this way every share is
 * within one minor unit of its proportion, never changes sign, and zero-weight lines get nothing.
 * When every weight is zero the total is shared equally. A total with more decimals than the
 * currency has is rounded (half-up) first.
 *
 * @throws IntegrationError (permanent) for an unknown currency, an amount that is not a decimal
 *   string, a negative weight, or a non-zero total with no lines to carry it.
 */
export const allocateProportionally = (total: string, weights: readonly string[], currency: string): string[] => {
  const places = minorUnits(currency);
  const amount = exact(total, 'total').toDecimalPlaces(places);
  const parsed = weights.map(nonNegativeWeight);
  if (parsed.length === 0) {
    if (amount.isZero()) return [];
    throw IntegrationError.permanent(moneyErrorCodes.nothingToAllocate, `there are no lines to carry ${formatAmount(amount, places)} ${currency}`, { total, currency });
  }

  const weightTotal = sum(parsed);
  const effective = weightTotal.isZero() ? parsed.map(() => new Exact(1)) : parsed;
  const divisor = weightTotal.isZero() ? new Exact(parsed.length) : weightTotal;
  const magnitude = amount.abs();
  const proportions = effective.map((weight) => magnitude.times(weight).div(divisor));
  const shares = proportions.map((proportion) => proportion.toDecimalPlaces(places, Exact.ROUND_DOWN));

  const unit = new Exact(10).pow(-places);
  const unitsLeft = magnitude.minus(sum(shares)).div(unit).toNumber();
  const byLoss = proportions
    .map((proportion, index) => ({ index, loss: proportion.minus(shares[index] ?? 0) }))
    .sort((a, b) => b.loss.comparedTo(a.loss) || b.index - a.index);
  for (const { index } of byLoss.slice(0, unitsLeft)) shares[index] = (shares[index] ?? new Exact(0)).plus(unit);

  return shares.map((share) => formatAmount(amount.isNegative() ? share.negated() : share, places));
};
