import type { SalesOrder } from '../simulator-types.js';
import { stampOf } from './clock.js';
import { itemWarehouseKey, type CompanyBooks } from './company-books.js';
import { Decimal } from 'decimal.js';

/**
 * What an order commits in IM_ItemWarehouse.QuantityOnSalesOrder: the unshipped quantity of its
 * inventory lines, while it is an open standard or back order that is not closed. Quotes,
 * masters and repeating orders commit nothing.
 */
export const reservationOf = (order: SalesOrder | undefined): Map<string, number> => {
  const reserved = new Map<string, number>();
  if (!order || !(order.OrderType === 'S' || order.OrderType === 'B') || order.OrderStatus === 'C') return reserved;
  for (const line of order.Lines) {
    if (line.ItemType !== '1') continue;
    const key = itemWarehouseKey(line.ItemCode, line.WarehouseCode);
    const open = Math.max(0, new Decimal(line.QuantityOrdered).minus(line.QuantityShipped).toNumber());
    reserved.set(key, new Decimal(reserved.get(key) ?? 0).plus(open).toNumber());
  }
  return reserved;
};

/**
 * Moves QuantityOnSalesOrder from what `before` committed to what `after` commits (either may be
 * absent: a new order, an order gone to history). Only rows whose quantity changes get a new
 * DateUpdated, so a poller sees exactly the rows that moved.
 */
export const moveReservation = (books: CompanyBooks, before: SalesOrder | undefined, after: SalesOrder | undefined, at: Date): void => {
  const old = reservationOf(before);
  const now = reservationOf(after);
  for (const key of new Set([...old.keys(), ...now.keys()])) {
    const delta = new Decimal(now.get(key) ?? 0).minus(old.get(key) ?? 0);
    if (delta.isZero()) continue;
    const row = books.itemWarehouses.get(key);
    if (!row) continue;
    Object.assign(row, { QuantityOnSalesOrder: new Decimal(row.QuantityOnSalesOrder).plus(delta).toNumber() }, stampOf(at));
  }
};
