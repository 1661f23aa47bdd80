import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Decimal } from 'decimal.js';
import { catalogue } from './catalogue.js';
import { sampleOrders } from './sample-orders.js';
import type { ClarityAmountPayload } from './payload.js';

const TWO_DECIMALS = /^\d+(\.\d{1,2})?$/;
const dec = (value: ClarityAmountPayload) => new Decimal(value);

describe('sampleOrders', () => {
  it('gives the same orders for the same seed, and different ones for another seed', () => {
    assert.deepEqual(sampleOrders(25, { seed: 7 }), sampleOrders(25, { seed: 7 }));
    assert.notDeepEqual(sampleOrders(25, { seed: 7 }), sampleOrders(25, { seed: 8 }));
  });

  it('produces orders whose amounts add up to the cent', () => {
    for (const order of sampleOrders(300, { seed: 42 })) {
      const amounts = [
        ...order.lineItems.flatMap((line) => [line.unitPrice, line.discount, line.tax]),
        order.shipping.amount,
        order.totalAmount,
      ];
      for (const value of amounts) assert.match(String(value), TWO_DECIMALS, `${order.orderId}: ${value}`);

      const expected = order.lineItems
        .reduce((sum, line) => sum.plus(dec(line.unitPrice).times(line.quantity)).minus(dec(line.discount)).plus(dec(line.tax)), new Decimal(0))
        .plus(dec(order.shipping.amount));
      assert.equal(dec(order.totalAmount).toFixed(2), expected.toFixed(2), order.orderId);
      assert.equal(dec(order.paymentInfo.amount).toFixed(2), expected.toFixed(2), order.orderId);
    }
  });

  it('charges tax at the destination rate on the discounted line, rounded to the cent', () => {
    const rates: Record<string, string> = { US: '0.0825', CA: '0.05', GB: '0.20' };
    for (const order of sampleOrders(100, { seed: 3 })) {
      for (const line of order.lineItems) {
        const net = dec(line.unitPrice).times(line.quantity).minus(dec(line.discount));
        const rate = rates[order.shippingAddress.country]!;
        assert.equal(dec(line.tax).toFixed(2), net.times(rate).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2));
      }
    }
  });

  it('numbers orders from startNumber and uses the requested currency', () => {
    const orders = sampleOrders(3, { seed: 1, startNumber: 500, currency: 'CAD' });
    assert.deepEqual(orders.map((order) => [order.orderId, order.orderNumber, order.currency]), [
      ['500', 'CL-500', 'CAD'],
      ['501', 'CL-501', 'CAD'],
      ['502', 'CL-502', 'CAD'],
    ]);
  });

  it('places orders in time order, after `from`', () => {
    const orders = sampleOrders(20, { seed: 5, from: '2026-12-01T00:00:00Z' });
    const times = orders.map((order) => Date.parse(order.orderDate));
    assert.ok(times[0]! > Date.parse('2026-12-01T00:00:00Z'));
    assert.deepEqual([...times].sort((a, b) => a - b), times);
  });

  it('is varied like a real store: 1–6 catalogue lines, coupons, several countries, every payment method', () => {
    const orders = sampleOrders(400, { seed: 11 });
    const skus = new Set(catalogue.map((item) => item.sku));
    for (const order of orders) {
      assert.ok(order.lineItems.length >= 1 && order.lineItems.length <= 6);
      assert.equal(new Set(order.lineItems.map((line) => line.sku)).size, order.lineItems.length, 'no SKU twice in an order');
      for (const line of order.lineItems) {
        assert.ok(skus.has(line.sku));
        assert.ok(Number.isInteger(line.quantity) && line.quantity > 0);
      }
      assert.match(order.customer.email, /^[a-z.]+\d*@example\.(com|org|net)$/);
    }
    const seen = (pick: (order: (typeof orders)[number]) => unknown) => new Set(orders.map(pick));
    assert.deepEqual([...seen((order) => order.shippingAddress.country)].sort(), ['CA', 'GB', 'US']);
    assert.deepEqual([...seen((order) => order.paymentInfo.method)].sort(), ['amex', 'gift_card', 'mastercard', 'paypal', 'visa']);
    assert.ok(seen((order) => order.couponCode).size > 2);
    assert.ok(orders.some((order) => order.lineItems.some((line) => Number(line.discount) > 0)));
    assert.ok(orders.some((order) => typeof order.totalAmount === 'string'), 'some orders send amounts as strings');
    assert.ok(orders.some((order) => order.customer.company !== null));
  });
});

describe('catalogue', () => {
  it('has about 25 distinct SKUs with names and two-decimal prices', () => {
    assert.equal(catalogue.length, 25);
    assert.equal(new Set(catalogue.map((item) => item.sku)).size, 25);
    for (const item of catalogue) {
      assert.match(item.price, /^\d+\.\d{2}$/);
      assert.ok(item.name.length > 3);
    }
  });
});
