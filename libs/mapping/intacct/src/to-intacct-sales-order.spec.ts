import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Order } from '@tributary/canonical-model';
import type { IntacctSalesOrder } from '@tributary/connectors-intacct';
import type { IntegrationError, Result } from '@tributary/core';
import { intacctOrderMappingRulesSchema, type IntacctOrderMappingRules } from './mapping-rules.js';
import { toIntacctSalesOrder } from './to-intacct-sales-order.js';

const address = {
  name: 'Jane Roe',
  line1: '418 Harbor Lane',
  line2: 'Suite 2B',
  city: 'Portland',
  region: 'ME',
  postalCode: '04101',
  country: 'US',
};

/**
 * A web order with four lines, a 10 % coupon on two of them, shipping and per-line tax.
 * subtotal 171.72 − discount 13.80 + shipping 7.95 + tax 12.64 = 178.51.
 */
const order: Order = {
  orderId: 'clarity-ord-10045',
  orderNumber: 'WEB-10045',
  status: 'processing',
  orderedAt: Date.UTC(2024, 4, 1, 14, 32, 10),
  currency: 'USD',
  storeId: 'harbor-lane-us',
  channel: 'web',
  customer: { customerId: 'C-1001', email: 'jane.roe@example.com', firstName: 'Jane', lastName: 'Roe', company: 'Roe & Daughters Café', phone: '+1 207 555 0134' },
  billingAddress: address,
  shippingAddress: address,
  lines: [
    { lineId: 'l-1', sku: 'ESP-BEANS-1KG', description: 'Espresso Roast Whole Bean 1 kg', quantity: 2, unitPrice: '24.50', discount: '4.90', tax: '3.53', lineTotal: '44.10' },
    { lineId: 'l-2', sku: 'MUG-CER-12', description: 'Ceramic Mug 12 oz, "Slate" <matte>', quantity: 3, unitPrice: '8.99', discount: '0.00', tax: '2.16', lineTotal: '26.97' },
    { lineId: 'l-3', sku: 'FILTER-V60-100', description: null, quantity: 1, unitPrice: '6.75', discount: '0.00', tax: '0.54', lineTotal: '6.75' },
    { lineId: 'l-4', sku: 'GRINDER-BURR-C2', description: 'Hand Burr Grinder C2', quantity: 1, unitPrice: '89.00', discount: '8.90', tax: '6.41', lineTotal: '80.10' },
  ],
  shipping: { method: 'ups_ground', amount: '7.95' },
  payment: { method: 'visa', transactionId: 'ch_3PQx9Z2eZvKYlo2C1', amount: '178.51', status: 'captured' },
  couponCode: 'SPRING10',
  totals: { subtotal: '171.72', discountTotal: '13.80', taxTotal: '12.64', shippingTotal: '7.95', grandTotal: '178.51' },
};

const rules: IntacctOrderMappingRules = {
  transactionType: 'Sales Order',
  customerId: { from: 'order', prefix: 'CL-' },
  warehouseId: 'WH-EAST',
  baseCurrency: 'USD',
  unit: 'Each',
  shippingMethods: { ups_ground: 'UPS Ground' },
};

const mapped = (result: Result<IntacctSalesOrder, IntegrationError>): IntacctSalesOrder => {
  assert.ok(result.ok, result.ok ? '' : `${result.error.code}: ${result.error.message}`);
  return result.value;
};

const failed = (result: Result<IntacctSalesOrder, IntegrationError>, code: string): IntegrationError => {
  assert.ok(!result.ok, 'expected a mapping error');
  assert.equal(result.error.code, code, result.error.message);
  return result.error;
};

const withLine = (index: number, change: Partial<Order['lines'][number]>): Order => ({
  ...order,
  lines: order.lines.map((line, i) => (i === index ? { ...line, ...change } : line)),
});

