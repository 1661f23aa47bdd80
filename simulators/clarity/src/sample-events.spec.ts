import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Decimal } from 'decimal.js';
import { catalogue } from './catalogue.js';
import { sampleOrders } from './sample-orders.js';
import { paymentCaptureFor, paymentRefundFor } from './sample-payments.js';
import { returnFor } from './sample-returns.js';
import { productFor, sampleProducts } from './sample-products.js';
import { paymentWebhookFor, productWebhookFor, returnWebhookFor } from './webhook.js';
import type { ClarityAmountPayload } from './payload.js';

const dec = (value: ClarityAmountPayload) => new Decimal(value);
const TWO_DECIMALS = /^\d+(\.\d{1,2})?$/;
const orders = sampleOrders(300, { seed: 2027 });

describe('paymentCaptureFor', () => {
  it('captures the order grand total with its method, gateway and a fee smaller than the amount', () => {
    for (const order of orders) {
      const payment = paymentCaptureFor(order);
      assert.equal(payment.amount, order.totalAmount);
      assert.equal(payment.method, order.paymentInfo.method);
      assert.equal(payment.transactionId, order.paymentInfo.transactionId);
      assert.deepEqual([payment.orderId, payment.orderNumber, payment.customerId, payment.currency], [order.orderId, order.orderNumber, order.customerId, order.currency]);
      assert.ok(Date.parse(payment.processedAt) > Date.parse(order.orderDate));
      if (order.paymentInfo.method === 'gift_card') {
        assert.deepEqual([payment.gateway, payment.fee], [null, null]);
      } else {
        assert.ok(payment.gateway === 'stripe' || payment.gateway === 'paypal');
        assert.match(String(payment.fee), TWO_DECIMALS);
        assert.ok(dec(payment.fee!).lt(dec(payment.amount)), `${order.orderId}: fee ${payment.fee} of ${payment.amount}`);
      }
    }
  });

  it('charges Stripe card fees at 2.9 % + 0.30, rounded to the cent', () => {
    const order = orders.find((o) => o.paymentInfo.method === 'visa')!;
    const expected = dec(order.totalAmount).times('0.029').plus('0.30').toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2);
    assert.equal(dec(paymentCaptureFor(order).fee!).toFixed(2), expected);
  });
});

describe('returnFor', () => {
  it('returns lines of the order, never more than was bought, credited at most what was paid', () => {
    for (const order of orders) {
      const orderReturn = returnFor(order);
      assert.ok(orderReturn.lines.length >= 1);
      assert.deepEqual([orderReturn.orderId, orderReturn.orderNumber, orderReturn.customerId, orderReturn.currency], [order.orderId, order.orderNumber, order.customerId, order.currency]);
      for (const line of orderReturn.lines) {
        const bought = order.lineItems.find((item) => item.lineId === line.lineId);
        assert.ok(bought, `${order.orderId}: line ${line.lineId} is on the order`);
        assert.equal(line.sku, bought.sku);
        assert.ok(line.quantity >= 1 && line.quantity <= bought.quantity);
        const paidPerUnit = dec(bought.unitPrice).times(bought.quantity).minus(dec(bought.discount)).dividedBy(bought.quantity);
        assert.ok(dec(line.unitPrice).lte(paidPerUnit));
        assert.ok(dec(line.tax).lte(dec(bought.tax)));
        for (const value of [line.unitPrice, line.tax]) assert.match(String(value), TWO_DECIMALS);
      }
      assert.equal(new Set(orderReturn.lines.map((line) => line.lineId)).size, orderReturn.lines.length, 'each order line at most once');
    }
  });

  it('adds up: refundTotal = Σ quantity × unitPrice + Σ tax + shippingRefund, to the cent', () => {
    for (const order of orders) {
      for (const scope of ['some', 'all'] as const) {
        const r = returnFor(order, { scope });
        const expected = r.lines.reduce((sum, line) => sum.plus(dec(line.unitPrice).times(line.quantity)).plus(dec(line.tax)), new Decimal(0)).plus(dec(r.shippingRefund));
        assert.equal(dec(r.refundTotal).toFixed(2), expected.toFixed(2), `${order.orderId} (${scope})`);
      }
    }
  });

  it('returns everything, shipping included, when the scope is all', () => {
    const order = orders[0]!;
    const r = returnFor(order, { scope: 'all' });
    assert.deepEqual(r.lines.map((line) => [line.lineId, line.quantity]), order.lineItems.map((line) => [line.lineId, line.quantity]));
    assert.equal(dec(r.shippingRefund).toFixed(2), dec(order.shipping.amount).toFixed(2));
    assert.ok(dec(r.refundTotal).lte(dec(order.totalAmount)));
  });

  it('is the same for the same seed', () => {
    assert.deepEqual(returnFor(orders[5]!, { seed: 3 }), returnFor(orders[5]!, { seed: 3 }));
  });
});

describe('paymentRefundFor', () => {
  it('refunds exactly the return total', () => {
    const order = orders[7]!;
    const orderReturn = returnFor(order);
    const refund = paymentRefundFor(order, orderReturn);
    assert.equal(refund.amount, orderReturn.refundTotal);
    assert.notEqual(refund.paymentId, paymentCaptureFor(order).paymentId);
    assert.equal(refund.fee, null);
  });
});

describe('products', () => {
  it('describes every catalogue item at its price', () => {
    const products = sampleProducts();
    assert.equal(products.length, catalogue.length);
    for (const [index, product] of products.entries()) {
      assert.deepEqual([product.sku, product.name, product.price, product.currency, product.status], [catalogue[index]!.sku, catalogue[index]!.name, catalogue[index]!.price, 'USD', 'active']);
    }
    assert.equal(productFor(catalogue[0]!, { price: '21.50', status: 'inactive' }).price, '21.50');
  });
});

describe('event webhooks', () => {
  it('wrap each payload in its envelope, posted shortly after the fact', () => {
    const order = orders[0]!;
    const capture = paymentWebhookFor(paymentCaptureFor(order));
    assert.deepEqual([capture.type, capture.apiVersion], ['payment.captured', 'v1']);
    assert.match(capture.id, /^evt_[0-9A-Z]{26}$/);
    assert.equal(Date.parse(capture.createdAt) - Date.parse(capture.data.processedAt), 2000);
    assert.equal(paymentWebhookFor(paymentCaptureFor(order), { type: 'payment.refunded' }).type, 'payment.refunded');
    assert.equal(returnWebhookFor(returnFor(order)).type, 'return.created');
    assert.equal(productWebhookFor(productFor(catalogue[0]!), { eventId: 'evt_pinned' }).id, 'evt_pinned');
  });
});
