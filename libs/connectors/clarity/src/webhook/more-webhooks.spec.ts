import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  clarityPaymentWebhookSchema,
  clarityProductWebhookSchema,
  clarityReturnWebhookSchema,
  clarityWebhookEventTypes,
  isClarityWebhookEventType,
} from './envelope.schema.js';
import { describeValidationIssues } from './validation-issues.js';
import { readClarityWebhook, validateWith } from './parse-webhook.js';
import { paymentCapturedWebhook, productUpdatedWebhook, returnCreatedWebhook } from './more-webhooks.fixture.js';

type Mutable = Record<string, any>;

const pathsAfter = (schema: { safeParse: (v: unknown) => { success: boolean; error?: any } }, fixture: () => Mutable, change: (w: Mutable) => void) => {
  const webhook = fixture();
  change(webhook);
  const result = schema.safeParse(webhook);
  return result.success ? [] : describeValidationIssues(result.error).map((issue) => issue.path);
};

describe('clarityPaymentWebhookSchema', () => {
  const paths = (change: (w: Mutable) => void) => pathsAfter(clarityPaymentWebhookSchema, paymentCapturedWebhook, change);

  it('accepts a capture and a refund, keeping amounts as exact decimal text', () => {
    const parsed = clarityPaymentWebhookSchema.parse(paymentCapturedWebhook());
    assert.equal(parsed.type, 'payment.captured');
    assert.equal(parsed.data.amount, '64.6');
    assert.equal(parsed.data.fee, '2.17');
    assert.equal(parsed.data.gateway, 'stripe');
    assert.equal(clarityPaymentWebhookSchema.parse({ ...paymentCapturedWebhook(), type: 'payment.refunded' }).type, 'payment.refunded');
  });

  it('fills the optional fields with null', () => {
    const webhook: Mutable = paymentCapturedWebhook();
    for (const field of ['customerId', 'gateway', 'transactionId', 'fee']) delete webhook.data[field];
    const { data } = clarityPaymentWebhookSchema.parse(webhook);
    assert.deepEqual([data.customerId, data.gateway, data.transactionId, data.fee], [null, null, null, null]);
  });

  it('refuses a zero, negative, float-drifted or non-numeric amount', () => {
    for (const amount of [0, '0.00', -5, 0.1 + 0.2, '12,50', '1e2', null]) {
      assert.deepEqual(paths((w) => { w.data.amount = amount; }), ['data.amount'], String(amount));
    }
  });

  it('refuses missing ids, a bad currency and a timestamp without a zone', () => {
    assert.deepEqual(paths((w) => { delete w.data.paymentId; }), ['data.paymentId']);
    assert.deepEqual(paths((w) => { w.data.orderId = 10045; }), ['data.orderId']);
    assert.deepEqual(paths((w) => { w.data.currency = 'usd'; }), ['data.currency']);
    assert.deepEqual(paths((w) => { w.data.processedAt = '2026-11-25 10:00:03'; }), ['data.processedAt']);
    assert.deepEqual(paths((w) => { w.type = 'payment.voided'; }), ['type']);
  });
});

describe('clarityReturnWebhookSchema', () => {
  const paths = (change: (w: Mutable) => void) => pathsAfter(clarityReturnWebhookSchema, returnCreatedWebhook, change);

  it('accepts a return, defaulting restock to true', () => {
    const { data } = clarityReturnWebhookSchema.parse(returnCreatedWebhook());
    assert.deepEqual(data.lines.map((line) => [line.unitPrice, line.tax, line.restock]), [['18.99', '1.57', false], ['12.50', '1.03', true]]);
    assert.equal(data.shippingRefund, '0');
    assert.equal(data.refundTotal, '34.09');
  });

  it('defaults a missing shipping refund to zero and a missing reason to null', () => {
    const webhook: Mutable = returnCreatedWebhook();
    delete webhook.data.shippingRefund;
    delete webhook.data.reason;
    const { data } = clarityReturnWebhookSchema.parse(webhook);
    assert.equal(data.shippingRefund, '0');
    assert.equal(data.reason, null);
  });

  it('refuses an empty return, bad quantities and bad amounts at their paths', () => {
    assert.deepEqual(paths((w) => { w.data.lines = []; }), ['data.lines']);
    assert.deepEqual(paths((w) => { w.data.lines[1].quantity = 0; }), ['data.lines[1].quantity']);
    assert.deepEqual(paths((w) => { w.data.lines[0].unitPrice = 18.999; }), ['data.lines[0].unitPrice']);
    assert.deepEqual(paths((w) => { w.data.lines[0].restock = 'no'; }), ['data.lines[0].restock']);
    assert.deepEqual(paths((w) => { w.data.refundTotal = -34.09; }), ['data.refundTotal']);
    assert.deepEqual(paths((w) => { delete w.data.returnNumber; }), ['data.returnNumber']);
  });
});

