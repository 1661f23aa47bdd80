import type { IntacctItemUpdate } from '../intacct-types.js';
import type { XmlTree } from '../xml/xml-codec.js';
import type { ReadByQuery } from './read-by-query.js';
import type { IntacctFunction } from './request-envelope.js';
import { intacctDateTime } from './stock-changes.js';

/**
 * Key order below is ITEM in external-apis §1.11; do not reorder. Fields not given are left out
 * and stay unchanged; an empty description becomes `<SODESCRIPTION/>`, which empties it.
 */
export const updateItemXml = (item: IntacctItemUpdate): XmlTree => ({
  ITEMID: item.itemId,
  NAME: item.name,
  STATUS: item.status,
  SODESCRIPTION: item.description,
  BASEPRICE: item.basePrice,
});

export const updateItemFunction = (item: IntacctItemUpdate, controlId: string): IntacctFunction => ({
  controlId,
  name: 'update:ITEM',
  body: { update: { ITEM: updateItemXml(item) } },
});

export const ITEM_FIELDS = ['RECORDNO', 'ITEMID', 'NAME', 'STATUS', 'BASEPRICE', 'SODESCRIPTION', 'WHENMODIFIED'] as const;

/** ITEM records modified at or after `sinceMs` (to the second), for a polling source. */
export const itemsChangedSince = (sinceMs: number): ReadByQuery => ({
  object: 'ITEM',
  fields: ITEM_FIELDS,
  query: `WHENMODIFIED >= '${intacctDateTime(sinceMs)}'`,
  pageSize: 1000,
});
