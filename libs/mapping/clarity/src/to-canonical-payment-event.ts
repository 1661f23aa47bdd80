import { IntegrationError, err, ok, type Result } from '@tributary/core';
import type { ClarityPaymentEventType, ClarityPaymentWebhook } from '@tributary/connectors-clarity';
import type { Payment, PaymentEvent } from '@tributary/canonical-model';
import { envelopeFrom, type EventContext } from './event-context.js';
import { amount, toDecimalString } from './money.js';

export const PAYMENT_EVENT_SCHEMA_VERSION = 1;

/** Which way the money went, from the webhook type. Keyed by every payment type the connector accepts. */
export const paymentKindOf: Readonly<Record<ClarityPaymentEventType, 'captured' | 'refunded'>> = {
  'payment.captured': 'captured',
  'payment.refunded': 'refunded',
};

/**
 * A verified, validated Clarity payment webhook → `commerce.payment.v1` event. Pure. The amount is
 * always positive (the connector refuses zero); a gateway fee larger than the money it was
 * charged on is a broken payload, refused permanently.
 */
export const toCanonicalPaymentEvent = (webhook: ClarityPaymentWebhook, ctx: EventContext): Result<PaymentEvent, IntegrationError> => {
  const { data } = webhook;
  const paid = amount(data.amount);
  const fee = data.fee === null ? null : amount(data.fee);
  if (fee !== null && fee.greaterThan(paid)) {
    return err(
      IntegrationError.permanent('MAPPING.FEE_EXCEEDS_AMOUNT', `payment ${data.paymentId}: fee ${toDecimalString(fee)} exceeds the amount ${toDecimalString(paid)}`, {
        path: 'data.fee',
        fee: toDecimalString(fee),
        amount: toDecimalString(paid),
      }),
    );
  }
  const payment: Payment = {
    paymentId: data.paymentId,
    orderId: data.orderId,
    orderNumber: data.orderNumber,
    customerId: data.customerId,
    kind: paymentKindOf[webhook.type],
    method: data.method,
    gateway: data.gateway,
    transactionId: data.transactionId,
    amount: toDecimalString(paid),
    fee: fee === null ? null : toDecimalString(fee),
    currency: data.currency,
    processedAt: Date.parse(data.processedAt),
  };
  return ok({ ...envelopeFrom(webhook, ctx, PAYMENT_EVENT_SCHEMA_VERSION), eventType: webhook.type, payment });
};
