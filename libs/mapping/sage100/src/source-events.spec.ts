import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseMappingConfig } from '@tributary/mapping-core';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { toSage100InventoryAdjustment, toSage100OrderStatusEvent, toShipmentEvent } from './source-events.js';
import { reconcileSage100Orders } from './reconciliation.js';

const file = join(fileURLToPath(import.meta.url), '../../../../../config/mappings/default.yaml');
const parsed = parseMappingConfig(readFileSync(file, 'utf8'), file);
if (!parsed.ok) throw new Error('mapping file does not parse');
const rules = parsed.value.sage100;
const stamp = { DateUpdated: '2026-11-25', TimeUpdated: '16:20:05' };

const invoice = {
  InvoiceNo: '0000031', InvoiceDate: '2026-11-25', InvoiceType: 'IN' as const, SalesOrderNo: '0000042', CustomerPONo: 'CL-700123', UDF_CLARITY_ORDER: 'CL-700123',
  ARDivisionNo: '01', CustomerNo: 'CLCUST-8841', ShipVia: 'FEDEX OVERNIGHT', ShipDate: '2026-11-25', FreightAmt: 34.5, SalesTaxAmt: 12.1,
  Lines: [{ LineKey: '000001', ItemCode: 'KETTLE-GOOSENECK', ItemType: '1' as const, WarehouseCode: '000', QuantityShipped: 1, UnitPrice: 69, ExtensionAmt: 69 }, { LineKey: '000002', ItemCode: '/FREIGHT', ItemType: '5' as const, WarehouseCode: '', QuantityShipped: 1, UnitPrice: 34.5, ExtensionAmt: 34.5 }],
  Tracking: [{ PackageNo: '0001', TrackingID: '781234567890' }], ...stamp,
};

describe('Sage 100 records as canonical events', () => {
  it('an invoice with tracking is a shipment: carrier from ShipVia, SKUs back from ItemCodes; none without tracking', () => {
    const event = toShipmentEvent(invoice, 'ABC', rules, (code) => `TRB-${code}`);
    assert.ok(event);
    assert.equal(event.shipment.carrier, 'FedEx');
    assert.equal(event.shipment.trackingNumber, '781234567890');
    assert.equal(event.shipment.orderNumber, 'CL-700123');
    assert.deepEqual(event.shipment.lines, [{ lineId: null, sku: 'TRB-KETTLE-GOOSENECK', quantity: '1.0000' }]);
    assert.equal(event.eventId, toShipmentEvent(invoice, 'ABC', rules, (c) => c)!.eventId, 'the same invoice version, the same event id');
    assert.equal(toShipmentEvent({ ...invoice, Tracking: [] }, 'ABC', rules, (c) => c), null);
  });

  it('an item warehouse row is an adjustment at the company location; an order is a status with its version', () => {
    const adjustment = toSage100InventoryAdjustment({ ItemCode: 'MUG-12OZ', WarehouseCode: '002', QuantityOnHand: 118, QuantityOnSalesOrder: 6, QuantityOnBackOrder: 0, ...stamp }, 'CAN', (c) => `TRB-${c}`, (w) => (w === '002' ? 'WH-TORONTO' : w));
    assert.equal(adjustment.adjustment.locationId, 'WH-TORONTO');
    assert.equal(adjustment.adjustment.onHand, '118.0000');
    assert.match(adjustment.adjustment.erpVersion ?? '', /^CAN:2026-11-25T16:20:05#118#6$/);
    const status = toSage100OrderStatusEvent({ SalesOrderNo: '0000042', ARDivisionNo: '01', CustomerNo: 'X', OrderDate: '2026-11-25', OrderType: 'S', OrderStatus: 'C', CustomerPONo: 'CL-1', UDF_CLARITY_ORDER: 'CL-1', LastInvoiceNo: '0000031', ...stamp }, 'ABC', null, null);
    assert.equal(status?.orderStatus.status, 'invoiced');
    assert.equal(status?.orderStatus.documentId, 'ABC-0000042');
  });

  it('reconciliation: a PO used twice is a duplicate; an order with no Sage order is missing', () => {
    const history = (no: string, po: string) => ({ company: 'ABC', history: { SalesOrderNo: no, ARDivisionNo: '01', CustomerNo: 'X', OrderDate: '2026-11-25', OrderType: 'S' as const, OrderStatus: 'C' as const, CustomerPONo: po, UDF_CLARITY_ORDER: po, LastInvoiceNo: '0000001', ...stamp } });
    const order = (n: string) => ({ orderId: n, orderNumber: n, currency: 'USD', lines: [], totals: { grandTotal: '10.00' } }) as never;
    const result = reconcileSage100Orders([order('CL-1'), order('CL-2')], [history('0000001', 'CL-1'), history('0000002', 'CL-1')]);
    assert.deepEqual(result.section.counts, { missing: 1, duplicate: 1, mismatched: 0, orphan: 0 });
  });
});
