import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { PaymentEvent } from '@tributary/canonical-model';
import { clarityPaymentWebhookSchema } from '@tributary/connectors-clarity';
import { toCanonicalPaymentEvent } from './to-canonical-payment-event.js';
import type { EventContext } from './event-context.js';
import { paymentCaptured, paymentRefunded, rawPaymentCaptured } from './fixtures/clarity-more-webhooks.js';

const ctx: EventContext = { eventId: '6a1d9c3e-0f4b-4e2a-8c7d-5b9e1f3a2c40', correlationId: 'corr-1', receivedAt: Date.parse('2026-11-25T10:00:05.300Z') };

const mapped = (webhook = paymentCaptured()): PaymentEvent => {
  const result = toCanonicalPaymentEvent(webhook, ctx);
  if (!result.ok) assert.fail(`${result.error.code}: ${result.error.message}`);
  return result.value;
};

describe('toCanonicalPaymentEvent', () => {
  it('maps a capture with its gateway and fee, money as two-decimal text', () => {
    const event = mapped();
    assert.deepEqual(
      { eventId: event.eventId, eventType: event.eventType, occurredAt: event.occurredAt, source: event.source, causationId: event.causationId, schemaVersion: event.schemaVersion },
      { eventId: ctx.eventId, eventType: 'payment.captured', occurredAt: Date.parse('2026-11-25T10:00:05Z'), source: 'clarity', causationId: 'evt_01JDQ6B1R4N7Q2W8E5T3Y9U0PA', schemaVersion: 1 },
    );
    assert.deepEqual(event.payment, {
      paymentId: 'pay_10045_1', orderId: '10045', orderNumber: 'CL-10045', customerId: 'cust-77', kind: 'captured', method: 'visa', gateway: 'stripe',
      transactionId: 'ch_3PqL8r2eZvKYlo2C1x9Wb0Tz', amount: '149.44', fee: '4.63', currency: 'USD', processedAt: Date.UTC(2026, 10, 25, 10, 0, 3),
    });
  });

  it('takes the kind from the webhook type: a refund is a positive amount of kind refunded', () => {
    const { payment, eventType } = mapped(paymentRefunded());
    assert.equal(eventType, 'payment.refunded');
    assert.equal(payment.kind, 'refunded');
    assert.equal(payment.amount, '57.18');
    assert.equal(payment.fee, null);
  });

  it('keeps the nulls Clarity left out', () => {
    const raw = rawPaymentCaptured() as { data: Record<string, unknown> };
    delete raw.data['gateway'];
    delete raw.data['customerId'];
    const { payment } = mapped(clarityPaymentWebhookSchema.parse(raw));
    assert.equal(payment.gateway, null);
    assert.equal(payment.customerId, null);
  });

  it('refuses a fee larger than the payment, permanently', () => {
    const raw = rawPaymentCaptured();
    raw.data.fee = 149.45;
    const result = toCanonicalPaymentEvent(clarityPaymentWebhookSchema.parse(raw), ctx);
    assert.ok(!result.ok);
    assert.equal(result.error.code, 'MAPPING.FEE_EXCEEDS_AMOUNT');
    assert.equal(result.error.transient, false);
    assert.equal(result.error.details['path'], 'data.fee');
  });

  it('is pure', () => {
    const webhook = paymentCaptured();
    const before = structuredClone(webhook);
    assert.deepEqual(mapped(webhook), mapped(webhook));
    assert.deepEqual(webhook, before);
  });
});
