import type { ItemSeed, StoredItem } from '../simulator-types.js';

/** A field-by-field ITEM change: absent fields stay as they are; '' clears an optional text. */
export interface ItemChange {
  itemId: string;
  name?: string;
  status?: string;
  basePrice?: string;
  soDescription?: string;
  extendedDescription?: string;
}

const NON_NEGATIVE_DECIMAL = /^\d+(\.\d+)?$/;
const STATUSES = new Set(['active', 'inactive']);

/** Why the change cannot be applied, in Intacct's words, or undefined when it can. */
export const itemChangeProblem = (change: ItemChange): string | undefined => {
  if (change.name !== undefined && change.name.trim() === '') return 'NAME cannot be empty.';
  if (change.basePrice !== undefined && !NON_NEGATIVE_DECIMAL.test(change.basePrice)) {
    return `BASEPRICE '${change.basePrice}' is not a non-negative amount.`;
  }
  if (change.status !== undefined && !STATUSES.has(change.status)) return `STATUS '${change.status}' is not one of active, inactive.`;
  return undefined;
};

/** The items a simulator starts with: ids of `items` as bare records, then `itemMaster` over them. */
export const itemSeeds = (items: readonly string[] = [], itemMaster: readonly ItemSeed[] = []): ItemSeed[] => {
  const seeds = new Map<string, ItemSeed>(items.map((itemId) => [itemId, { itemId, name: itemId }]));
  for (const seed of itemMaster) seeds.set(seed.itemId, seed);
  return [...seeds.values()];
};

/** The ItemChange an admin-API or seed body stands for (`description` is SODESCRIPTION). */
export const changeOf = (seed: Partial<ItemSeed> & { itemId: string }): ItemChange => ({
  itemId: seed.itemId,
  ...(seed.name === undefined ? {} : { name: seed.name }),
  ...(seed.status === undefined ? {} : { status: seed.status }),
  ...(seed.basePrice === undefined ? {} : { basePrice: seed.basePrice }),
  ...(seed.description === undefined ? {} : { soDescription: seed.description }),
});

/** A new ITEM from a change that passed itemChangeProblem: NAME defaults to the id, BASEPRICE to 0.00. */
export const newItem = (recordNo: string, change: ItemChange, now: Date): StoredItem => {
  const item: StoredItem = {
    recordNo,
    itemId: change.itemId,
    name: change.name ?? change.itemId,
    status: change.status === 'inactive' ? 'inactive' : 'active',
    basePrice: change.basePrice ?? '0.00',
    version: 1,
    createdAt: now.toISOString(),
    modifiedAt: now.toISOString(),
  };
  if (change.soDescription) item.soDescription = change.soDescription;
  if (change.extendedDescription) item.extendedDescription = change.extendedDescription;
  return item;
};

/** Applies a change that passed itemChangeProblem to the live record: WHENMODIFIED = now, version + 1. */
export const applyItemChange = (item: StoredItem, change: ItemChange, now: Date): void => {
  if (change.name !== undefined) item.name = change.name;
  if (change.status !== undefined) item.status = change.status === 'inactive' ? 'inactive' : 'active';
  if (change.basePrice !== undefined) item.basePrice = change.basePrice;
  for (const field of ['soDescription', 'extendedDescription'] as const) {
    const value = change[field];
    if (value === undefined) continue;
    if (value === '') delete item[field];
    else item[field] = value;
  }
  item.version += 1;
  item.modifiedAt = now.toISOString();
};
