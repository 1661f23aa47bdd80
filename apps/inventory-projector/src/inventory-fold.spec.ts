import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { InventoryAdjustmentEvent, OrderEvent, ReturnEvent, ShipmentEvent } from '@tributary/canonical-model';
import { applyAdjustment, applyOrder, applyReturn, applyShipment, publishIfChanged, type InventoryStore } from './inventory-fold.js';
import type { InventoryRulesResolved, Reservation, StockState } from './inventory-state.js';
import { quantity } from './quantity.js';

const rules: InventoryRulesResolved = { defaultLocation: 'WH-AUSTIN', returnsLocation: 'WH-AUSTIN', restockReturns: true, safetyStock: (sku) => (sku === 'TRB-ESPRESSO-MACHINE' ? quantity('1') : 0) };

const memoryStore = (): InventoryStore & { stocks: Map<string, StockState> } => {
  const stocks = new Map<string, StockState>();
  const reservations = new Map<string, Reservation>();
  const numbers = new Map<string, string>();
  return {
    stocks,
    stock: (k) => stocks.get(k), putStock: (k, s) => stocks.set(k, s),
    reservation: (k) => reservations.get(k), putReservation: (k, r) => { reservations.set(k, r); if (r.orderNumber && r.orderId) numbers.set(r.orderNumber, r.orderId); },
    deleteReservation: (k) => reservations.delete(k), orderIdOf: (n) => numbers.get(n),
  };
};

const adjustment = (sku: string, onHand: string, at: number): InventoryAdjustmentEvent => ({
  eventId: `adj-${sku}-${at}`, eventType: 'inventory.adjusted', occurredAt: at, source: 'intacct', correlationId: 'c', causationId: null, schemaVersion: 1,
  adjustment: { sku, erpItemId: sku, locationId: 'WH-AUSTIN', onHand, onOrder: null, onHold: null, erpVersion: `${new Date(at).toISOString()}#${onHand}` },
});
const order = (eventType: string, orderId: string, lines: Array<[string, number]>, status = 'processing'): OrderEvent => ({
  eventId: `${orderId}-${eventType}`, eventType, occurredAt: 1000, source: 'clarity', correlationId: orderId, causationId: null, schemaVersion: 1,
  order: {
    orderId, orderNumber: `N${orderId}`, status, orderedAt: 1000, currency: 'USD', storeId: null, channel: 'web',
    customer: { customerId: 'c1', email: 'a@b.c', firstName: 'A', lastName: 'B', company: null, phone: null },
    billingAddress: { name: null, line1: '1 Main', line2: null, city: 'Austin', region: 'TX', postalCode: '78701', country: 'US' },
    shippingAddress: { name: null, line1: '1 Main', line2: null, city: 'Austin', region: 'TX', postalCode: '78701', country: 'US' },
    lines: lines.map(([sku, quantity], i) => ({ lineId: String(i + 1), sku, description: null, quantity, unitPrice: '10.00', discount: '0.00', tax: '0.00', lineTotal: '10.00' })),
    shipping: { method: null, amount: '0.00' }, payment: null, couponCode: null,
    totals: { subtotal: '0.00', discountTotal: '0.00', taxTotal: '0.00', shippingTotal: '0.00', grandTotal: '0.00' },
  },
});
const shipment = (shipmentId: string, orderId: string | null, lines: Array<[string, string]>): ShipmentEvent => ({
  eventId: shipmentId, eventType: 'shipment.created', occurredAt: 2000, source: 'sage100', correlationId: shipmentId, causationId: null, schemaVersion: 1,
  shipment: { shipmentId, orderId, orderNumber: `N${orderId ?? 'x'}`, carrier: 'UPS', service: null, trackingNumber: '1Z', trackingUrl: null, shippedAt: 2000, warehouseId: 'WH-AUSTIN', lines: lines.map(([sku, q]) => ({ lineId: null, sku, quantity: q })) },
});
const ret = (returnId: string, lines: Array<[string, number, boolean]>, at: number): ReturnEvent => ({
  eventId: returnId, eventType: 'return.created', occurredAt: at, source: 'clarity', correlationId: returnId, causationId: null, schemaVersion: 1,
  return: { returnId, returnNumber: returnId, orderId: 'o1', orderNumber: 'No1', customerId: 'c1', currency: 'USD', createdAt: at, reason: null, lines: lines.map(([sku, quantity, restock], i) => ({ lineId: String(i), sku, quantity, unitPrice: '1.00', tax: '0.00', restock })), shippingRefund: '0.00', refundTotal: '0.00' },
});

