import type { CatalogueIndex, IndexedSku } from './catalogue-index.js';
import { combineSimilarity, jaccardFromCounts, LEVENSHTEIN_WEIGHT, levenshteinSimilarity, TRIGRAM_WEIGHT, trigrams } from './sku-similarity.js';
import { roundConfidence } from './item-candidate.js';

export interface FuzzyHit {
  readonly entry: IndexedSku;
  /** rounded to 3 decimals */
  readonly confidence: number;
}

/**
 * The `limit` most similar catalogue items to a normalised key, best first, one hit per item id.
 *
 * Exact over the catalogue, but cheap: shared trigrams are counted through the inverted index,
 * candidates are visited by falling Jaccard, and since Levenshtein similarity is at most 1 the
 * search stops once `0.6 + 0.4 × jaccard` cannot beat the hits already held. A SKU that shares
 * no trigram with the query is never suggested.
 */
export const fuzzySearch = (index: CatalogueIndex, key: string, limit: number): FuzzyHit[] => {
  const grams = trigrams(key);
  const shared = new Map<number, number>();
  for (const gram of grams) {
    for (const position of index.byTrigram.get(gram) ?? []) shared.set(position, (shared.get(position) ?? 0) + 1);
  }

  const ranked = [...shared].map(([position, count]) => {
    const entry = index.entries[position] as IndexedSku;
    return { position, entry, jaccard: jaccardFromCounts(count, grams.size, entry.trigramCount) };
  }).sort((a, b) => b.jaccard - a.jaccard || a.position - b.position);

  const top: Array<{ position: number; entry: IndexedSku; score: number }> = [];
  const worstKept = (): number => (top.length < limit ? -1 : Math.min(...top.map((hit) => hit.score)));
  for (const { position, entry, jaccard } of ranked) {
    const floor = worstKept();
    if (LEVENSHTEIN_WEIGHT + TRIGRAM_WEIGHT * jaccard < floor) break;
    const longer = Math.max(key.length, entry.key.length);
    const levenshteinCeiling = 1 - Math.abs(key.length - entry.key.length) / longer;
    if (combineSimilarity(levenshteinCeiling, jaccard) < floor) continue;

    const score = combineSimilarity(levenshteinSimilarity(key, entry.key), jaccard);
    const sameItem = top.findIndex((hit) => hit.entry.itemId === entry.itemId);
    if (sameItem >= 0) {
      if (score > (top[sameItem]?.score ?? 1)) top[sameItem] = { position, entry, score };
    } else if (top.length < limit) {
      top.push({ position, entry, score });
    } else if (score > floor) {
      top.splice(top.findIndex((hit) => hit.score === floor), 1, { position, entry, score });
    }
  }
  // Ties keep catalogue order so that the same catalogue always gives the same suggestions.
  return top
    .sort((a, b) => b.score - a.score || a.position - b.position)
    .map(({ entry, score }) => ({ entry, confidence: roundConfidence(score) }));
};