describe('clarityProductWebhookSchema', () => {
  const paths = (change: (w: Mutable) => void) => pathsAfter(clarityProductWebhookSchema, productUpdatedWebhook, change);

  it('accepts a product with a price', () => {
    const { data } = clarityProductWebhookSchema.parse(productUpdatedWebhook());
    assert.deepEqual([data.sku, data.price, data.currency, data.status], ['TRB-MUG-12OZ', '19.99', 'USD', 'active']);
  });

  it('accepts a product without a price or description', () => {
    const webhook: Mutable = productUpdatedWebhook();
    delete webhook.data.price;
    delete webhook.data.currency;
    delete webhook.data.description;
    const { data } = clarityProductWebhookSchema.parse(webhook);
    assert.deepEqual([data.price, data.currency, data.description], [null, null, null]);
  });

  it('refuses a price without a currency, an unknown status and a missing modifiedAt', () => {
    assert.deepEqual(paths((w) => { delete w.data.currency; }), ['data.currency']);
    assert.deepEqual(paths((w) => { w.data.status = 'discontinued'; }), ['data.status']);
    assert.deepEqual(paths((w) => { delete w.data.modifiedAt; }), ['data.modifiedAt']);
    assert.deepEqual(paths((w) => { w.data.price = '19.9.9'; }), ['data.price']);
  });
});

describe('readClarityWebhook and validateWith', () => {
  it('reads the envelope of any type, then validates the body for its type', () => {
    const read = readClarityWebhook(JSON.stringify(returnCreatedWebhook()));
    assert.ok(read.ok);
    assert.equal(read.value.envelope.type, 'return.created');
    const valid = validateWith(clarityReturnWebhookSchema)(read.value.json);
    assert.equal(valid.ok && valid.value.data.returnId, 'ret_5012');
  });

  it('reports invalid JSON and a bad envelope, and a bad body with every issue', () => {
    assert.equal(readClarityWebhook('{"id":').ok ? 'ok' : 'invalid-json', 'invalid-json');
    const noId = readClarityWebhook(JSON.stringify({ ...productUpdatedWebhook(), id: '' }));
    assert.equal(noId.ok ? 'ok' : noId.error.reason, 'invalid-payload');
    const bad = validateWith(clarityProductWebhookSchema)({ ...productUpdatedWebhook(), data: { sku: 'X' } });
    assert.ok(!bad.ok);
    assert.equal(bad.error.reason, 'invalid-payload');
    assert.deepEqual(bad.error.issues.map((issue) => issue.path), ['data.name', 'data.status', 'data.modifiedAt']);
  });

  it('knows every supported type', () => {
    assert.deepEqual([...clarityWebhookEventTypes], [
      'order.created', 'order.updated', 'order.cancelled', 'payment.captured', 'payment.refunded', 'return.created', 'product.updated',
      'customer.created', 'customer.updated', 'inventory.changed', 'shipment.created',
    ]);
    assert.equal(isClarityWebhookEventType('return.created'), true);
    assert.equal(isClarityWebhookEventType('inventory.changed'), true);
    assert.equal(isClarityWebhookEventType('coupon.created'), false);
    assert.equal(isClarityWebhookEventType('__proto__'), false);
  });
});
