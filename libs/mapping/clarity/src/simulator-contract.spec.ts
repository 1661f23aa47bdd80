import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  clarityPaymentWebhookSchema,
  clarityProductWebhookSchema,
  clarityReturnWebhookSchema,
  parseClarityOrderWebhook,
  readClarityWebhook,
  validateWith,
  verifyClaritySignature,
} from '@tributary/connectors-clarity';
import {
  claritySignatureHeader,
  paymentCaptureFor,
  paymentRefundFor,
  paymentWebhookFor,
  productWebhookFor,
  returnFor,
  returnWebhookFor,
  sampleOrders,
  sampleProducts,
  webhookFor,
} from '@tributary/simulator-clarity';
import { toCanonicalOrderEvent } from './to-canonical-order-event.js';
import { toCanonicalPaymentEvent } from './to-canonical-payment-event.js';
import { toCanonicalReturnEvent } from './to-canonical-return-event.js';
import { toCanonicalProductEvent } from './to-canonical-product-event.js';

// The simulator and the connector implement the webhook contract independently; here each
// checks the other, end to end through the mapping. (Test-only dependency on the simulator.)

describe('simulator ⇄ connector ⇄ mapping', () => {
  const envelopes = sampleOrders(200, { seed: 2026 }).map((order) => webhookFor(order));

  it('every simulated signature verifies, including during a secret rotation', () => {
    const t = 1_795_600_000;
    for (const envelope of envelopes.slice(0, 20)) {
      const rawBody = JSON.stringify(envelope);
      const header = claritySignatureHeader(rawBody, ['whsec_old', 'whsec_new'], t);
      const result = verifyClaritySignature({ rawBody: Buffer.from(rawBody), header, secrets: ['whsec_new'], nowSeconds: t + 5 });
      assert.deepEqual(result, { ok: true, value: { timestamp: t } });
    }
  });

  it('every simulated order passes the schema and maps with totals that agree to the cent', () => {
    for (const [index, envelope] of envelopes.entries()) {
      const parsed = parseClarityOrderWebhook(Buffer.from(JSON.stringify(envelope)));
      if (!parsed.ok) assert.fail(`${envelope.data.orderId}: ${JSON.stringify(parsed.error)}`);
      const event = toCanonicalOrderEvent(parsed.value, { eventId: `e-${index}`, correlationId: `c-${index}`, receivedAt: 0 });
      if (!event.ok) assert.fail(`${envelope.data.orderId}: ${event.error.code} ${JSON.stringify(event.error.details)}`);
      assert.equal(event.value.order.totals.grandTotal, Number(envelope.data.totalAmount).toFixed(2));
      assert.equal(event.value.order.lines.length, envelope.data.lineItems.length);
    }
  });

  /** Raw bytes → envelope → the type's schema, as the ingress reads them. */
  const through = <T>(validate: (json: unknown) => { ok: true; value: T } | { ok: false; error: unknown }, envelope: unknown): T => {
    const read = readClarityWebhook(Buffer.from(JSON.stringify(envelope)));
    if (!read.ok) assert.fail(JSON.stringify(read.error));
    const parsed = validate(read.value.json);
    if (!parsed.ok) assert.fail(JSON.stringify(parsed.error));
    return parsed.value;
  };
  const ctx = (i: number) => ({ eventId: `e-${i}`, correlationId: `c-${i}`, receivedAt: 0 });
  const orders = sampleOrders(200, { seed: 2026 });

  it('every simulated capture and refund passes the schema and maps with the exact amount', () => {
    for (const [i, order] of orders.entries()) {
      const capture = through(validateWith(clarityPaymentWebhookSchema), paymentWebhookFor(paymentCaptureFor(order)));
      const captured = toCanonicalPaymentEvent(capture, ctx(i));
      if (!captured.ok) assert.fail(`${order.orderId}: ${captured.error.code}`);
      assert.equal(captured.value.payment.amount, Number(order.totalAmount).toFixed(2));
      assert.equal(captured.value.payment.kind, 'captured');

      const orderReturn = returnFor(order);
      const refund = through(validateWith(clarityPaymentWebhookSchema), paymentWebhookFor(paymentRefundFor(order, orderReturn), { type: 'payment.refunded' }));
      const refunded = toCanonicalPaymentEvent(refund, ctx(i));
      if (!refunded.ok) assert.fail(`${order.orderId}: ${refunded.error.code}`);
      assert.equal(refunded.value.payment.kind, 'refunded');
      assert.equal(refunded.value.payment.amount, Number(orderReturn.refundTotal).toFixed(2));
    }
  });

  it('every simulated return, partial or whole, passes the schema and adds up to the cent', () => {
    for (const [i, order] of orders.entries()) {
      for (const scope of ['some', 'all'] as const) {
        const orderReturn = returnFor(order, { scope });
        const webhook = through(validateWith(clarityReturnWebhookSchema), returnWebhookFor(orderReturn));
        const event = toCanonicalReturnEvent(webhook, ctx(i));
        if (!event.ok) assert.fail(`${order.orderId} (${scope}): ${event.error.code} ${event.error.message}`);
        assert.equal(event.value.return.refundTotal, Number(orderReturn.refundTotal).toFixed(2));
        assert.equal(event.value.return.lines.length, orderReturn.lines.length);
      }
    }
  });

  it('every simulated product passes the schema and maps with a version', () => {
    for (const [i, product] of sampleProducts().entries()) {
      const webhook = through(validateWith(clarityProductWebhookSchema), productWebhookFor(product));
      const event = toCanonicalProductEvent(webhook, ctx(i));
      if (!event.ok) assert.fail(`${product.sku}: ${event.error.code}`);
      assert.equal(event.value.product.price, product.price);
      assert.match(event.value.product.version, /^2026-11-25T08:00:00\.000Z#[0-9a-f]{12}$/);
    }
  });
});
