import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Order } from '@tributary/canonical-model';
import { ItemResolver, parseMappingConfig } from '@tributary/mapping-core';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { linePercent, salesOrderRequest, toSage100SalesOrder } from './to-sage100-sales-order.js';

const file = join(fileURLToPath(import.meta.url), '../../../../../config/mappings/default.yaml');
const parsed = parseMappingConfig(readFileSync(file, 'utf8'), file);
if (!parsed.ok) throw new Error('mapping file does not parse');
const mapping = parsed.value;
const company = { mapping, items: new ItemResolver(mapping.items) };

const order = (overrides: Partial<Order> = {}): Order => ({
  orderId: '700123', orderNumber: 'CL-700123', status: 'processing', orderedAt: Date.parse('2026-11-25T15:04:05Z'), currency: 'USD', storeId: 'store-us-1', channel: 'web',
  customer: { customerId: 'cust-8841', email: 'maria.gonzalez@example.com', firstName: 'María', lastName: 'González', company: null, phone: '+1 512 555 0142' },
  billingAddress: { name: 'María González', line1: '2100 South Lamar Boulevard Apartment 1402', line2: null, city: 'Austin', region: 'Texas', postalCode: '78704', country: 'US' },
  shippingAddress: { name: 'María González', line1: '2100 South Lamar Boulevard Apartment 1402', line2: null, city: 'Austin', region: 'TX', postalCode: '78704', country: 'US' },
  lines: [
    { lineId: '1', sku: 'TRB-GRINDER-BURR', description: 'Conical burr grinder', quantity: 1, unitPrice: '189.00', discount: '18.90', tax: '14.05', lineTotal: '170.10' },
    { lineId: '2', sku: 'TRB-MUG-12-OZ', description: 'Stoneware mug 12 oz', quantity: 4, unitPrice: '14.00', discount: '2.80', tax: '4.39', lineTotal: '53.20' },
    { lineId: '3', sku: 'TRB-BEANS-ETH-1KG', description: 'Ethiopia Yirgacheffe beans 1 kg', quantity: 3, unitPrice: '33.33', discount: '1.00', tax: '8.17', lineTotal: '98.99' },
  ],
  shipping: { method: 'UPS 2nd Day Air', amount: '19.95' },
  payment: { method: 'visa', transactionId: 'ch_3PqX', amount: '369.55', status: 'captured' },
  couponCode: null,
  totals: { subtotal: '322.29', discountTotal: '22.70', taxTotal: '26.61', shippingTotal: '19.95', grandTotal: '368.85' },
  ...overrides,
});

describe('toSage100SalesOrder', () => {
  it('maps header codes, lines (ItemCode by alias, warehouse, percent discounts) and freight/tax to header amounts', async () => {
    const planned = await toSage100SalesOrder(order(), company);
    assert.ok(planned.ok, planned.ok ? '' : planned.error.message);
    const plan = planned.value;
    assert.equal(plan.company, 'ABC');
    assert.equal(plan.header.CustomerPONo, 'CL-700123');
    assert.equal(plan.header.ShipVia, 'UPS 2ND DAY');
    assert.equal(plan.header.PaymentType, 'VISA');
    assert.equal(plan.header.OrderStatus, 'O', 'processing → Open by the status map');
    assert.equal(plan.header.ShipToAddress1?.length, 30);
    assert.equal(plan.header.ShipToCountryCode, 'USA');
    assert.deepEqual(plan.lines.map((l) => [l.ItemCode, l.WarehouseCode, l.QuantityOrdered, l.LineDiscountPercent]), [
      ['GRINDER-BURR', '000', 1, 10], ['MUG-12OZ', '000', 4, 5], ['BEANS-ETH-1KG', '000', 3, 1],
    ]);
    assert.equal(plan.header.DiscountAmt, undefined, 'every line discount is a percent');
    assert.equal(plan.header.FreightAmt, 19.95);
    assert.equal(plan.header.SalesTaxAmt, 26.61);
    assert.equal(plan.total, '368.85');
  });

  it('routes Canadian orders to the CAN company and the Toronto warehouse', async () => {
    const ca = { name: 'Liam Tremblay', line1: '88 Queens Quay W', line2: null, city: 'Toronto', region: 'ON', postalCode: 'M5J 0B8', country: 'CA' };
    const planned = await toSage100SalesOrder(order({ shippingAddress: ca, billingAddress: ca }), company);
    assert.ok(planned.ok);
    assert.equal(planned.value.company, 'CAN');
    assert.ok(planned.value.lines.every((l) => l.WarehouseCode === '002'));
  });

  it('puts freight and tax on charge lines when the rules say so, and refuses totals that do not add up', async () => {
    const lineRules = { ...company, mapping: { ...mapping, sage100: { ...mapping.sage100, freight: { as: 'line' as const, itemCode: '/FREIGHT' }, tax: { as: 'line' as const, itemCode: '/SALESTAX' } } } };
    const planned = await toSage100SalesOrder(order(), lineRules);
    assert.ok(planned.ok);
    const request = salesOrderRequest(planned.value, 'CLCUST-8841');
    assert.deepEqual(request.Lines.slice(-2).map((l) => [l.ItemCode, l.ItemType, l.UnitPrice]), [['/FREIGHT', '5', 19.95], ['/SALESTAX', '5', 26.61]]);
    assert.equal(request.FreightAmt, undefined);
    const wrong = await toSage100SalesOrder(order({ totals: { ...order().totals, grandTotal: '999.00' } }), company);
    assert.ok(!wrong.ok && wrong.error.code === 'MAPPING.TOTALS_MISMATCH');
  });

  it('expresses a line discount as a percent only when Sage would reproduce the line total', () => {
    assert.equal(linePercent(4, '14.00', '2.80', '53.20'), 5);
    assert.equal(linePercent(100, '99.99', '0.05', '9998.95'), null, 'no 3-decimal percent reproduces it: it goes to DiscountAmt');
    assert.equal(linePercent(2, '10.00', '0.00', '20.00'), 0);
  });
});
