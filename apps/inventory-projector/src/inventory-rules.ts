import type { OrderEvent } from '@tributary/canonical-model';
import { holds, type MappingConfig } from '@tributary/mapping-core';
import { quantity } from './quantity.js';
import { stockKey, type InventoryRulesResolved } from './inventory-state.js';

/** The mapping file's inventory section, resolved once at start. */
export const inventoryRules = (mapping: MappingConfig): InventoryRulesResolved => {
  const { inventory, company } = mapping;
  const perKey = new Map(Object.entries(inventory.safetyStock.skus).map(([key, value]) => [key, quantity(value)]));
  const fallback = quantity(inventory.safetyStock.default);
  return {
    defaultLocation: company.defaultWarehouse,
    returnsLocation: inventory.returnsLocation ?? company.defaultWarehouse,
    restockReturns: inventory.restockReturns,
    safetyStock: (sku, locationId) => perKey.get(stockKey(sku, locationId)) ?? perKey.get(sku) ?? fallback,
  };
};

/** The first fulfilment rule whose condition holds for the order decides where it ships from. */
export const shipFromRule = (mapping: MappingConfig) => async (order: OrderEvent['order']): Promise<string> => {
  for (const rule of mapping.inventory.fulfilment) if (await holds(rule.when, order, rule.name)) return rule.locationId;
  return mapping.company.defaultWarehouse;
};
