import { Decimal } from 'decimal.js';

/** 1/Φ⁻¹(3/4): makes the MAD estimate the standard deviation when the data are normal. */
const MAD_TO_SIGMA = new Decimal('1.4826');

/**
 * The scale never falls below this share of the median: a customer who always spends exactly
 * 49.99 has MAD = 0, and without a floor a 52.00 order would be infinitely surprising.
 */
const RELATIVE_SCALE_FLOOR = new Decimal('0.1');

const sorted = (values: readonly Decimal[]): Decimal[] => [...values].sort((a, b) => a.comparedTo(b));

export const median = (values: readonly Decimal[]): Decimal => quantile(values, 0.5);

/**
 * The q-quantile by linear interpolation between order statistics (Hyndman & Fan type 7, the
 * default of R and numpy), so the 95th percentile of a short window is not just its maximum.
 */
export const quantile = (values: readonly Decimal[], q: number): Decimal => {
  const ordered = sorted(values);
  if (ordered.length === 0) throw new RangeError('quantile of no values');
  const rank = new Decimal(q).times(ordered.length - 1);
  const below = rank.floor().toNumber();
  const lower = ordered[below]!;
  const upper = ordered[Math.min(below + 1, ordered.length - 1)]!;
  return lower.plus(upper.minus(lower).times(rank.minus(below)));
};

/** Median absolute deviation from the median: the spread, unmoved by a few wild values. */
export const medianAbsoluteDeviation = (values: readonly Decimal[]): Decimal => {
  const centre = median(values);
  return median(values.map((value) => value.minus(centre).abs()));
};

export interface RobustScore {
  readonly z: number;
  readonly median: Decimal;
  readonly mad: Decimal;
}

/**
 * Robust z = (x − median) / scale, scale = max(1.4826·MAD, 10% of |median|, absoluteFloor).
 * The floors guard MAD = 0 (a perfectly regular history) and median = 0, so z is always finite.
 */
export const robustZ = (value: Decimal, history: readonly Decimal[], absoluteFloor: Decimal): RobustScore => {
  const centre = median(history);
  const mad = medianAbsoluteDeviation(history);
  const scale = Decimal.max(mad.times(MAD_TO_SIGMA), centre.abs().times(RELATIVE_SCALE_FLOOR), absoluteFloor);
  return { z: value.minus(centre).div(scale).toNumber(), median: centre, mad };
};
