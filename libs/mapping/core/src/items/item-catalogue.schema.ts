import { z } from 'zod';

const fuzzyDefaults = { enabled: true, autoMapThreshold: 0.92, maxSuggestions: 3 };

/**
 * The SKU → ERP item table for one company (e.g. `config/mappings/items.yaml`).
 * `aliases` carry retired, marketplace or misspelt SKUs that the store still sends; an alias
 * may point to a canonical SKU in `items` or straight to an item id.
 */
export const itemCatalogueSchema = z.object({
  items: z.record(z.string().min(1), z.string().min(1)).describe('SKU → ERP item id, matched exactly first'),
  aliases: z.record(z.string().min(1), z.string().min(1)).default({}).describe('alias SKU → canonical SKU or item id'),
  fuzzy: z.object({
    enabled: z.boolean().default(fuzzyDefaults.enabled),
    // High on purpose: a wrong item on an invoice costs more than a line parked for review.
    autoMapThreshold: z.number().min(0).max(1).default(fuzzyDefaults.autoMapThreshold),
    maxSuggestions: z.number().int().positive().default(fuzzyDefaults.maxSuggestions),
  }).default(fuzzyDefaults),
});

export type ItemCatalogue = z.infer<typeof itemCatalogueSchema>;
/** What a config file may omit; `itemCatalogueSchema.parse` fills in the defaults. */
export type ItemCatalogueInput = z.input<typeof itemCatalogueSchema>;
