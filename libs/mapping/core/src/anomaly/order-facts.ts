import { Decimal } from 'decimal.js';

/** What the anomaly check needs to know about an order, already mapped from the canonical order. */
export interface OrderFacts {
  orderId: string;
  customerId: string;
  storeId: string;
  /** Decimal string in major units of `currency`, e.g. "1249.50". */
  grandTotal: string;
  currency: string;
  isNewCustomer: boolean;
  billingCountry: string;
  shippingCountry: string;
  lines: Array<{ sku: string; quantity: number }>;
}

/** The order total, or undefined when it is not a finite decimal (such an order is judged on its other facts). */
export const orderTotal = (order: OrderFacts): Decimal | undefined => {
  try {
    const total = new Decimal(order.grandTotal.trim());
    return total.isFinite() ? total : undefined;
  } catch {
    return undefined;
  }
};

/** Quantity per SKU: one SKU split over several lines is one purchase of the sum. */
export const quantitiesBySku = (order: OrderFacts): ReadonlyMap<string, number> => {
  const totals = new Map<string, number>();
  for (const { sku, quantity } of order.lines) {
    if (!Number.isFinite(quantity) || quantity <= 0) continue;
    totals.set(sku, (totals.get(sku) ?? 0) + quantity);
  }
  return totals;
};
