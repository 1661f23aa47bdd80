import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import type { Order } from '@tributary/canonical-model';
import { ItemResolver, loadMappingConfig } from '@tributary/mapping-core';
import { applyCompanyRules, type CompanyRules } from './company-rules.js';
import { toIntacctSalesOrder } from './to-intacct-sales-order.js';

const root = join(fileURLToPath(import.meta.url), '../../../../..');
const mapping = loadMappingConfig(join(root, 'config/mappings/default.yaml'));
const rules: CompanyRules = { mapping, items: new ItemResolver(mapping.items) };
const baseRules = { transactionType: 'Sales Order', customerId: { from: 'fixed' as const, fixedId: 'WEBSALES' }, baseCurrency: 'USD' };

const order = (overrides: Partial<Order> = {}): Order => ({
  orderId: '10077', orderNumber: 'CL-10077', status: 'pending', orderedAt: Date.UTC(2026, 10, 25, 15, 4), currency: 'USD', storeId: 'store-us-1', channel: 'web',
  customer: { customerId: 'cust-301', email: 'marcus.hale@example.com', firstName: 'Marcus', lastName: 'Hale', company: 'Hale Roasters LLC', phone: null },
  billingAddress: { name: 'Marcus Hale', line1: '1200 North Lamar Boulevard', line2: 'suite 4', city: 'Austin', region: 'Texas', postalCode: '78703', country: 'USA' },
  shippingAddress: { name: 'Marcus Hale', line1: '1200 North Lamar Boulevard', line2: 'suite 4', city: 'Austin', region: 'Texas', postalCode: '78703', country: 'USA' },
  lines: [
    { lineId: '1', sku: 'TRB-ESPRESSO-MACHINE', description: 'Espresso machine', quantity: 1, unitPrice: '1499.00', discount: '149.90', tax: '111.30', lineTotal: '1349.10' },
    { lineId: '2', sku: 'TRB-MUG-12-OZ', description: 'Ceramic mug 12 oz', quantity: 2, unitPrice: '19.99', discount: '0.00', tax: '3.30', lineTotal: '39.98' },
  ],
  shipping: { method: 'UPS Ground', amount: '0.00' },
  payment: { method: 'amex', transactionId: 'ch_9', amount: '1503.68', status: 'captured' },
  couponCode: 'HOLIDAY10',
  totals: { subtotal: '1538.98', discountTotal: '149.90', taxTotal: '114.60', shippingTotal: '0.00', grandTotal: '1503.68' },
  ...overrides,
});

const plan = async (o: Order) => {
  const base = toIntacctSalesOrder(o, baseRules);
  assert.ok(base.ok, base.ok ? '' : base.error.message);
  return applyCompanyRules(o, base.value, rules);
};

