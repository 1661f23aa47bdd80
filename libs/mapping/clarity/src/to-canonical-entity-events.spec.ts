import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { EventContext } from './event-context.js';
import { toCanonicalCustomerEvent } from './to-canonical-customer-event.js';
import { toCanonicalInventoryEvent } from './to-canonical-inventory-event.js';
import { toCanonicalShipmentEvent } from './to-canonical-shipment-event.js';
import { customerUpdated, inventoryChanged, rawCustomerUpdated, rawInventoryChanged, shipmentCreated } from './fixtures/clarity-entity-webhooks.js';

const ctx: EventContext = { eventId: '5b1d7c1e-9f1a-4b7e-8c55-2f0e6a3d9b21', correlationId: 'corr-9', receivedAt: 0 };
const value = <T>(result: { ok: true; value: T } | { ok: false; error: { code: string; message: string } }): T => {
  if (!result.ok) assert.fail(`${result.error.code}: ${result.error.message}`);
  return result.value;
};
const VERSION = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)#([0-9a-f]{12})$/;

describe('toCanonicalCustomerEvent', () => {
  const mapped = (change: (data: Record<string, any>) => void = () => undefined) => {
    const raw = rawCustomerUpdated() as { data: Record<string, any> };
    change(raw.data);
    return value(toCanonicalCustomerEvent(customerUpdated(raw), ctx));
  };

  it('maps a business customer keyed by its Clarity id, with both addresses', () => {
    const event = mapped();
    assert.deepEqual([event.eventType, event.source, event.causationId, event.eventId], ['customer.updated', 'clarity', 'evt_01JDS1A2B3C4D5E6F7G8H9J0KA', ctx.eventId]);
    const { version, ...customer } = event.customer;
    assert.deepEqual(customer, {
      customerId: 'cust-77', clarityId: 'cust-77', salesforceAccountId: null, salesforceContactId: null, kind: 'b2b',
      email: 'maria.alvarez@lonestar-outfitters.com', firstName: 'María', lastName: 'Álvarez', company: 'Lone Star Outfitters LLC', phone: '+1 512 555 0148',
      billingAddress: { name: 'Accounts Payable', line1: '600 Congress Avenue', line2: 'Suite 1400', city: 'Austin', region: 'TX', postalCode: '78701', country: 'US' },
      shippingAddress: { name: 'Receiving dock 3', line1: '4101 Industrial Oaks Blvd', line2: null, city: 'Austin', region: 'TX', postalCode: '78735', country: 'US' },
      marketingOptIn: true, accountOwner: null, modifiedAt: Date.parse('2026-11-26T09:15:00Z'),
      changedFields: ['phone', 'shippingAddress'],
    });
    assert.equal(VERSION.exec(version)?.[1], '2026-11-26T09:15:00.000Z');
  });

  it('is a consumer (b2c) without a company, or with a blank one', () => {
    assert.equal(mapped((d) => { delete d['company']; }).customer.kind, 'b2c');
    const blank = mapped((d) => { d['company'] = '  '; }).customer;
    assert.deepEqual([blank.kind, blank.company], ['b2c', null]);
  });

  it('gives the same state the same version and any content change a new one; no changed fields is []', () => {
    const base = mapped().customer.version;
    assert.equal(mapped((d) => { d['changedFields'] = ['email']; d['updatedBy'] = 'user:other'; }).customer.version, base, 'who changed it and what they say changed are not content');
    assert.notEqual(mapped((d) => { d['phone'] = '+1 512 555 0199'; }).customer.version, base);
    assert.ok(mapped((d) => { d['modifiedAt'] = '2026-11-27T00:00:00Z'; }).customer.version > base);
    assert.deepEqual(mapped((d) => { delete d['changedFields']; }).customer.changedFields, []);
  });
});

describe('toCanonicalInventoryEvent', () => {
  it('maps a stock row: the SKU as item id, quantities exact to 4 decimals, versioned by time and quantity', () => {
    const event = value(toCanonicalInventoryEvent(inventoryChanged(), ctx));
    assert.deepEqual([event.eventType, event.source, event.occurredAt], ['inventory.adjusted', 'clarity', Date.parse('2026-11-26T10:02:00Z')]);
    assert.deepEqual(event.adjustment, {
      sku: 'TRB-MUG-12OZ', erpItemId: 'TRB-MUG-12OZ', locationId: 'AUS-01',
      onHand: '142.0000', onOrder: '48.0000', onHold: '6.5000', erpVersion: '2026-11-26T10:02:00.000Z#142.0000',
    });
  });

  it('keeps an oversold (negative) quantity and leaves what Clarity does not say null', () => {
    const raw = rawInventoryChanged() as { data: Record<string, unknown> };
    raw.data['onHand'] = -3;
    delete raw.data['onOrder'];
    delete raw.data['onHold'];
    const { adjustment } = value(toCanonicalInventoryEvent(inventoryChanged(raw), ctx));
    assert.deepEqual([adjustment.onHand, adjustment.onOrder, adjustment.onHold], ['-3.0000', null, null]);
  });
});

describe('toCanonicalShipmentEvent', () => {
  it('maps carrier, tracking and lines, quantities exact', () => {
    const event = value(toCanonicalShipmentEvent(shipmentCreated(), ctx));
    assert.equal(event.eventType, 'shipment.created');
    assert.deepEqual(event.shipment, {
      shipmentId: 'shp_20877', orderId: '10045', orderNumber: 'CL-10045', carrier: 'UPS', service: 'Ground',
      trackingNumber: '1Z999AA10123456784', trackingUrl: 'https://www.ups.com/track?tracknum=1Z999AA10123456784',
      shippedAt: Date.parse('2026-11-26T15:38:00Z'), warehouseId: 'AUS-01',
      lines: [{ lineId: '1', sku: 'TRB-MUG-12OZ', quantity: '2.0000' }, { lineId: '2', sku: 'TRB-TEA-EARL-100G', quantity: '3.0000' }],
    });
  });

  it('leaves the order id null for a shipment Clarity does not tie to one of its orders', () => {
    const raw = shipmentCreated();
    const { shipment } = value(toCanonicalShipmentEvent({ ...raw, data: { ...raw.data, orderId: null } }, ctx));
    assert.deepEqual([shipment.orderId, shipment.orderNumber], [null, 'CL-10045']);
  });
});
