import { Decimal } from 'decimal.js';
import { orderTotal, quantitiesBySku, type OrderFacts } from './order-facts.js';
import type { OrderHistoryStats } from './order-history-stats.js';
import { quantile, robustZ, type RobustScore } from './robust-statistics.js';

export interface AnomalyReason {
  code: string;
  message: string;
  /** How strongly this signal alone argues for a hold, 0..1. */
  weight: number;
}

/** The conventional cut-off for the modified z-score (Iglewicz & Hoaglin, 1993). */
export const Z_THRESHOLD = 3.5;
/** Beyond this z a signal is at full weight: 20 robust deviations is as sure as it gets. */
const Z_SATURATION = 20;

// Smallest spread assumed: one currency unit for totals, two items for quantities (so 1 → 4
// mugs is not a spike just because every earlier order was for exactly one).
const ONE_UNIT = new Decimal(1);
const TWO_ITEMS = new Decimal(2);

/** Rises linearly from `base` at the threshold to `max` at saturation. */
const weightFor = (z: number, base: number, max: number): number => {
  const progress = Math.min(1, (z - Z_THRESHOLD) / (Z_SATURATION - Z_THRESHOLD));
  return round(base + (max - base) * progress, 3);
};

const round = (value: number, places: number): number => Number(value.toFixed(places));

/** Amounts as people read them: "4635.00", not "4635"; exact digits beyond the cent are kept. */
const amount = (value: Decimal): string => (value.decimalPlaces() < 2 ? value.toFixed(2) : value.toFixed());

const times = (value: Decimal, score: RobustScore): string =>
  score.median.isPositive() && !score.median.isZero() ? ` (${value.div(score.median).toDecimalPlaces(1).toFixed(1)}× the median)` : '';

const describe = (score: RobustScore, count: number, format: (value: Decimal) => string): string =>
  `median ${format(score.median)} over ${count} orders, MAD ${format(score.mad)}, robust z ${score.z.toFixed(1)} ≥ ${Z_THRESHOLD}`;

export type Signal = (order: OrderFacts, stats: OrderHistoryStats, minHistory: number) => AnomalyReason[];

/** Far above what this customer usually spends: the classic sign of a taken-over account. */
export const customerTotalSpike: Signal = (order, stats, minHistory) => {
  const total = orderTotal(order);
  const history = stats.customerTotals(order.customerId, order.currency);
  if (total === undefined || history.length < minHistory) return [];
  const score = robustZ(total, history, ONE_UNIT);
  if (score.z < Z_THRESHOLD) return [];
  return [{
    code: 'CUSTOMER_TOTAL_SPIKE',
    message: `order total ${amount(total)} ${order.currency}${times(total, score)} is far above customer ${order.customerId}'s history: ${describe(score, history.length, amount)}`,
    weight: weightFor(score.z, 0.5, 0.8),
  }];
};

/** Far above what this store usually sells: weaker, since big orders do happen, but worth a look. */
export const storeTotalSpike: Signal = (order, stats, minHistory) => {
  const total = orderTotal(order);
  const history = stats.storeTotals(order.storeId, order.currency);
  if (total === undefined || history.length < minHistory) return [];
  const score = robustZ(total, history, ONE_UNIT);
  if (score.z < Z_THRESHOLD) return [];
  return [{
    code: 'STORE_TOTAL_SPIKE',
    message: `order total ${amount(total)} ${order.currency}${times(total, score)} is far above store ${order.storeId}'s history: ${describe(score, history.length, amount)}`,
    weight: weightFor(score.z, 0.25, 0.5),
  }];
};

/**
 * A quantity far above what is usually bought of that SKU (a typo of 100 for 1, or stock being
 * drained). Only the largest spike counts, so a big legitimate restock does not add up line by line.
 */
export const skuQuantitySpike: Signal = (order, stats, minHistory) => {
  const spikes = [...quantitiesBySku(order)].flatMap(([sku, quantity]) => {
    const history = stats.skuQuantities(sku);
    if (history.length < minHistory) return [];
    const score = robustZ(new Decimal(quantity), history, TWO_ITEMS);
    return score.z >= Z_THRESHOLD ? [{ sku, quantity, score, count: history.length }] : [];
  });
  const worst = spikes.reduce<(typeof spikes)[number] | undefined>((a, b) => (a === undefined || b.score.z > a.score.z ? b : a), undefined);
  if (worst === undefined) return [];
  const others = spikes.length > 1 ? `; ${spikes.length - 1} other SKU(s) also spiked` : '';
  return [{
    code: 'SKU_QUANTITY_SPIKE',
    message: `quantity ${worst.quantity} of SKU ${worst.sku} is far above what is usually ordered: ${describe(worst.score, worst.count, (value) => value.toFixed())}${others}`,
    weight: weightFor(worst.score.z, 0.25, 0.5),
  }];
};

/**
 * A first order, dearer than 95% of the store's orders, billed to one country and shipped to
 * another: the three together are the common shape of card-testing and reshipping fraud, while
 * each alone is ordinary (gifts, new customers, big spenders), so only the conjunction counts.
 */
export const newCustomerHighValueCrossBorder: Signal = (order, stats, minHistory) => {
  const total = orderTotal(order);
  const billing = order.billingCountry.trim().toUpperCase();
  const shipping = order.shippingCountry.trim().toUpperCase();
  if (!order.isNewCustomer || total === undefined || billing === shipping) return [];
  const history = stats.storeTotals(order.storeId, order.currency);
  if (history.length < minHistory) return [];
  const p95 = quantile(history, 0.95);
  if (!total.greaterThan(p95)) return [];
  return [{
    code: 'NEW_CUSTOMER_HIGH_VALUE_CROSS_BORDER',
    message: `new customer's order of ${amount(total)} ${order.currency} is above store ${order.storeId}'s 95th percentile of ${p95.toDecimalPlaces(2).toFixed(2)} ${order.currency} over ${history.length} orders, billed to ${billing} but shipped to ${shipping}`,
    weight: 0.75,
  }];
};

export const SIGNALS: readonly Signal[] = [customerTotalSpike, storeTotalSpike, skuQuantitySpike, newCustomerHighValueCrossBorder];
