import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  clarityCustomerWebhookSchema,
  clarityInventoryWebhookSchema,
  clarityShipmentWebhookSchema,
  clarityThinWebhookSchema,
} from './envelope.schema.js';
import { describeValidationIssues } from './validation-issues.js';
import { customerUpdatedWebhook, inventoryChangedWebhook, shipmentCreatedWebhook } from './new-webhooks.fixture.js';

type Mutable = Record<string, any>;
type Schema = { safeParse: (v: unknown) => { success: boolean; error?: any } };

const pathsAfter = (schema: Schema, fixture: () => Mutable, change: (w: Mutable) => void) => {
  const webhook = fixture();
  change(webhook);
  const result = schema.safeParse(webhook);
  return result.success ? [] : describeValidationIssues(result.error).map((issue) => issue.path);
};

describe('clarityCustomerWebhookSchema', () => {
  const paths = (change: (w: Mutable) => void) => pathsAfter(clarityCustomerWebhookSchema, customerUpdatedWebhook, change);

  it('accepts a business customer with both addresses and the changed fields', () => {
    const { type, data } = clarityCustomerWebhookSchema.parse(customerUpdatedWebhook());
    assert.equal(type, 'customer.updated');
    assert.equal(data.company, 'Lone Star Outfitters LLC');
    assert.equal(data.shippingAddress?.country, 'US');
    assert.deepEqual(data.changedFields, ['phone', 'shippingAddress']);
    assert.equal(data.updatedBy, 'user:maria.alvarez');
  });

  it('fills what a consumer sign-up leaves out with null, and no changed fields with []', () => {
    const webhook: Mutable = customerUpdatedWebhook();
    webhook.type = 'customer.created';
    for (const field of ['company', 'phone', 'billingAddress', 'shippingAddress', 'marketingOptIn', 'changedFields', 'updatedBy']) delete webhook.data[field];
    const { data } = clarityCustomerWebhookSchema.parse(webhook);
    assert.deepEqual([data.company, data.phone, data.billingAddress, data.shippingAddress, data.marketingOptIn, data.updatedBy], [null, null, null, null, null, null]);
    assert.deepEqual(data.changedFields, []);
  });

  it('refuses a missing id or modification time, a bad address and a non-boolean opt-in', () => {
    assert.deepEqual(paths((w) => { delete w.data.customerId; }), ['data.customerId']);
    assert.deepEqual(paths((w) => { w.data.modifiedAt = 'yesterday'; }), ['data.modifiedAt']);
    assert.deepEqual(paths((w) => { w.data.billingAddress.country = 'USA'; }), ['data.billingAddress.country']);
    assert.deepEqual(paths((w) => { w.data.marketingOptIn = 'yes'; }), ['data.marketingOptIn']);
    assert.deepEqual(paths((w) => { w.data.changedFields = ['phone', '']; }), ['data.changedFields[1]']);
  });
});

describe('clarityInventoryWebhookSchema', () => {
  const paths = (change: (w: Mutable) => void) => pathsAfter(clarityInventoryWebhookSchema, inventoryChangedWebhook, change);

  it('keeps quantities as exact decimal text', () => {
    const { data } = clarityInventoryWebhookSchema.parse(inventoryChangedWebhook());
    assert.deepEqual([data.onHand, data.onOrder, data.onHold], ['142', '48', '6']);
  });

  it('allows an oversold (negative) on-hand and fractional stock up to 4 decimals', () => {
    const parse = (onHand: unknown) => clarityInventoryWebhookSchema.parse({ ...inventoryChangedWebhook(), data: { ...inventoryChangedWebhook().data, onHand } }).data.onHand;
    assert.equal(parse(-3), '-3');
    assert.equal(parse('12.5'), '12.5');
    assert.equal(parse(0.0625), '0.0625');
    assert.equal(parse('-0'), '0');
  });

  it('refuses float drift, too many decimals, exponents and text', () => {
    for (const onHand of [0.1 + 0.2, '1.23456', '1e3', 'ten', null]) {
      assert.deepEqual(paths((w) => { w.data.onHand = onHand; }), ['data.onHand'], String(onHand));
    }
    assert.deepEqual(paths((w) => { delete w.data.locationId; }), ['data.locationId']);
    assert.deepEqual(paths((w) => { delete w.data.modifiedAt; }), ['data.modifiedAt']);
  });
});

describe('clarityShipmentWebhookSchema', () => {
  const paths = (change: (w: Mutable) => void) => pathsAfter(clarityShipmentWebhookSchema, shipmentCreatedWebhook, change);

  it('accepts a shipment with carrier, tracking and lines', () => {
    const { data } = clarityShipmentWebhookSchema.parse(shipmentCreatedWebhook());
    assert.deepEqual([data.carrier, data.trackingNumber, data.orderNumber], ['UPS', '1Z999AA10123456784', 'CL-10045']);
    assert.deepEqual(data.lines.map((line: { lineId: string | null; sku: string; quantity: string }) => [line.lineId, line.sku, line.quantity]), [['1', 'TRB-MUG-12OZ', '2'], ['2', 'TRB-TEA-EARL-100G', '3']]);
  });

  it('refuses no lines, a zero or negative quantity, no tracking number and a non-http tracking URL', () => {
    assert.deepEqual(paths((w) => { w.data.lines = []; }), ['data.lines']);
    assert.deepEqual(paths((w) => { w.data.lines[0].quantity = 0; }), ['data.lines[0].quantity']);
    assert.deepEqual(paths((w) => { w.data.lines[1].quantity = '-1'; }), ['data.lines[1].quantity']);
    assert.deepEqual(paths((w) => { w.data.trackingNumber = ''; }), ['data.trackingNumber']);
    assert.deepEqual(paths((w) => { w.data.trackingUrl = 'javascript:alert(1)'; }), ['data.trackingUrl']);
  });
});

describe('clarityThinWebhookSchema', () => {
  it('is a body whose data is only an id', () => {
    assert.equal(clarityThinWebhookSchema.safeParse({ ...customerUpdatedWebhook(), data: { id: 'cust-77' } }).success, true);
    assert.equal(clarityThinWebhookSchema.safeParse(customerUpdatedWebhook()).success, false);
    assert.equal(clarityThinWebhookSchema.safeParse({ ...customerUpdatedWebhook(), data: { id: 'cust-77', email: 'x@y.z' } }).success, false);
    assert.equal(clarityThinWebhookSchema.safeParse({ ...customerUpdatedWebhook(), data: { id: '' } }).success, false);
  });
});
