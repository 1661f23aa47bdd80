import { nameBasedUuid } from '@tributary/core';
import type { InventoryAdjustmentEvent } from '@tributary/canonical-model';
import type { IntacctStockLevel } from '@tributary/connectors-intacct';

/** The ERP state a row stands for: the same version is never emitted twice. */
export const stockVersion = (row: IntacctStockLevel): string => `${new Date(row.modifiedAt).toISOString()}#${row.qtyOnHand}`;

/** SKU@location, the key of inventory topics. */
export const stockKey = (sku: string, locationId: string): string => `${sku}@${locationId}`;

const quantity = (value: string | undefined): string | null => {
  if (value === undefined || value.trim() === '') return null;
  const [whole = '0', fraction = ''] = value.trim().split('.');
  return `${whole}.${fraction.padEnd(4, '0').slice(0, 4)}`;
};

/**
 * An Intacct stock row (ITEMWAREHOUSEINFO) as a canonical inventory adjustment. Pure: the event
 * id is derived from the key and version, so re-emitting the same state yields the same event.
 */
export const toInventoryAdjustmentEvent = (row: IntacctStockLevel, sku: string): InventoryAdjustmentEvent => {
  const version = stockVersion(row);
  const eventId = nameBasedUuid(`intacct:stock:${row.recordNo}:${version}`);
  return {
    eventId,
    eventType: 'inventory.adjusted',
    occurredAt: row.modifiedAt,
    source: 'intacct',
    correlationId: eventId,
    causationId: null,
    schemaVersion: 1,
    adjustment: {
      sku,
      erpItemId: row.itemId,
      locationId: row.warehouseId,
      onHand: quantity(row.qtyOnHand) ?? '0.0000',
      onOrder: quantity(row.qtyOnOrder),
      onHold: quantity(row.qtyOnHold),
      erpVersion: version,
    },
  };
};
