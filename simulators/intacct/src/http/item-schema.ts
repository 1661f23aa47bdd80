import { z } from 'zod';

/** Body of `POST /_sim/items`: an ITEM to create or change as if edited in the Intacct UI. */
export const itemUpsertSchema = z.object({
  itemId: z.string().min(1),
  name: z.string().min(1).optional(),
  basePrice: z.string().regex(/^\d+(\.\d+)?$/, 'a non-negative decimal string').optional(),
  /** SODESCRIPTION. */
  description: z.string().optional(),
  status: z.enum(['active', 'inactive']).optional(),
});