describe('applyCompanyRules with the default mapping file', () => {
  it('maps SKUs (exact and alias) to ITEMIDs, sets dimensions, state, warehouse and a standardised ship-to', async () => {
    const result = await plan(order());
    assert.ok(result.ok, result.ok ? '' : result.error.message);
    const { document, entityId, appliedRules } = result.value;
    assert.deepEqual(document.lines.map((l) => l.itemId), ['ESPRESSO-MACHINE', 'MUG-12OZ']);
    assert.deepEqual(
      document.lines.map((l) => [l.departmentId, l.locationId, l.projectId, l.classId, l.warehouseId]),
      [['ECOM', 'US-TX', 'HOLIDAY-2026', 'EQUIPMENT', 'WH-AUSTIN'], ['ECOM', 'US-TX', 'HOLIDAY-2026', 'EQUIPMENT', 'WH-AUSTIN']],
    );
    assert.equal(document.state, 'Pending');
    assert.deepEqual(document.subtotals, [{ description: 'Discount', total: '-149.90' }, { description: 'Tax', total: '114.60' }], 'subtotals from the tax normalisation; no zero shipping line');
    assert.equal(document.projectId, 'HOLIDAY-2026');
    assert.equal(entityId, 'US');
    assert.equal(document.message, 'Clarity order CL-10077. Ship to: Marcus Hale, 1200 N Lamar Blvd, Ste 4, Austin TX 78703, US');
    assert.ok(appliedRules.some((r) => r.startsWith('item TRB-MUG-12-OZ → MUG-12OZ (alias')));
    assert.equal(document.exchangeRate, undefined, 'no exchange rate for a base-currency order');
  });

  it('routes a Canadian order in CAD to the CA entity with the exchange rate of the order day', async () => {
    const canadian = order({ currency: 'CAD', orderedAt: Date.UTC(2026, 10, 25, 12), shippingAddress: { name: 'Élodie Tremblay', line1: '88 Queen Street West', line2: null, city: 'Toronto', region: 'Ontario', postalCode: 'm5h2n2', country: 'Canada' } });
    const result = await plan(canadian);
    assert.ok(result.ok, result.ok ? '' : result.error.message);
    assert.equal(result.value.entityId, 'CA');
    assert.equal(result.value.document.baseCurrency, 'USD');
    assert.equal(result.value.document.exchangeRate, '0.7188039103');
    assert.deepEqual(result.value.document.exchangeRateDate, { year: 2026, month: 11, day: 24 });
    assert.equal(result.value.document.lines[0]?.locationId, 'CA-ON');
    assert.match(result.value.document.message ?? '', /88 Queen St W, Toronto ON M5H 2N2, CA$/);
  });

  it('refuses a currency with no rate on or before the order day', async () => {
    const result = await plan(order({ currency: 'CHF' }));
    assert.equal(result.ok, false);
    assert.equal(result.ok ? '' : result.error.code, 'MAPPING.NO_EXCHANGE_RATE');
  });

  it('sends an unknown SKU to review with suggestions instead of guessing', async () => {
    const o = order();
    o.lines[1] = { ...o.lines[1]!, sku: 'TRB-MUG-14OZ' };
    const result = await plan(o);
    assert.equal(result.ok, false);
    if (result.ok) return;
    assert.equal(result.error.code, 'MAPPING.UNMAPPED_SKU');
    assert.equal(result.error.transient, false);
    assert.equal(result.error.details['path'], 'lines[1].sku');
    const suggestions = result.error.details['suggestions'] as Array<{ itemId: string; confidence: number }>;
    assert.equal(suggestions[0]?.itemId, 'MUG-12OZ');
    assert.ok(suggestions[0]!.confidence < 0.92);
  });

  it('maps a near-identical typo in a long SKU by fuzzy match and says so', async () => {
    const o = order();
    o.lines[0] = { ...o.lines[0]!, sku: 'TRB-ESPRESSSO-MACHINE' };
    const result = await plan(o);
    assert.ok(result.ok, result.ok ? '' : result.error.message);
    assert.equal(result.value.document.lines[0]?.itemId, 'ESPRESSO-MACHINE');
    assert.ok(result.value.appliedRules.some((r) => /fuzzy/.test(r)));
  });

  it('refuses an order whose amounts do not reconcile, with a message finance can act on', async () => {
    const o = order();
    const base = toIntacctSalesOrder(o, baseRules);
    assert.ok(base.ok);
    o.totals = { ...o.totals, taxTotal: '100.00' };
    const result = await applyCompanyRules(o, base.value, rules);
    assert.equal(result.ok, false);
    if (result.ok) return;
    assert.equal(result.error.transient, false);
    assert.match(result.error.code, /^MAPPING\./);
    assert.match(result.error.message, /tax/i);
  });

  it('turns mobile orders paid at checkout into Sales Invoices (document type rules)', async () => {
    const result = await plan(order({ channel: 'mobile' }));
    assert.ok(result.ok, result.ok ? '' : result.error.message);
    assert.equal(result.value.document.transactionType, 'Sales Invoice');
    const web = await plan(order());
    assert.ok(web.ok);
    assert.equal(web.value.document.transactionType, 'Sales Order');
  });
});
