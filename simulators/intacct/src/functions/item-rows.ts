import type { StoredItem } from '../simulator-types.js';
import { usDateTime } from './itemwarehouseinfo-rows.js';
import type { Row } from './query-filter.js';

/** ITEM fields the simulator can read, in the order `*` returns them (external-apis §1.11). */
export const ITEM_FIELDS = [
  'RECORDNO', 'ITEMID', 'NAME', 'STATUS', 'BASEPRICE', 'SODESCRIPTION', 'EXTENDED_DESCRIPTION', 'WHENCREATED', 'WHENMODIFIED',
] as const;

export const itemRow = (item: StoredItem): Row => ({
  RECORDNO: item.recordNo,
  ITEMID: item.itemId,
  NAME: item.name,
  STATUS: item.status,
  BASEPRICE: item.basePrice,
  SODESCRIPTION: item.soDescription ?? '',
  EXTENDED_DESCRIPTION: item.extendedDescription ?? '',
  WHENCREATED: usDateTime(item.createdAt),
  WHENMODIFIED: usDateTime(item.modifiedAt),
});
