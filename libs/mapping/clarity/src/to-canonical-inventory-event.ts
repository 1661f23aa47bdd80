import { ok, type IntegrationError, type Result } from '@tributary/core';
import type { ClarityInventory, ClarityInventoryWebhook } from '@tributary/connectors-clarity';
import type { InventoryAdjustmentEvent, StockAdjustment } from '@tributary/canonical-model';
import { envelopeFrom, type EventContext } from './event-context.js';
import { toQuantityString } from './quantity.js';

export const INVENTORY_EVENT_SCHEMA_VERSION = 1;

/** The topic key: one stock row per SKU and location. */
export const inventoryKey = (sku: string, locationId: string): string => `${sku}@${locationId}`;

/**
 * Clarity's stock row → a canonical stock adjustment. Clarity has no ERP item id: the SKU stands
 * in (as the schema allows for unmapped items). The version is Clarity's modification time and
 * the quantity, so the same state delivered twice is the same version.
 */
export const toStockAdjustment = (data: ClarityInventory): StockAdjustment => {
  const onHand = toQuantityString(data.onHand);
  return {
    sku: data.sku,
    erpItemId: data.sku,
    locationId: data.locationId,
    onHand,
    onOrder: data.onOrder === null ? null : toQuantityString(data.onOrder),
    onHold: data.onHold === null ? null : toQuantityString(data.onHold),
    erpVersion: `${new Date(Date.parse(data.modifiedAt)).toISOString()}#${onHand}`,
  };
};

/** A verified, validated Clarity `inventory.changed` webhook → `inventory.adjustment.v1` event. Pure and total. */
export const toCanonicalInventoryEvent = (webhook: ClarityInventoryWebhook, ctx: EventContext): Result<InventoryAdjustmentEvent, IntegrationError> =>
  ok({
    ...envelopeFrom(webhook, ctx, INVENTORY_EVENT_SCHEMA_VERSION),
    // When Clarity changed the quantity, not when it got round to telling us.
    occurredAt: Date.parse(webhook.data.modifiedAt),
    eventType: 'inventory.adjusted',
    adjustment: toStockAdjustment(webhook.data),
  });
