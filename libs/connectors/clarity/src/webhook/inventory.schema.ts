import { z } from 'zod';
import { clarityStockQuantitySchema } from './quantity.js';
import { id, optionalText, timestamp } from './fields.js';

/**
 * The `data` of an `inventory.changed` webhook: the stock row of one SKU at one location (CEF's
 * ProductInventoryLocationSectionModel: `Quantity`, `QuantityAllocated`, … as camelCase).
 */
export const clarityInventorySchema = z.object({
  sku: z.string().min(1),
  locationId: id(),
  onHand: clarityStockQuantitySchema,
  onOrder: clarityStockQuantitySchema.nullish().transform((value) => value ?? null),
  /** Allocated to orders not yet shipped. */
  onHold: clarityStockQuantitySchema.nullish().transform((value) => value ?? null),
  /** When Clarity changed the quantity: orders versions of the row. */
  modifiedAt: timestamp,
  updatedBy: optionalText(),
});

export type ClarityInventory = z.infer<typeof clarityInventorySchema>;
