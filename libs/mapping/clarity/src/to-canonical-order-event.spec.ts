import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { IntegrationError } from '@tributary/core';
import type { OrderEvent } from '@tributary/canonical-model';
import { toCanonicalOrderEvent, type OrderEventContext } from './to-canonical-order-event.js';
import {
  euroOrder,
  floatBreakerOrder,
  parseWebhook,
  rawUsOrderWithCoupon,
  usOrderWithCoupon,
} from './fixtures/clarity-order-webhooks.js';

const ctx: OrderEventContext = {
  eventId: '3f0c8a52-9a4e-4c1b-9d0e-6b1f2f7a8c11',
  correlationId: 'd5e1c7a0-2b6f-4f38-8f57-0a4c9b1e3d22',
  receivedAt: Date.parse('2026-11-25T10:00:01.250Z'),
};

const mapped = (webhook = usOrderWithCoupon()): OrderEvent => {
  const result = toCanonicalOrderEvent(webhook, ctx);
  if (!result.ok) assert.fail(`expected an event, got ${result.error.code}: ${result.error.message}`);
  return result.value;
};

const failure = (webhook: ReturnType<typeof usOrderWithCoupon>): IntegrationError => {
  const result = toCanonicalOrderEvent(webhook, ctx);
  if (result.ok) assert.fail('expected a mapping error');
  return result.error;
};

