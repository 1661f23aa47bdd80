import type { ReadByQuery } from './read-by-query.js';

/** ITEMWAREHOUSEINFO fields we read. The quantity names are unconfirmed (external-apis §1.11 [?]). */
export const STOCK_LEVEL_FIELDS = ['RECORDNO', 'ITEMID', 'WAREHOUSEID', 'QTYONHAND', 'QTYONORDER', 'QTYONHOLD', 'WHENMODIFIED'] as const;

const two = (n: number) => String(n).padStart(2, '0');

/**
 * Intacct's `mm/dd/yyyy HH:MM:SS` for an epoch-ms time, in UTC, truncated to the second.
 * A tenant reports WHENMODIFIED in company time; only a UTC company reads it the same way.
 */
export const intacctDateTime = (epochMs: number): string => {
  const t = new Date(epochMs);
  return `${two(t.getUTCMonth() + 1)}/${two(t.getUTCDate())}/${t.getUTCFullYear()} ${two(t.getUTCHours())}:${two(t.getUTCMinutes())}:${two(t.getUTCSeconds())}`;
};

/** ITEMWAREHOUSEINFO rows modified at or after `sinceMs` (to the second), for a polling source. */
export const stockChangedSince = (sinceMs: number): ReadByQuery => ({
  object: 'ITEMWAREHOUSEINFO',
  fields: STOCK_LEVEL_FIELDS,
  query: `WHENMODIFIED >= '${intacctDateTime(sinceMs)}'`,
  pageSize: 1000,
});