const level = (store: ReturnType<typeof memoryStore>, key: string) => {
  const change = publishIfChanged(store, key, rules, 0);
  const s = store.stock(key)!.published!;
  return { onHand: s.onHand / 10_000, reserved: s.reserved / 10_000, availableRaw: s.availableRaw / 10_000, oversold: change?.oversold ?? false };
};

describe('inventory fold', () => {
  it('reserves on create, moves by the delta on update, releases on cancel', () => {
    const store = memoryStore();
    applyAdjustment(store, adjustment('MUG', '10', 100));
    applyOrder(store, order('order.created', 'o1', [['MUG', 3]]), 'WH-AUSTIN');
    assert.deepEqual(level(store, 'MUG@WH-AUSTIN'), { onHand: 10, reserved: 3, availableRaw: 7, oversold: false });
    applyOrder(store, order('order.updated', 'o1', [['MUG', 5]]), 'WH-AUSTIN');
    assert.equal(level(store, 'MUG@WH-AUSTIN').reserved, 5);
    applyOrder(store, order('order.cancelled', 'o1', [['MUG', 5]], 'cancelled'), 'WH-AUSTIN');
    assert.equal(level(store, 'MUG@WH-AUSTIN').reserved, 0);
  });

  it('a shipment releases its lines, once, whether it arrives before or after the order', () => {
    for (const shipFirst of [false, true]) {
      const store = memoryStore();
      applyAdjustment(store, adjustment('MUG', '10', 100));
      const s = shipment('S1', 'o1', [['MUG', '2']]);
      if (shipFirst) applyShipment(store, s);
      applyOrder(store, order('order.created', 'o1', [['MUG', 3]]), 'WH-AUSTIN');
      applyShipment(store, s);
      applyShipment(store, s);
      assert.equal(level(store, 'MUG@WH-AUSTIN').reserved, 1, `ship first: ${shipFirst}`);
    }
  });

  it('skips an ERP count older than the one applied, and restocks returns made after the count', () => {
    const store = memoryStore();
    applyAdjustment(store, adjustment('MUG', '10', 200));
    assert.deepEqual(applyAdjustment(store, adjustment('MUG', '99', 100)), []);
    applyReturn(store, ret('R1', [['MUG', 2, true], ['MUG-B', 1, false]], 300), rules);
    applyReturn(store, ret('R1', [['MUG', 2, true], ['MUG-B', 1, false]], 300), rules);
    applyReturn(store, ret('R0', [['MUG', 5, true]], 150), rules); // counted by the ERP already
    assert.equal(level(store, 'MUG@WH-AUSTIN').onHand, 12);
    applyAdjustment(store, adjustment('MUG', '12', 400)); // the ERP has received the return
    assert.equal(level(store, 'MUG@WH-AUSTIN').onHand, 12);
    assert.equal(store.stock('MUG-B@WH-AUSTIN'), undefined);
  });

  it('goes negative: availableRaw below zero, available zero, oversold once when crossing', () => {
    const store = memoryStore();
    applyAdjustment(store, adjustment('TRB-ESPRESSO-MACHINE', '3', 100));
    assert.equal(level(store, 'TRB-ESPRESSO-MACHINE@WH-AUSTIN').availableRaw, 2); // safety stock 1
    applyOrder(store, order('order.created', 'o1', [['TRB-ESPRESSO-MACHINE', 4]]), 'WH-AUSTIN');
    const change = publishIfChanged(store, 'TRB-ESPRESSO-MACHINE@WH-AUSTIN', rules, 0);
    assert.equal(change?.oversold, true);
    assert.equal(change?.level.available, '0.0000');
    const published = store.stock('TRB-ESPRESSO-MACHINE@WH-AUSTIN')!.published!;
    assert.equal(published.availableRaw, quantity('-2'));
    applyOrder(store, order('order.created', 'o2', [['TRB-ESPRESSO-MACHINE', 1]]), 'WH-AUSTIN');
    assert.equal(level(store, 'TRB-ESPRESSO-MACHINE@WH-AUSTIN').oversold, false, 'already at or below zero');
  });

  it('emits the oversold event on the crossing from above zero', () => {
    const store = memoryStore();
    applyAdjustment(store, adjustment('MUG', '2', 100));
    level(store, 'MUG@WH-AUSTIN');
    applyOrder(store, order('order.created', 'o1', [['MUG', 3]]), 'WH-AUSTIN');
    const change = publishIfChanged(store, 'MUG@WH-AUSTIN', rules, 0)!;
    assert.equal(change.oversold, true);
    assert.equal(change.level.available, '0.0000');
    assert.equal(change.level.availableRaw, '-1.0000');
  });
});