describe('toCanonicalOrderEvent', () => {
  it('fills the envelope from the webhook and the caller context', () => {
    const event = mapped();
    assert.equal(event.eventId, ctx.eventId);
    assert.equal(event.correlationId, ctx.correlationId);
    assert.equal(event.eventType, 'order.created');
    assert.equal(event.occurredAt, Date.parse('2026-11-25T10:00:00Z'));
    assert.equal(event.source, 'clarity');
    assert.equal(event.causationId, 'evt_01JDQ4W7K3M9X2ZB5N8R6T0YCE');
    assert.equal(event.schemaVersion, 1);
  });

  it('maps a US order with a coupon to the canonical snapshot', () => {
    const { order } = mapped();
    assert.equal(order.orderId, '10045');
    assert.equal(order.orderNumber, 'CL-10045');
    assert.equal(order.status, 'pending');
    assert.equal(order.orderedAt, Date.UTC(2026, 10, 25, 9, 59, 58));
    assert.equal(order.currency, 'USD');
    assert.equal(order.storeId, 'store-us-1');
    assert.equal(order.channel, 'web');
    assert.equal(order.couponCode, 'SPRING10');
    assert.deepEqual(order.customer, {
      customerId: 'cust-77', email: 'jane.roe@example.com', firstName: 'Jane', lastName: 'Roe', company: null, phone: '+1 512 555 0142',
    });
    assert.deepEqual(order.billingAddress, {
      name: 'Jane Roe', line1: '401 Congress Ave', line2: 'Suite 1540', city: 'Austin', region: 'TX', postalCode: '78701', country: 'US',
    });
    assert.equal(order.shippingAddress.line2, null);
    assert.deepEqual(order.lines[0], {
      lineId: '1', sku: 'TRB-MUG-12OZ', description: 'Ceramic mug 12 oz', quantity: 2,
      unitPrice: '19.99', discount: '4.00', tax: '2.97', lineTotal: '35.98',
    });
    assert.deepEqual(order.lines.map((line) => line.lineTotal), ['35.98', '58.05', '34.83']);
    assert.deepEqual(order.lines[2]?.unitPrice, '12.90');
    assert.deepEqual(order.shipping, { method: 'UPS Ground', amount: '9.95' });
    assert.deepEqual(order.payment, { method: 'visa', transactionId: 'ch_3PqL8r2eZvKYlo2C1x9Wb0Tz', amount: '149.44', status: 'captured' });
    assert.deepEqual(order.totals, {
      subtotal: '143.18', discountTotal: '14.32', taxTotal: '10.63', shippingTotal: '9.95', grandTotal: '149.44',
    });
  });

  it('maps a EUR order with string amounts, defaulting the order number to the order id', () => {
    const event = mapped(euroOrder());
    const { order } = event;
    assert.equal(event.occurredAt, Date.parse('2026-11-25T10:15:04Z'));
    assert.equal(order.currency, 'EUR');
    assert.equal(order.orderNumber, '20311');
    assert.equal(order.customer.company, 'Huber Kaffeerösterei GmbH');
    assert.equal(order.customer.phone, null);
    assert.equal(order.couponCode, null);
    assert.equal(order.shippingAddress.region, null);
    assert.deepEqual(order.lines.map((line) => [line.lineId, line.unitPrice, line.discount, line.lineTotal]), [
      ['a1', '189.00', '0.00', '189.00'],
      ['a2', '31.90', '6.38', '121.22'],
      ['a3', '4.95', '0.00', '49.50'],
      ['a4', '49.00', '0.00', '49.00'],
    ]);
    assert.deepEqual(order.totals, {
      subtotal: '415.10', discountTotal: '6.38', taxTotal: '77.66', shippingTotal: '5.90', grandTotal: '492.28',
    });
  });

  it('adds up amounts exactly where floating point would not', () => {
    const { order } = mapped(floatBreakerOrder());
    assert.notEqual(0.1 + 0.2, 0.3);
    assert.deepEqual(order.lines.map((line) => line.lineTotal), ['0.10', '0.20', '8641975.16']);
    assert.deepEqual(order.totals, {
      subtotal: '8641975.53', discountTotal: '0.07', taxTotal: '712962.98', shippingTotal: '0.00', grandTotal: '9354938.44',
    });
  });

  it('uses nulls and positions for what Clarity left out', () => {
    const { order } = mapped(floatBreakerOrder());
    assert.deepEqual(order.lines.map((line) => line.lineId), ['1', '2', '3']);
    assert.equal(order.payment, null);
    assert.deepEqual(order.shipping, { method: null, amount: '0.00' });
    assert.equal(order.storeId, null);
    assert.equal(order.channel, null);
    assert.equal(order.couponCode, null);
    assert.equal(order.billingAddress.name, null);
    assert.equal(order.customer.company, null);
  });

  it('refuses an order whose lines do not add up to totalAmount, permanently', () => {
    const raw = rawUsOrderWithCoupon();
    raw.data.totalAmount = 149.45;
    const error = failure(parseWebhook(raw));
    assert.equal(error.code, 'MAPPING.TOTALS_MISMATCH');
    assert.equal(error.transient, false);
    assert.deepEqual(error.details, { path: 'data.totalAmount', expected: '149.44', actual: '149.45' });
  });

  it('refuses a line discounted below zero', () => {
    const raw = rawUsOrderWithCoupon();
    raw.data.lineItems[0]!.discount = 40;
    const error = failure(parseWebhook(raw));
    assert.equal(error.code, 'MAPPING.NEGATIVE_LINE_TOTAL');
    assert.equal(error.transient, false);
    assert.equal(error.details['path'], 'data.lineItems[0].discount');
  });

  it('is pure: the same input gives the same event and the input is left untouched', () => {
    const webhook = euroOrder();
    const before = structuredClone(webhook);
    assert.deepEqual(mapped(webhook), mapped(webhook));
    assert.deepEqual(webhook, before);
  });

  it('produces money with exactly two decimals everywhere', () => {
    const { order } = mapped(euroOrder());
    const amounts = [
      ...order.lines.flatMap((line) => [line.unitPrice, line.discount, line.tax, line.lineTotal]),
      order.shipping.amount,
      order.payment?.amount ?? '',
      ...Object.values(order.totals),
    ];
    for (const value of amounts) assert.match(value, /^\d+\.\d{2}$/);
  });
});
