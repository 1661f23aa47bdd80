import type { StoredStock } from '../simulator-types.js';
import type { Row } from './query-filter.js';

/**
 * ITEMWAREHOUSEINFO fields the simulator can read, in the order `*` returns them. The quantity
 * names are the widely used ones, not confirmed by a vendor page (external-apis §1.11 [?]).
 */
export const ITEMWAREHOUSEINFO_FIELDS = ['RECORDNO', 'ITEMID', 'WAREHOUSEID', 'QTYONHAND', 'QTYONORDER', 'QTYONHOLD', 'WHENMODIFIED'] as const;

/**
 * Intacct's `mm/dd/yyyy HH:MM:SS`. The simulator writes UTC; a real tenant writes the company's
 * time zone.
 */
export const usDateTime = (isoTimestamp: string): string => {
  const [date = '', time = ''] = isoTimestamp.split('T');
  const [year, month, day] = date.split('-');
  return `${month}/${day}/${year} ${time.slice(0, 8)}`;
};

export const stockRow = (stock: StoredStock): Row => ({
  RECORDNO: stock.recordNo,
  ITEMID: stock.itemId,
  WAREHOUSEID: stock.warehouseId,
  QTYONHAND: stock.qtyOnHand,
  QTYONORDER: stock.qtyOnOrder,
  QTYONHOLD: stock.qtyOnHold,
  WHENMODIFIED: usDateTime(stock.modifiedAt),
});
