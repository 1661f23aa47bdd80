import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { CustomerProfile, OrderStatus, Shipment } from '@tributary/canonical-model';
import { customerPatchFor } from './customer-patch.js';
import { furthestStatus, planOrderStatus, toClarityOrderStatus } from './order-status.js';
import { toClarityShipment } from './shipment.js';

const statusMaps = {
  intacct: { pending: 'Pending', processing: 'Pending', shipped: 'Closed', cancelled: 'Draft' },
  sage100: { pending: 'N', processing: 'O', shipped: 'C', cancelled: 'H' },
  salesforce: { pending: 'Draft', processing: 'Activated', shipped: 'Activated', cancelled: 'Cancelled' },
} as const;

const erp = (status: string, erpState: string, system = 'intacct'): OrderStatus => ({
  orderNumber: 'CL-10042', system, documentType: 'Sales Order', documentId: 'Sales Order-SO0042', erpState, status, total: '129.90', currency: 'USD', erpVersion: `2026-11-26T09:00:00.000Z#${erpState}`,
});

describe('toClarityOrderStatus', () => {
  it('maps open and in-progress to processing, invoiced to invoiced, cancelled to cancelled', () => {
    assert.equal(toClarityOrderStatus(erp('open', 'Pending'), statusMaps), 'processing');
    assert.equal(toClarityOrderStatus(erp('in_progress', 'Partially Converted'), statusMaps), 'processing');
    assert.equal(toClarityOrderStatus(erp('invoiced', 'Converted'), statusMaps), 'invoiced');
    assert.equal(toClarityOrderStatus(erp('cancelled', 'Declined'), statusMaps), 'cancelled');
    assert.equal(toClarityOrderStatus(erp('on_hold', 'Held'), statusMaps), undefined);
  });

  it('maps closed to shipped when the mapping file says that ERP state is Clarity\'s shipped, else to closed', () => {
    assert.equal(toClarityOrderStatus(erp('closed', 'Closed'), statusMaps), 'shipped');
    assert.equal(toClarityOrderStatus(erp('closed', 'C', 'sage100'), statusMaps), 'shipped');
    assert.equal(toClarityOrderStatus(erp('closed', 'Archived'), statusMaps), 'closed');
    assert.equal(toClarityOrderStatus(erp('closed', 'Closed', 'netsuite'), statusMaps), 'closed');
  });
});

describe('planOrderStatus', () => {
  it('moves forward only', () => {
    assert.deepEqual(planOrderStatus('invoiced', 'processing', 'invoiced'), { kind: 'update', status: 'invoiced' });
    assert.deepEqual(planOrderStatus('shipped', 'invoiced', 'closed'), { kind: 'update', status: 'shipped' });
    assert.equal(planOrderStatus('processing', 'invoiced', 'open').kind, 'skip');
    assert.equal(planOrderStatus('invoiced', 'invoiced', 'invoiced').kind, 'skip');
    assert.equal(planOrderStatus('shipped', 'cancelled', 'closed').kind, 'skip', 'a cancelled order stays cancelled');
    assert.equal(planOrderStatus('cancelled', 'closed', 'cancelled').kind, 'skip', 'a closed order stays closed');
    assert.deepEqual(planOrderStatus('cancelled', 'shipped', 'cancelled'), { kind: 'update', status: 'cancelled' });
    assert.deepEqual(planOrderStatus('processing', undefined, 'open'), { kind: 'update', status: 'processing' });
    assert.equal(planOrderStatus(undefined, undefined, 'on_hold').kind, 'skip');
  });

  it('furthestStatus: a final status wins, else the higher rank', () => {
    assert.equal(furthestStatus('processing', 'shipped'), 'shipped');
    assert.equal(furthestStatus('cancelled', 'shipped'), 'cancelled');
    assert.equal(furthestStatus(undefined, 'invoiced'), 'invoiced');
    assert.equal(furthestStatus('invoiced', undefined), 'invoiced');
  });
});

const at = (minute: number) => Date.UTC(2026, 10, 26, 9, minute);
const profile = (overrides: Partial<CustomerProfile> = {}): CustomerProfile => ({
  customerId: 'CUST-7', kind: 'b2c', email: 'grace.hopper@example.com', firstName: 'Grace', lastName: 'Hopper', company: 'Navy Yard Supply', phone: '+1 512 555 0100',
  billingAddress: { name: 'Grace Hopper', line1: '500 Congress Ave', line2: null, city: 'Austin', region: 'TX', postalCode: '78701', country: 'US' },
  shippingAddress: null, accountOwner: '005OWNER', creditLimit: '5000.00', ids: { clarity: 'cust-77', salesforceAccount: '001CUST7' },
  provenance: {
    email: { source: 'clarity', changedAt: at(1), version: '3' },
    firstName: { source: 'clarity', changedAt: at(1), version: '3' },
    lastName: { source: 'clarity', changedAt: at(1), version: '3' },
    billingAddress: { source: 'clarity', changedAt: at(1), version: '3' },
    phone: { source: 'salesforce', changedAt: at(5), version: '11' },
    company: { source: 'salesforce', changedAt: at(5), version: '11' },
    accountOwner: { source: 'salesforce', changedAt: at(5), version: '11' },
  },
  ...overrides,
});

