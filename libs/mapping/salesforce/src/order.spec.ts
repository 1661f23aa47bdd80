import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import type { Order } from '@tributary/canonical-model';
import type { PricebookEntryRef } from '@tributary/connectors-salesforce';
import { loadMappingConfig } from '@tributary/mapping-core';
import { salesforceAmount, toSalesforceOrderComposite, toSalesforceProduct } from './order.js';

const rules = loadMappingConfig(join(fileURLToPath(import.meta.url), '../../../../../config/mappings/default.yaml')).salesforce;
const address = { name: null, line1: '1 Main St', line2: null, city: 'Austin', region: 'TX', postalCode: '78701', country: 'US' };
const order = (channel: string | null = 'web', skus = ['MUG', 'BTL']): Order => ({
  orderId: 'o-1', orderNumber: 'CL-1', status: 'pending', orderedAt: Date.parse('2026-11-25T12:00:00Z'), currency: 'USD', storeId: null, channel,
  customer: { customerId: 'c-1', email: 'a@b.example', firstName: 'A', lastName: 'B', company: null, phone: null },
  billingAddress: address, shippingAddress: address,
  lines: skus.map((sku, i) => ({ lineId: String(i), sku, description: null, quantity: i + 1, unitPrice: '10.50', discount: '0', tax: '0', lineTotal: '0' })),
  shipping: { method: null, amount: '5.00' }, payment: null, couponCode: null,
  totals: { subtotal: '31.50', discountTotal: '0', taxTotal: '0', shippingTotal: '5.00', grandTotal: '36.50' },
});
const entry = (code: string): PricebookEntryRef => ({ id: `01u${code}`, product2Id: `01t${code}`, productCode: code, unitPrice: 10.5, isActive: true, pricebook2Id: '01sSTD' });
const entries = new Map([['MUG', entry('MUG')], ['BTL', entry('BTL')]]);

describe('toSalesforceOrderComposite', () => {
  it('an Order in Draft with its external id, its items by PricebookEntry, then the activation', () => {
    const plan = toSalesforceOrderComposite(order(), { accountId: '001A', pricebookId: '01sSTD', entries, rules });
    assert.ok(plan.ok);
    const [head, ...rest] = plan.value.subrequests;
    assert.equal(head!.url, '/sobjects/Order');
    assert.deepEqual({ ...(head!.body as object) }, { ...(head!.body as object), Status: 'Draft', Clarity_Order_Id__c: 'o-1', AccountId: '001A', EffectiveDate: '2026-11-25', Pricebook2Id: '01sSTD' });
    assert.equal(rest.filter((s) => s.url === '/sobjects/OrderItem').length, 2);
    assert.equal((rest[1]!.body as { PricebookEntryId: string; OrderId: string }).PricebookEntryId, '01uBTL');
    assert.equal((rest[0]!.body as { OrderId: string }).OrderId, '@{parent.id}');
    assert.equal(rest.at(-1)!.referenceId, 'activate');
    assert.equal(plan.value.amount, '31.50');
    assert.equal(salesforceAmount(order()), '31.50');
  });

  it('an unknown SKU is a permanent, explained error', () => {
    const plan = toSalesforceOrderComposite(order('web', ['MUG', 'NOPE']), { accountId: '001A', pricebookId: '01sSTD', entries, rules });
    assert.ok(!plan.ok);
    assert.equal(plan.error.code, 'MAPPING.UNKNOWN_SKU');
    assert.equal(plan.error.transient, false);
    assert.match(plan.error.message, /NOPE/);
  });

  it('the b2b-portal channel becomes an Opportunity with line items', () => {
    const plan = toSalesforceOrderComposite(order('b2b-portal'), { accountId: '001A', pricebookId: '01sSTD', entries, rules });
    assert.ok(plan.ok);
    assert.equal(plan.value.target, 'opportunity');
    assert.equal(plan.value.subrequests[0]!.url, '/sobjects/Opportunity');
    assert.equal((plan.value.subrequests[0]!.body as { StageName: string }).StageName, 'Closed Won');
    assert.equal(plan.value.subrequests.filter((s) => s.url === '/sobjects/OpportunityLineItem').length, 2);
  });

  it('a product: Product2 by external id and its standard price', () => {
    const plan = toSalesforceProduct({ sku: 'MUG', erpItemId: null, name: 'Mug', description: null, price: '12.00', currency: 'USD', status: 'active', version: '1' }, rules);
    assert.equal(plan.product2['Clarity_Product_Id__c'], 'MUG');
    assert.equal(plan.product2['ProductCode'], 'MUG');
    assert.equal(plan.price, 12);
  });
});
