import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { clarityOrderWebhookSchema, clarityWebhookEnvelopeSchema } from './envelope.schema.js';
import { describeValidationIssues } from './validation-issues.js';
import { orderCreatedWebhook } from './order-webhook.fixture.js';

type Mutable = Record<string, any>;

/** Paths of the issues raised after `change` is applied to the contract's example. */
const issuesAfter = (change: (webhook: Mutable) => void) => {
  const webhook: Mutable = orderCreatedWebhook();
  change(webhook);
  const result = clarityOrderWebhookSchema.safeParse(webhook);
  return result.success ? [] : describeValidationIssues(result.error);
};
const pathsAfter = (change: (webhook: Mutable) => void) => issuesAfter(change).map((issue) => issue.path);

describe('clarityOrderWebhookSchema', () => {
  it('accepts the contract example and keeps amounts as exact decimal text', () => {
    const parsed = clarityOrderWebhookSchema.parse(orderCreatedWebhook());
    assert.equal(parsed.type, 'order.created');
    assert.equal(parsed.data.lineItems[0]?.unitPrice, '19.99');
    assert.equal(parsed.data.lineItems[0]?.discount, '2');
    assert.equal(parsed.data.lineItems[1]?.unitPrice, '12.50');
    assert.equal(parsed.data.paymentInfo?.amount, '64.6');
    assert.equal(parsed.data.totalAmount, '64.6');
    assert.equal(parsed.data.customer.company, null);
  });

  it('tolerates fields Clarity adds later, and drops them', () => {
    const parsed = clarityOrderWebhookSchema.parse({
      ...orderCreatedWebhook(),
      livemode: true,
      data: { ...orderCreatedWebhook().data, loyaltyTier: 'gold', giftMessage: 'Happy birthday' },
    });
    assert.equal('loyaltyTier' in parsed.data, false);
    assert.equal('livemode' in parsed, false);
  });

  it('drops a __proto__ key instead of carrying it along', () => {
    const json = JSON.stringify(orderCreatedWebhook()).replace('"orderId"', '"__proto__":{"polluted":true},"orderId"');
    const parsed = clarityOrderWebhookSchema.parse(JSON.parse(json));
    assert.equal(Object.hasOwn(parsed.data, '__proto__'), false);
    assert.equal(({} as Mutable)['polluted'], undefined);
  });

  it('fills optional fields with null when Clarity leaves them out', () => {
    const parsed = clarityOrderWebhookSchema.parse({
      ...orderCreatedWebhook(),
      data: (({ orderNumber, storeId, channel, couponCode, paymentInfo, shipping, ...rest }) => rest)(orderCreatedWebhook().data),
    });
    assert.equal(parsed.data.orderNumber, undefined);
    assert.equal(parsed.data.storeId, null);
    assert.equal(parsed.data.couponCode, null);
    assert.equal(parsed.data.paymentInfo, null);
    assert.equal(parsed.data.shipping, null);
  });

  it('defaults a missing line discount to zero', () => {
    const parsed = clarityOrderWebhookSchema.parse({
      ...orderCreatedWebhook(),
      data: { ...orderCreatedWebhook().data, lineItems: [{ sku: 'TRB-MUG-12OZ', quantity: 1, unitPrice: 19.99, tax: 1.65 }] },
    });
    assert.equal(parsed.data.lineItems[0]?.discount, '0');
    assert.equal(parsed.data.lineItems[0]?.lineId, undefined);
  });

  it('accepts amounts written as numeric strings', () => {
    assert.deepEqual(pathsAfter((w) => { w.data.totalAmount = '64.60'; }), []);
  });

  it('rejects amounts with more than two decimals, negative or not numeric, at their path', () => {
    assert.deepEqual(pathsAfter((w) => { w.data.lineItems[0].unitPrice = 19.999; }), ['data.lineItems[0].unitPrice']);
    assert.deepEqual(pathsAfter((w) => { w.data.lineItems[1].tax = '1.035'; }), ['data.lineItems[1].tax']);
    assert.deepEqual(pathsAfter((w) => { w.data.shipping.amount = -9.95; }), ['data.shipping.amount']);
    assert.deepEqual(pathsAfter((w) => { w.data.totalAmount = '64,60'; }), ['data.totalAmount']);
    assert.deepEqual(pathsAfter((w) => { w.data.totalAmount = '1e3'; }), ['data.totalAmount']);
    assert.deepEqual(pathsAfter((w) => { w.data.totalAmount = true; }), ['data.totalAmount']);
    assert.deepEqual(pathsAfter((w) => { w.data.totalAmount = 0.1 + 0.2; }), ['data.totalAmount']);
  });

  it('rejects quantities that are not positive integers', () => {
    for (const quantity of [0, -1, 1.5, '2', null]) {
      assert.deepEqual(pathsAfter((w) => { w.data.lineItems[0].quantity = quantity; }), ['data.lineItems[0].quantity'], String(quantity));
    }
  });

  it('rejects a bad currency or country code', () => {
    assert.deepEqual(pathsAfter((w) => { w.data.currency = 'usd'; }), ['data.currency']);
    assert.deepEqual(pathsAfter((w) => { w.data.currency = 'US'; }), ['data.currency']);
    assert.deepEqual(pathsAfter((w) => { w.data.shippingAddress.country = 'USA'; }), ['data.shippingAddress.country']);
  });

  it('upper-cases a lower-case country code', () => {
    const webhook: Mutable = orderCreatedWebhook();
    webhook.data.billingAddress.country = 'us';
    assert.equal(clarityOrderWebhookSchema.parse(webhook).data.billingAddress.country, 'US');
  });

  it('rejects missing required fields and wrong types with precise paths', () => {
    assert.deepEqual(pathsAfter((w) => { delete w.data.customerId; }), ['data.customerId']);
    assert.deepEqual(pathsAfter((w) => { w.data.orderId = 10045; }), ['data.orderId']);
    assert.deepEqual(pathsAfter((w) => { delete w.data.lineItems[1].sku; }), ['data.lineItems[1].sku']);
    assert.deepEqual(pathsAfter((w) => { w.data.customer.email = null; }), ['data.customer.email']);
    assert.deepEqual(pathsAfter((w) => { w.data.lineItems = []; }), ['data.lineItems']);
    assert.deepEqual(pathsAfter((w) => { w.data.orderDate = '25/11/2026'; }), ['data.orderDate']);
    assert.deepEqual(pathsAfter((w) => { w.createdAt = '2026-11-25T10:00:00'; }), ['createdAt']);
    assert.deepEqual(pathsAfter((w) => { w.apiVersion = 'v2'; }), ['apiVersion']);
    assert.deepEqual(pathsAfter((w) => { w.type = 'product.updated'; }), ['type']);
  });

  it('reports every problem at once, each with a message', () => {
    const issues = issuesAfter((w) => {
      w.data.lineItems[0].quantity = 0;
      w.data.currency = 'EURO';
    });
    assert.deepEqual(issues.map((issue) => issue.path), ['data.currency', 'data.lineItems[0].quantity']);
    assert.ok(issues.every((issue) => issue.message.length > 0));
  });
});

describe('clarityWebhookEnvelopeSchema', () => {
  it('accepts any event type and leaves data unread', () => {
    const parsed = clarityWebhookEnvelopeSchema.parse({ ...orderCreatedWebhook(), type: 'inventory.changed', data: { sku: 'X', onHand: 4 } });
    assert.equal(parsed.type, 'inventory.changed');
    assert.deepEqual(parsed.data, { sku: 'X', onHand: 4 });
  });
});
