import type { Quantity } from './quantity.js';

/** What the projector knows of one SKU@location; kept in its changelog topic (JSON). */
export interface StockState {
  readonly sku: string;
  readonly locationId: string;
  /** The newest ERP count applied (absolute on hand), ordered by (occurredAt, erpVersion). */
  erp: { onHand: Quantity; version: string; at: number } | null;
  /** Returned goods put back on hand after the ERP's count; dropped once a later count includes them. */
  restocks: Record<string, { qty: Quantity; at: number }>;
  /** Σ of the open reservations of orders at this key. */
  reserved: Quantity;
  /** The last level published for this key (sequence increases per publication). */
  published: { sequence: number; onHand: Quantity; reserved: Quantity; safetyStock: Quantity; availableRaw: Quantity; erpVersion: string | null } | null;
}

/**
 * An order's reservation: what it ordered per SKU and what each shipment took. Sets, not
 * counters: the same shipment applied twice, or before its order arrives, gives the same result.
 */
export interface Reservation {
  readonly orderId: string;
  orderNumber: string | null;
  locationId: string | null;
  ordered: Record<string, Quantity>;
  shipped: Record<string, Record<string, Quantity>>;
  /** cancelled (released) or fulfilled (consumed): no reservation remains. */
  closed: 'cancelled' | 'fulfilled' | null;
}

export interface InventoryRulesResolved {
  readonly defaultLocation: string;
  readonly returnsLocation: string;
  readonly restockReturns: boolean;
  readonly safetyStock: (sku: string, locationId: string) => Quantity;
}

export const stockKey = (sku: string, locationId: string): string => `${sku}@${locationId}`;
