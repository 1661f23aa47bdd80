import type { ItemCatalogue } from './item-catalogue.schema.js';
import { digitSignature, normaliseSku, trigrams } from './sku-similarity.js';

/** One spelling the catalogue knows (a SKU or an alias), precomputed for fuzzy matching. */
export interface IndexedSku {
  /** normalised spelling */
  readonly key: string;
  /** the catalogue's canonical SKU for the item */
  readonly sku: string;
  readonly itemId: string;
  readonly trigramCount: number;
  readonly digits: string;
}

/** Everything `ItemResolver` needs that depends only on the catalogue, built once. */
export interface CatalogueIndex {
  readonly entries: readonly IndexedSku[];
  readonly byKey: ReadonlyMap<string, readonly IndexedSku[]>;
  /** trigram → positions in `entries`: a query only visits SKUs it shares a trigram with */
  readonly byTrigram: ReadonlyMap<string, readonly number[]>;
  /** item id → its first SKU in `items`, to name the SKU behind an alias to an item id */
  readonly skuForItem: ReadonlyMap<string, string>;
}

/** An alias names a canonical SKU when `items` has it, otherwise it is taken as an item id. */
export const resolveAlias = (catalogue: ItemCatalogue, target: string, skuForItem: ReadonlyMap<string, string>): { sku: string; itemId: string } => {
  const itemId = catalogue.items[target];
  if (itemId !== undefined) return { sku: target, itemId };
  return { sku: skuForItem.get(target) ?? target, itemId: target };
};

export const buildCatalogueIndex = (catalogue: ItemCatalogue): CatalogueIndex => {
  const skuForItem = new Map<string, string>();
  for (const [sku, itemId] of Object.entries(catalogue.items)) if (!skuForItem.has(itemId)) skuForItem.set(itemId, sku);

  const spellings: Array<{ spelling: string; sku: string; itemId: string }> = [
    ...Object.entries(catalogue.items).map(([sku, itemId]) => ({ spelling: sku, sku, itemId })),
    ...Object.entries(catalogue.aliases).map(([alias, target]) => ({ spelling: alias, ...resolveAlias(catalogue, target, skuForItem) })),
  ];

  const entries: IndexedSku[] = [];
  const byKey = new Map<string, IndexedSku[]>();
  const byTrigram = new Map<string, number[]>();
  for (const { spelling, sku, itemId } of spellings) {
    const key = normaliseSku(spelling);
    if (key === '') continue;
    const grams = trigrams(key);
    const entry: IndexedSku = { key, sku, itemId, trigramCount: grams.size, digits: digitSignature(key) };
    const position = entries.push(entry) - 1;
    const sameKey = byKey.get(key);
    if (sameKey === undefined) byKey.set(key, [entry]);
    else sameKey.push(entry);
    for (const gram of grams) {
      const list = byTrigram.get(gram);
      if (list === undefined) byTrigram.set(gram, [position]);
      else list.push(position);
    }
  }
  return { entries, byKey, byTrigram, skuForItem };
};
