import { IntegrationError } from '@tributary/core';
import { Decimal } from 'decimal.js';
import { z } from 'zod';
import { BoundedWindows } from './bounded-windows.js';
import { orderTotal, quantitiesBySku, type OrderFacts } from './order-facts.js';

const DEFAULT_WINDOW = 50;
const DEFAULT_MAX_CUSTOMERS = 100_000;

const decimalString = z.string().regex(/^-?\d+(\.\d+)?$/u, 'a plain decimal string');

/** Version 1 of the serialised history; a service stores it (e.g. on a compacted topic) and restores it on start. */
export const orderHistorySnapshotSchema = z.object({
  version: z.literal(1),
  window: z.number().int().positive(),
  maxCustomers: z.number().int().positive(),
  customers: z.array(z.object({ customerId: z.string(), currency: z.string(), totals: z.array(decimalString) })),
  stores: z.array(z.object({ storeId: z.string(), currency: z.string(), totals: z.array(decimalString) })),
  skus: z.array(z.object({ sku: z.string(), quantities: z.array(z.number().positive()) })),
});
export type OrderHistorySnapshot = z.infer<typeof orderHistorySnapshotSchema>;

export interface OrderHistoryOptions {
  /** Orders remembered per customer, per store and per SKU (default 50). */
  window?: number;
  /** Customers remembered at most; the least recently seen are forgotten first (default 100 000). */
  maxCustomers?: number;
}

// Totals in different currencies are different populations: 10 000 JPY is not a large order.
const totalKey = (id: string, currency: string): string => JSON.stringify([id, currency.toUpperCase()]);
const fromTotalKey = (key: string): [string, string] => JSON.parse(key) as [string, string];

/**
 * Robust running statistics of past orders, kept in memory and bounded: per customer and per
 * store the last N order totals, per SKU the last N quantities. Observe an order after assessing
 * it, so an order is never compared with itself.
 */
export class OrderHistoryStats {
  private readonly customers: BoundedWindows<string>;
  private readonly stores: BoundedWindows<string>;
  private readonly skus: BoundedWindows<number>;

  constructor(options: OrderHistoryOptions = {}) {
    const window = options.window ?? DEFAULT_WINDOW;
    const maxCustomers = options.maxCustomers ?? DEFAULT_MAX_CUSTOMERS;
    if (!Number.isInteger(window) || window < 1) throw new RangeError(`window must be a positive integer, got ${window}`);
    if (!Number.isInteger(maxCustomers) || maxCustomers < 1) throw new RangeError(`maxCustomers must be a positive integer, got ${maxCustomers}`);
    this.customers = new BoundedWindows(window, maxCustomers);
    // Stores and SKUs are bounded by the business itself, not by traffic.
    this.stores = new BoundedWindows(window, Number.MAX_SAFE_INTEGER);
    this.skus = new BoundedWindows(window, Number.MAX_SAFE_INTEGER);
  }

  observe(order: OrderFacts): void {
    const total = orderTotal(order);
    if (total !== undefined) {
      this.customers.push(totalKey(order.customerId, order.currency), total.toFixed());
      this.stores.push(totalKey(order.storeId, order.currency), total.toFixed());
    }
    for (const [sku, quantity] of quantitiesBySku(order)) this.skus.push(sku, quantity);
  }

  customerTotals(customerId: string, currency: string): Decimal[] {
    return this.customers.get(totalKey(customerId, currency)).map((total) => new Decimal(total));
  }

  storeTotals(storeId: string, currency: string): Decimal[] {
    return this.stores.get(totalKey(storeId, currency)).map((total) => new Decimal(total));
  }

  skuQuantities(sku: string): Decimal[] {
    return this.skus.get(sku).map((quantity) => new Decimal(quantity));
  }

  snapshot(): OrderHistorySnapshot {
    return {
      version: 1,
      window: this.customers.size,
      maxCustomers: this.customers.maxKeys,
      customers: this.customers.entries().map(([key, totals]) => {
        const [customerId, currency] = fromTotalKey(key);
        return { customerId, currency, totals };
      }),
      stores: this.stores.entries().map(([key, totals]) => {
        const [storeId, currency] = fromTotalKey(key);
        return { storeId, currency, totals };
      }),
      skus: this.skus.entries().map(([sku, quantities]) => ({ sku, quantities })),
    };
  }

  /** Rebuilds the statistics from a snapshot; a snapshot that does not parse is a permanent error. */
  static restore(snapshot: unknown): OrderHistoryStats {
    const parsed = orderHistorySnapshotSchema.safeParse(snapshot);
    if (!parsed.success) {
      throw IntegrationError.permanent('ANOMALY.INVALID_SNAPSHOT', 'order history snapshot does not match version 1', {
        issues: parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })),
      });
    }
    const { window, maxCustomers, customers, stores, skus } = parsed.data;
    const stats = new OrderHistoryStats({ window, maxCustomers });
    for (const { customerId, currency, totals } of customers) for (const total of totals) stats.customers.push(totalKey(customerId, currency), total);
    for (const { storeId, currency, totals } of stores) for (const total of totals) stats.stores.push(totalKey(storeId, currency), total);
    for (const { sku, quantities } of skus) for (const quantity of quantities) stats.skus.push(sku, quantity);
    return stats;
  }
}
