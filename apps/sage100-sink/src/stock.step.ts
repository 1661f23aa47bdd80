import type { CrossReference } from '@tributary/canonical-model';
import { LedgerStatus, type Ledger } from '@tributary/kafka-runtime';
import { decideStock, stockRuleFor, warehouseKey, type Sage100OrderPlan, type StockDecision } from '@tributary/mapping-sage100';
import type { MappingConfig } from '@tributary/mapping-core';
import type { LedgerEntryOf } from './ledger-entry.js';
import type { Sage100Port } from './sales-order.pipeline.js';

/** Available = QuantityOnHand − QuantityOnSalesOrder, per ItemCode@WarehouseCode of the plan's item lines. */
export const availableFor = async (sage: Pick<Sage100Port, 'listItemWarehousesChangedSince'>, plan: Sage100OrderPlan): Promise<Map<string, number>> => {
  const available = new Map<string, number>();
  const wanted = [...new Map(plan.lines.map((l) => [warehouseKey(l.ItemCode, l.WarehouseCode), l])).values()];
  await Promise.all(wanted.map(async (line) => {
    const rows = await sage.listItemWarehousesChangedSince(0, { ItemCode: line.ItemCode, WarehouseCode: line.WarehouseCode });
    const row = rows.find((r) => r.ItemCode === line.ItemCode && r.WarehouseCode === line.WarehouseCode);
    available.set(warehouseKey(line.ItemCode, line.WarehouseCode), row ? row.QuantityOnHand - row.QuantityOnSalesOrder : 0);
  }));
  return available;
};

/**
 * The stock decision of an order, made once: a split's halves must stay the same after a crash
 * between its two creates (by then the first half has reserved the stock). The decision is kept
 * in the ledger (`sage100:stock-plan:<orderId>`); a hold is decided again on every release check.
 */
export const decideStockOnce = async (
  deps: { ledger: Ledger<CrossReference>; sage: Pick<Sage100Port, 'listItemWarehousesChangedSince'>; mapping: MappingConfig; entry: LedgerEntryOf },
  plan: Sage100OrderPlan,
): Promise<StockDecision> => {
  const known = deps.ledger.get(deps.entry.key);
  if (known?.status === LedgerStatus.done && known.detail) return JSON.parse(known.detail) as StockDecision;
  const decision = decideStock(plan.lines, await availableFor(deps.sage, plan), stockRuleFor(plan.storeId, deps.mapping.sage100.outOfStock));
  if (decision.kind !== 'hold') await deps.ledger.record(deps.entry.entry(LedgerStatus.done, decision.kind, JSON.stringify(decision)));
  return decision;
};
