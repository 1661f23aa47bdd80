import type { InventoryAdjustmentEvent, InventoryLevel, OrderEvent, ReturnEvent, ShipmentEvent } from '@tributary/canonical-model';
import { formatQuantity, quantity, type Quantity } from './quantity.js';
import { stockKey, type InventoryRulesResolved, type Reservation, type StockState } from './inventory-state.js';

/** Where the fold reads and writes state (staged maps in the service, plain maps in tests). */
export interface InventoryStore {
  stock(key: string): StockState | undefined;
  putStock(key: string, state: StockState): void;
  reservation(key: string): Reservation | undefined;
  putReservation(key: string, reservation: Reservation): void;
  deleteReservation(key: string): void;
  /** Order number → order id (shipments may carry only the number). */
  orderIdOf(orderNumber: string): string | undefined;
}

const compareVersions = (a: { at: number; version: string }, b: { at: number; version: string }): number =>
  a.at !== b.at ? a.at - b.at : a.version < b.version ? -1 : a.version > b.version ? 1 : 0;

const emptyStock = (sku: string, locationId: string): StockState => ({ sku, locationId, erp: null, restocks: {}, reserved: 0, published: null });

const stockOf = (store: InventoryStore, sku: string, locationId: string): StockState => {
  const current = store.stock(stockKey(sku, locationId));
  return current ? structuredCloneStock(current) : emptyStock(sku, locationId);
};

/** Staged writes must not alias committed objects: copy before changing. */
const structuredCloneStock = (s: StockState): StockState => ({ ...s, erp: s.erp ? { ...s.erp } : null, restocks: { ...s.restocks }, published: s.published ? { ...s.published } : null });
const cloneReservation = (r: Reservation): Reservation => ({ ...r, ordered: { ...r.ordered }, shipped: { ...r.shipped } });

/** On hand as the ERP last counted it plus returns restocked after that count. */
export const onHandOf = (stock: StockState): Quantity => {
  let onHand = stock.erp?.onHand ?? 0;
  for (const restock of Object.values(stock.restocks)) onHand += restock.qty;
  return onHand;
};

/** ERP count: applied when newer than the one applied (by occurredAt, then version); older ones are skipped. Returns the keys touched. */
export const applyAdjustment = (store: InventoryStore, event: InventoryAdjustmentEvent): string[] => {
  const { sku, locationId, onHand, erpVersion } = event.adjustment;
  const stock = stockOf(store, sku, locationId);
  const incoming = { at: event.occurredAt, version: erpVersion };
  if (stock.erp && compareVersions(incoming, stock.erp) <= 0) return [];
  stock.erp = { onHand: quantity(onHand), ...incoming };
  for (const [id, restock] of Object.entries(stock.restocks)) if (restock.at <= incoming.at) delete stock.restocks[id];
  store.putStock(stockKey(sku, locationId), stock);
  return [stockKey(sku, locationId)];
};

/** What an order holds per SKU now: ordered − shipped, nothing once closed. */
export const reservedBySku = (reservation: Reservation | undefined): Map<string, Quantity> => {
  const held = new Map<string, Quantity>();
  if (!reservation || reservation.closed || reservation.locationId === null) return held;
  for (const [sku, ordered] of Object.entries(reservation.ordered)) {
    let shipped = 0;
    for (const lines of Object.values(reservation.shipped)) shipped += lines[sku] ?? 0;
    const open = Math.max(0, ordered - shipped);
    if (open > 0) held.set(sku, open);
  }
  return held;
};

/** Replaces a reservation and moves the stock keys' reserved totals by the difference. */
const replaceReservation = (store: InventoryStore, key: string, before: Reservation | undefined, after: Reservation | undefined): string[] => {
  const old = reservedBySku(before);
  const next = reservedBySku(after);
  const touched: string[] = [];
  const move = (sku: string, locationId: string, delta: Quantity) => {
    if (delta === 0) return;
    const stock = stockOf(store, sku, locationId);
    stock.reserved += delta;
    store.putStock(stockKey(sku, locationId), stock);
    touched.push(stockKey(sku, locationId));
  };
  for (const [sku, qty] of old) move(sku, before!.locationId!, -qty);
  for (const [sku, qty] of next) move(sku, after!.locationId!, qty);
  if (after) store.putReservation(key, after);
  else store.deleteReservation(key);
  return [...new Set(touched)];
};

const orderedBySku = (order: OrderEvent['order']): Record<string, Quantity> => {
  const ordered: Record<string, Quantity> = {};
  for (const line of order.lines) ordered[line.sku] = (ordered[line.sku] ?? 0) + quantity(line.quantity);
  return ordered;
};

/**
 * order.created reserves each line at the order's ship-from location; order.updated replaces
 * the reserved quantities (the delta moves); order.cancelled releases them; order.fulfilled
 * consumes what shipments have not already released.
 */
