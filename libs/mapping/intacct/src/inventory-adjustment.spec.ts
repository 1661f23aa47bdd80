import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { stockKey, stockVersion, toInventoryAdjustmentEvent } from './inventory-adjustment.js';

const row = { recordNo: '31', itemId: 'MUG-12OZ', warehouseId: 'WH-AUSTIN', qtyOnHand: '148', qtyOnOrder: '12.5', modifiedAt: Date.UTC(2026, 10, 25, 14, 3, 9) };

describe('Intacct stock rows as inventory adjustments', () => {
  it('maps quantities exactly, keyed SKU@location, with the ERP version', () => {
    const event = toInventoryAdjustmentEvent(row, 'TRB-MUG-12OZ');
    assert.equal(event.eventType, 'inventory.adjusted');
    assert.equal(event.source, 'intacct');
    assert.equal(event.occurredAt, row.modifiedAt);
    assert.deepEqual(event.adjustment, { sku: 'TRB-MUG-12OZ', erpItemId: 'MUG-12OZ', locationId: 'WH-AUSTIN', onHand: '148.0000', onOrder: '12.5000', onHold: null, erpVersion: '2026-11-25T14:03:09.000Z#148' });
    assert.equal(stockKey('TRB-MUG-12OZ', 'WH-AUSTIN'), 'TRB-MUG-12OZ@WH-AUSTIN');
  });

  it('gives the same event id to the same state and a new one to a change within the same second', () => {
    const first = toInventoryAdjustmentEvent(row, 'TRB-MUG-12OZ');
    assert.equal(toInventoryAdjustmentEvent(row, 'TRB-MUG-12OZ').eventId, first.eventId);
    const sameSecond = { ...row, qtyOnHand: '147' };
    assert.notEqual(stockVersion(sameSecond), stockVersion(row));
    assert.notEqual(toInventoryAdjustmentEvent(sameSecond, 'TRB-MUG-12OZ').eventId, first.eventId);
  });
});
