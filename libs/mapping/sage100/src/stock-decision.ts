import type { Sage100StockRule } from '@tributary/mapping-core';
import type { PlannedLine } from './to-sage100-sales-order.js';

/** A line Sage cannot fill from its warehouse now. */
export interface ShortLine {
  readonly sku: string;
  readonly ItemCode: string;
  readonly WarehouseCode: string;
  readonly ordered: number;
  readonly available: number;
}

export type StockDecision =
  | { readonly kind: 'in-stock' }
  | { readonly kind: 'hold'; readonly short: readonly ShortLine[] }
  | { readonly kind: 'backorder'; readonly short: readonly ShortLine[] }
  | { readonly kind: 'split'; readonly short: readonly ShortLine[]; readonly now: readonly PlannedLine[]; readonly later: readonly PlannedLine[] };

/** `ItemCode@WarehouseCode`, the key of available quantities. */
export const warehouseKey = (itemCode: string, warehouseCode: string) => `${itemCode}@${warehouseCode}`;

/** The store's out-of-stock rule, else the default. */
export const stockRuleFor = (storeId: string, rules: { default: Sage100StockRule; stores: Readonly<Record<string, Sage100StockRule>> }): Sage100StockRule =>
  rules.stores[storeId] ?? rules.default;

/**
 * What to do with an order given what is available (QuantityOnHand − QuantityOnSalesOrder) per
 * item and warehouse. Lines of the same item draw on one quantity, in order. `split` fills what it
 * can now and leaves the rest for a back order (a line with nothing available goes wholly there).
 */
export const decideStock = (lines: readonly PlannedLine[], available: ReadonlyMap<string, number>, rule: Sage100StockRule): StockDecision => {
  const left = new Map(available);
  const short: ShortLine[] = [];
  const now: PlannedLine[] = [];
  const later: PlannedLine[] = [];
  for (const line of lines) {
    const key = warehouseKey(line.ItemCode, line.WarehouseCode);
    const free = Math.max(0, left.get(key) ?? 0);
    const filled = Math.min(free, line.QuantityOrdered);
    left.set(key, free - filled);
    if (filled < line.QuantityOrdered) short.push({ sku: line.sku, ItemCode: line.ItemCode, WarehouseCode: line.WarehouseCode, ordered: line.QuantityOrdered, available: free });
    if (filled > 0) now.push({ ...line, QuantityOrdered: filled });
    if (filled < line.QuantityOrdered) later.push({ ...line, QuantityOrdered: line.QuantityOrdered - filled });
  }
  if (short.length === 0) return { kind: 'in-stock' };
  if (rule === 'split' && now.length > 0) return { kind: 'split', short, now, later };
  if (rule === 'hold') return { kind: 'hold', short };
  return { kind: 'backorder', short };
};

export const describeShort = (short: readonly ShortLine[]): string =>
  short.map((s) => `${s.ItemCode}@${s.WarehouseCode} ordered ${s.ordered}, available ${s.available}`).join('; ');
