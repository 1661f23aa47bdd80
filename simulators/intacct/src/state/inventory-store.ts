import type { StoredStock } from '../simulator-types.js';

export interface StockSeed {
  itemId: string;
  warehouseId: string;
  qtyOnHand: string;
}

const DECIMAL = /^-?\d+(\.\d+)?$/;

/**
 * ITEMWAREHOUSEINFO rows: one per item and warehouse, shared by every company (like the `items`
 * option). RECORDNO is numbered per object, apart from the other records. `reset` goes back to
 * the seed rows, stamped with the time of the reset.
 */
export class InventoryStore {
  private rows: StoredStock[] = [];
  private nextRecordNo = 1;

  constructor(private readonly seed: readonly StockSeed[] = []) {
    this.reset();
  }

  /** Creates or updates the row of that item and warehouse; WHENMODIFIED becomes `now`. */
  set(itemId: string, warehouseId: string, qtyOnHand: string, now: Date = new Date()): StoredStock {
    if (!itemId || !warehouseId) throw new RangeError('itemId and warehouseId are required');
    if (!DECIMAL.test(qtyOnHand)) throw new RangeError(`qtyOnHand must be a decimal string, got '${qtyOnHand}'`);
    const modifiedAt = now.toISOString();
    const existing = this.rows.find((row) => row.itemId === itemId && row.warehouseId === warehouseId);
    if (existing) {
      existing.qtyOnHand = qtyOnHand;
      existing.modifiedAt = modifiedAt;
      return { ...existing };
    }
    const row: StoredStock = { recordNo: String(this.nextRecordNo), itemId, warehouseId, qtyOnHand, qtyOnOrder: '0', qtyOnHold: '0', modifiedAt };
    this.nextRecordNo += 1;
    this.rows.push(row);
    return { ...row };
  }

  rowsInOrder(): readonly StoredStock[] {
    return this.rows;
  }

  all(): StoredStock[] {
    return structuredClone(this.rows);
  }

  reset(): void {
    this.rows = [];
    this.nextRecordNo = 1;
    const now = new Date();
    for (const stock of this.seed) this.set(stock.itemId, stock.warehouseId, stock.qtyOnHand, now);
  }
}