describe('toIntacctSalesOrder', () => {
  it('maps a multi-line web order to a create_sotransaction', () => {
    assert.deepEqual(mapped(toIntacctSalesOrder(order, rules)), {
      transactionType: 'Sales Order',
      dateCreated: { year: 2024, month: 5, day: 1 },
      customerId: 'CL-C-1001',
      referenceNo: 'WEB-10045',
      externalId: 'clarity-ord-10045',
      shippingMethod: 'UPS Ground',
      currency: 'USD',
      lines: [
        { itemId: 'ESP-BEANS-1KG', itemDesc: 'Espresso Roast Whole Bean 1 kg', quantity: 2, unit: 'Each', price: '24.50', warehouseId: 'WH-EAST' },
        { itemId: 'MUG-CER-12', itemDesc: 'Ceramic Mug 12 oz, "Slate" <matte>', quantity: 3, unit: 'Each', price: '8.99', warehouseId: 'WH-EAST' },
        { itemId: 'FILTER-V60-100', quantity: 1, unit: 'Each', price: '6.75', warehouseId: 'WH-EAST' },
        { itemId: 'GRINDER-BURR-C2', itemDesc: 'Hand Burr Grinder C2', quantity: 1, unit: 'Each', price: '89.00', warehouseId: 'WH-EAST' },
      ],
      subtotals: [
        { description: 'Discount', total: '-13.80' },
        { description: 'Shipping', total: '7.95' },
        { description: 'Tax', total: '12.64' },
      ],
    });
  });

  it('books the order on its UTC calendar day', () => {
    const lateEvening = Date.parse('2024-05-01T23:30:00-05:00');
    assert.deepEqual(mapped(toIntacctSalesOrder({ ...order, orderedAt: lateEvening }, rules)).dateCreated, { year: 2024, month: 5, day: 2 });
  });

  it('leaves out zero subtotals and optional rules', () => {
    const plain: Order = {
      ...order,
      lines: [{ lineId: 'l-1', sku: 'MUG-CER-12', description: 'Ceramic Mug', quantity: 2, unitPrice: '8.99', discount: '0.00', tax: '1.44', lineTotal: '17.98' }],
      shipping: { method: 'store_pickup', amount: '0.00' },
      totals: { subtotal: '17.98', discountTotal: '0.00', taxTotal: '1.44', shippingTotal: '0.00', grandTotal: '19.42' },
    };
    const result = mapped(toIntacctSalesOrder(plain, { transactionType: 'Sales Order', customerId: { from: 'order' }, baseCurrency: 'USD' }));
    assert.deepEqual(result.subtotals, [{ description: 'Tax', total: '1.44' }]);
    assert.deepEqual(result.lines, [{ itemId: 'MUG-CER-12', itemDesc: 'Ceramic Mug', quantity: 2, price: '8.99' }]);
    assert.equal(result.customerId, 'C-1001');
    assert.equal(result.shippingMethod, undefined, 'an unmapped ship method is not sent');
  });

  it('adds exactly, with no floating-point drift', () => {
    const cents: Order = {
      ...order,
      lines: [
        { lineId: 'a', sku: 'SAMPLE-A', description: null, quantity: 3, unitPrice: '0.10', discount: '0.00', tax: '0.00', lineTotal: '0.30' },
        { lineId: 'b', sku: 'SAMPLE-B', description: null, quantity: 3, unitPrice: '0.20', discount: '0.00', tax: '0.00', lineTotal: '0.60' },
      ],
      shipping: { method: null, amount: '0.00' },
      totals: { subtotal: '0.90', discountTotal: '0.00', taxTotal: '0.00', shippingTotal: '0.00', grandTotal: '0.90' },
    };
    assert.deepEqual(mapped(toIntacctSalesOrder(cents, rules)).subtotals, []);
  });

  it('sets the base currency for an order in another currency', () => {
    const eur = mapped(toIntacctSalesOrder({ ...order, currency: 'EUR' }, rules));
    assert.equal(eur.currency, 'EUR');
    assert.equal(eur.baseCurrency, 'USD');
    assert.equal(mapped(toIntacctSalesOrder(order, rules)).baseCurrency, undefined);
  });

  it('books every order to a fixed customer when the rules say so', () => {
    const result = mapped(toIntacctSalesOrder(order, { ...rules, customerId: { from: 'fixed', fixedId: 'WEB-SALES' } }));
    assert.equal(result.customerId, 'WEB-SALES');
  });

  it('refuses an order whose parts do not add up to its grand total', () => {
    const error = failed(toIntacctSalesOrder({ ...order, totals: { ...order.totals, grandTotal: '178.52' } }, rules), 'MAPPING.TOTALS_MISMATCH');
    assert.equal(error.transient, false);
    assert.equal(error.details['computedTotal'], '178.51');
    assert.equal(error.details['grandTotal'], '178.52');
  });

  it('refuses missing or invalid order data permanently', () => {
    const cases: Array<[Order, string]> = [
      [withLine(1, { sku: ' ' }), 'MAPPING.MISSING_FIELD'],
      [withLine(0, { quantity: 0 }), 'MAPPING.INVALID_LINE'],
      [withLine(0, { quantity: 1.5 }), 'MAPPING.INVALID_LINE'],
      [withLine(2, { unitPrice: '6,75' }), 'MAPPING.INVALID_AMOUNT'],
      [withLine(0, { discount: '-4.90' }), 'MAPPING.INVALID_AMOUNT'],
      [{ ...order, shipping: { method: null, amount: '1e1' } }, 'MAPPING.INVALID_AMOUNT'],
      [{ ...order, lines: [] }, 'MAPPING.NO_LINES'],
      [{ ...order, orderNumber: '' }, 'MAPPING.MISSING_FIELD'],
      [{ ...order, currency: 'usd' }, 'MAPPING.INVALID_CURRENCY'],
      [{ ...order, orderedAt: Number.NaN }, 'MAPPING.INVALID_DATE'],
      [{ ...order, customer: { ...order.customer, customerId: '' } }, 'MAPPING.MISSING_FIELD'],
    ];
    for (const [input, code] of cases) {
      const error = failed(toIntacctSalesOrder(input, rules), code);
      assert.equal(error.transient, false, code);
      assert.equal(error.details['orderId'], input.orderId);
    }
  });

  it('pauses instead of dead-lettering when the rules themselves are wrong', () => {
    const error = failed(toIntacctSalesOrder(order, { ...rules, customerId: { from: 'fixed' } }), 'MAPPING.INVALID_RULES');
    assert.equal(error.transient, true);
    assert.equal(intacctOrderMappingRulesSchema.safeParse({ ...rules, customerId: { from: 'fixed' } }).success, false);
    assert.equal(intacctOrderMappingRulesSchema.safeParse(rules).success, true);
  });
});