export const applyOrder = (store: InventoryStore, event: OrderEvent, shipFrom: string): string[] => {
  const { order } = event;
  const key = `order:${order.orderId}`;
  const before = store.reservation(key);
  const after: Reservation = before ? cloneReservation(before) : { orderId: order.orderId, orderNumber: order.orderNumber, locationId: null, ordered: {}, shipped: {}, closed: null };
  after.orderNumber = order.orderNumber;
  const touched: string[] = [];
  // Shipments that arrived before the order, known only by its number.
  const early = store.reservation(`number:${order.orderNumber}`);
  if (early) {
    Object.assign(after.shipped, early.shipped);
    store.deleteReservation(`number:${order.orderNumber}`);
  }
  if (after.locationId === null) after.locationId = shipFrom;
  if (event.eventType === 'order.cancelled' || order.status === 'cancelled') after.closed ??= 'cancelled';
  else if (event.eventType === 'order.fulfilled') after.closed ??= 'fulfilled';
  else if (!after.closed) after.ordered = orderedBySku(order);
  touched.push(...replaceReservation(store, key, before, after));
  return touched;
};

/** A shipment releases the reservation of its lines (the ERP's count brings the on-hand decrease). */
export const applyShipment = (store: InventoryStore, event: ShipmentEvent): string[] => {
  const { shipment } = event;
  const orderId = shipment.orderId ?? store.orderIdOf(shipment.orderNumber);
  const key = orderId ? `order:${orderId}` : `number:${shipment.orderNumber}`;
  const before = store.reservation(key);
  const after: Reservation = before ? cloneReservation(before) : { orderId: orderId ?? '', orderNumber: shipment.orderNumber, locationId: null, ordered: {}, shipped: {}, closed: null };
  const lines: Record<string, Quantity> = {};
  for (const line of shipment.lines) lines[line.sku] = (lines[line.sku] ?? 0) + quantity(line.quantity);
  after.shipped[shipment.shipmentId] = lines;
  return replaceReservation(store, key, before, after);
};

/** Returned lines marked restock go back on hand at the returns location, when the rules say so. */
export const applyReturn = (store: InventoryStore, event: ReturnEvent, rules: InventoryRulesResolved): string[] => {
  if (!rules.restockReturns) return [];
  const touched = new Set<string>();
  for (const line of event.return.lines) {
    if (!line.restock || line.quantity <= 0) continue;
    const key = stockKey(line.sku, rules.returnsLocation);
    const stock = stockOf(store, line.sku, rules.returnsLocation);
    const at = event.return.createdAt;
    if (stock.erp && at <= stock.erp.at) continue; // the ERP's count already includes it
    const id = `${event.return.returnId}/${line.lineId}`;
    if (stock.restocks[id]?.qty === quantity(line.quantity)) continue;
    stock.restocks[id] = { qty: quantity(line.quantity), at };
    store.putStock(key, stock);
    touched.add(key);
  }
  return [...touched];
};

/** The level of a key as it would be published now. */
export const levelFigures = (stock: StockState, safetyStock: Quantity) => {
  const onHand = onHandOf(stock);
  const availableRaw = onHand - stock.reserved - safetyStock;
  return { onHand, reserved: stock.reserved, safetyStock, availableRaw, available: Math.max(0, availableRaw), erpVersion: stock.erp?.version ?? null };
};

export type LevelChange = { level: InventoryLevel; oversold: boolean };

/**
 * Publishes a key when its figures changed: the next sequence, and `oversold` when available
 * drops to zero or below from above zero (the egress pushes those at once).
 */
export const publishIfChanged = (store: InventoryStore, key: string, rules: InventoryRulesResolved, changedAt: number): LevelChange | undefined => {
  const current = store.stock(key);
  if (!current) return undefined;
  const figures = levelFigures(current, rules.safetyStock(current.sku, current.locationId));
  const last = current.published;
  if (last && last.onHand === figures.onHand && last.reserved === figures.reserved && last.safetyStock === figures.safetyStock && last.erpVersion === figures.erpVersion) return undefined;
  const stock = structuredCloneStock(current);
  const sequence = (last?.sequence ?? 0) + 1;
  stock.published = { sequence, onHand: figures.onHand, reserved: figures.reserved, safetyStock: figures.safetyStock, availableRaw: figures.availableRaw, erpVersion: figures.erpVersion };
  store.putStock(key, stock);
  return {
    oversold: last !== null && last.availableRaw > 0 && figures.availableRaw <= 0,
    level: {
      sku: stock.sku,
      locationId: stock.locationId,
      onHand: formatQuantity(figures.onHand),
      reserved: formatQuantity(figures.reserved),
      safetyStock: formatQuantity(figures.safetyStock),
      available: formatQuantity(figures.available),
      availableRaw: formatQuantity(figures.availableRaw),
      erpVersion: figures.erpVersion,
      sequence,
      changedAt,
    },
  };
};