describe('customerPatchFor', () => {
  it('writes only the fields another system set, never those Clarity set', () => {
    const plan = customerPatchFor(profile());
    assert.deepEqual(plan.patch, { company: 'Navy Yard Supply', phone: '+1 512 555 0100' });
    assert.ok(plan.skipped.some((s) => s.startsWith('email: mastered by clarity')));
  });

  it('writes nothing when the values are the ones last sent (our echo changes nothing)', () => {
    const first = customerPatchFor(profile());
    assert.equal(customerPatchFor(profile(), first.sent).patch, undefined);
    const changed = customerPatchFor(profile({ phone: '+1 512 555 0199' }), first.sent);
    assert.deepEqual(changed.patch, { phone: '+1 512 555 0199' });
  });

  it('a profile that came entirely from Clarity is never written back', () => {
    const fromClarity = profile({ provenance: Object.fromEntries(Object.keys(profile().provenance).map((f) => [f, { source: 'clarity', changedAt: at(9), version: '4' }])) });
    assert.equal(customerPatchFor(fromClarity).patch, undefined);
  });

  it('does not send an empty email or name (Clarity cannot unset them) but may clear a phone', () => {
    const plan = customerPatchFor(profile({ phone: null, email: null, provenance: { ...profile().provenance, email: { source: 'salesforce', changedAt: at(6), version: '12' } } }));
    assert.deepEqual(plan.patch, { company: 'Navy Yard Supply', phone: null });
    assert.ok(plan.skipped.some((s) => s.startsWith('email: empty')));
  });
});

describe('toClarityShipment', () => {
  const shipment: Shipment = {
    shipmentId: 'INV-0042', orderId: null, orderNumber: 'CL-10042', carrier: 'UPS', service: 'Ground', trackingNumber: '1Z999AA10123456784', trackingUrl: null,
    shippedAt: at(30), warehouseId: 'WH-AUSTIN', lines: [{ lineId: null, sku: 'TRB-MUG-12OZ', quantity: '2' }, { lineId: null, sku: 'TRB-CUP-ESPRESSO-2PK', quantity: '1.0000' }],
  };
  it('carries carrier, tracking and whole quantities for the resolved Clarity order', () => {
    const mapped = toClarityShipment(shipment, '10042');
    assert.ok(mapped.ok);
    assert.deepEqual(mapped.value, {
      shipmentId: 'INV-0042', orderId: '10042', carrier: 'UPS', service: 'Ground', trackingNumber: '1Z999AA10123456784', shippedAt: '2026-11-26T09:30:00.000Z',
      lines: [{ sku: 'TRB-MUG-12OZ', quantity: 2 }, { sku: 'TRB-CUP-ESPRESSO-2PK', quantity: 1 }],
    });
  });
  it('refuses a fractional quantity with a typed mapping error', () => {
    const mapped = toClarityShipment({ ...shipment, lines: [{ lineId: null, sku: 'TRB-BEANS-1KG', quantity: '2.5' }] }, '10042');
    assert.ok(!mapped.ok);
    assert.equal(mapped.error.code, 'MAPPING.SHIPMENT_QUANTITY');
    assert.equal(mapped.error.transient, false);
  });
});

describe('toClarityInventoryLevel', () => {
  it('sends available to sell as plain decimal text with the key\'s sequence', async () => {
    const { toClarityInventoryLevel, isUrgentLevel } = await import('./inventory-level.js');
    const event = {
      eventId: 'e1', eventType: 'inventory.oversold', occurredAt: at(1), source: 'inventory-projector', correlationId: 'e1', causationId: null, schemaVersion: 1,
      level: { sku: 'TRB-MUG-12OZ', locationId: 'WH-AUSTIN', onHand: '3.0000', reserved: '5.0000', safetyStock: '0.0000', available: '0.0000', availableRaw: '-2.0000', erpVersion: null, sequence: 41, changedAt: at(1) },
    };
    assert.deepEqual(toClarityInventoryLevel(event), { sku: 'TRB-MUG-12OZ', locationId: 'WH-AUSTIN', available: '0', sequence: 41 });
    assert.equal(toClarityInventoryLevel({ ...event, level: { ...event.level, available: '12.5000' } }).available, '12.5');
    assert.equal(toClarityInventoryLevel({ ...event, level: { ...event.level, available: '120' } }).available, '120');
    assert.ok(isUrgentLevel(event));
  });
});
