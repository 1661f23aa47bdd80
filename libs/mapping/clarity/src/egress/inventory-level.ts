import type { InventoryLevelEvent } from '@tributary/canonical-model';
import type { ClarityInventoryLevel } from '@tributary/connectors-clarity';

/** The compacted topic's key, and Clarity's: one level per SKU at a location. */
export const inventoryLevelKey = (level: { readonly sku: string; readonly locationId: string }): string => `${level.sku}@${level.locationId}`;

/** An oversold level is pushed at once: Clarity must stop selling now, not at the next flush. */
export const isUrgentLevel = (event: InventoryLevelEvent): boolean => event.eventType === 'inventory.oversold';

/** Exact decimal text without trailing zeros: "12.5000" → "12.5", "200.0000" → "200". */
const plainDecimal = (text: string): string => (text.includes('.') ? text.replace(/\.?0+$/, '') : text);

/** A canonical level → what Clarity's inventory API takes: available to sell (never negative) and the key's sequence. */
export const toClarityInventoryLevel = ({ level }: InventoryLevelEvent): ClarityInventoryLevel => ({
  sku: level.sku,
  locationId: level.locationId,
  available: plainDecimal(level.available),
  sequence: level.sequence,
});
