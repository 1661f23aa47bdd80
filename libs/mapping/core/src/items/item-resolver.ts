import { err, IntegrationError, ok, type Result } from '@tributary/core';
import { buildCatalogueIndex, resolveAlias, type CatalogueIndex, type IndexedSku } from './catalogue-index.js';
import { fuzzySearch } from './fuzzy-search.js';
import type { ItemCandidate } from './item-candidate.js';
import type { ItemCatalogue } from './item-catalogue.schema.js';
import { unmappedSku } from './unmapped-sku.error.js';
import { digitSignature, normaliseSku } from './sku-similarity.js';

/** Below certainty, above any fuzzy score that is not the same spelling. */
export const NORMALISED_CONFIDENCE = 0.99;

/**
 * Finds the ERP item for a store SKU: exact SKU, then alias, then the same SKU spelt
 * differently (case, punctuation, spaces), then — only above `fuzzy.autoMapThreshold` — the
 * most similar SKU. Anything less certain is not mapped, so nobody invoices the wrong item.
 */
export class ItemResolver {
  private readonly index: CatalogueIndex;

  /** Builds the normalised keys and the trigram index once; `resolve` only reads them. */
  constructor(private readonly catalogue: ItemCatalogue) {
    this.index = buildCatalogueIndex(catalogue);
  }

  resolve(sku: string): Result<ItemCandidate, IntegrationError> {
    const direct = this.direct(sku);
    if (direct !== undefined) return ok(direct);

    const key = normaliseSku(sku);
    const sameSpelling = this.normalised(key);
    if (sameSpelling.length === 1) return ok(sameSpelling[0] as ItemCandidate);
    // One spelling, several items: the catalogue is ambiguous and guessing would be a coin toss.
    if (sameSpelling.length > 1) return err(unmappedSku(sku, sameSpelling, 'its spelling matches several items'));

    const { enabled, autoMapThreshold, maxSuggestions } = this.catalogue.fuzzy;
    if (!enabled) return err(unmappedSku(sku, [], 'fuzzy matching is off'));
    if (key === '') return err(unmappedSku(sku, [], 'it has no letters or digits'));
    const hits = fuzzySearch(this.index, key, maxSuggestions);
    const suggestions = hits.map(({ entry, confidence }) => candidate(entry, confidence, 'fuzzy'));
    const [best, runnerUp] = hits;
    if (best === undefined || best.confidence < autoMapThreshold) return err(unmappedSku(sku, suggestions));
    if (best.entry.digits !== digitSignature(key)) return err(unmappedSku(sku, suggestions, 'the closest SKU differs in its numbers (size, weight or pack)'));
    if (runnerUp !== undefined && runnerUp.confidence === best.confidence) return err(unmappedSku(sku, suggestions, 'two items are equally close'));
    return ok(suggestions[0] as ItemCandidate);
  }

  /** The most likely items for a SKU, best first, for a person to choose from. */
  suggest(sku: string): ItemCandidate[] {
    const direct = this.direct(sku);
    const key = normaliseSku(sku);
    const certain = direct !== undefined ? [direct] : this.normalised(key);
    const { enabled, maxSuggestions } = this.catalogue.fuzzy;
    const similar = enabled && key !== ''
      ? fuzzySearch(this.index, key, maxSuggestions + certain.length).map(({ entry, confidence }) => candidate(entry, confidence, 'fuzzy'))
      : [];
    const byItem = new Map<string, ItemCandidate>();
    for (const c of [...certain, ...similar]) if (!byItem.has(c.itemId)) byItem.set(c.itemId, c);
    return [...byItem.values()].slice(0, maxSuggestions);
  }

  private direct(sku: string): ItemCandidate | undefined {
    const itemId = this.catalogue.items[sku];
    if (itemId !== undefined) return { itemId, sku, confidence: 1, reason: 'exact' };
    const target = this.catalogue.aliases[sku];
    if (target === undefined) return undefined;
    return { ...resolveAlias(this.catalogue, target, this.index.skuForItem), confidence: 1, reason: 'alias' };
  }

  /** One candidate per distinct item among the catalogue spellings that normalise to `key`. */
  private normalised(key: string): ItemCandidate[] {
    const byItem = new Map<string, ItemCandidate>();
    for (const entry of this.index.byKey.get(key) ?? []) {
      if (!byItem.has(entry.itemId)) byItem.set(entry.itemId, candidate(entry, NORMALISED_CONFIDENCE, 'normalised'));
    }
    return [...byItem.values()];
  }
}

const candidate = (entry: IndexedSku, confidence: number, reason: ItemCandidate['reason']): ItemCandidate =>
  ({ itemId: entry.itemId, sku: entry.sku, confidence, reason });
