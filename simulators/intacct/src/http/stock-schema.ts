import { z } from 'zod';

/** Body of `POST /_sim/inventory`: one ITEMWAREHOUSEINFO row to create or update. */
export const stockUpdateSchema = z.object({
  itemId: z.string().min(1),
  warehouseId: z.string().min(1),
  qtyOnHand: z.string().regex(/^-?\d+(\.\d+)?$/, 'a decimal string'),
});
