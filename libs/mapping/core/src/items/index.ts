export { itemCatalogueSchema, type ItemCatalogue, type ItemCatalogueInput } from './item-catalogue.schema.js';
export type { ItemCandidate, MatchReason } from './item-candidate.js';
export { ItemResolver, NORMALISED_CONFIDENCE } from './item-resolver.js';
export { UNMAPPED_SKU } from './unmapped-sku.error.js';
export { normaliseSku, skuSimilarity } from './sku-similarity.js';
