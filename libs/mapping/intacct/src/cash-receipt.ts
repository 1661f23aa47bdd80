import { createHash } from 'node:crypto';
import type { Order, Payment } from '@tributary/canonical-model';
import type { IntacctArPayment } from '@tributary/connectors-intacct';
import { err, ok, IntegrationError, type Result } from '@tributary/core';
import { paymentMapping, type MappingConfig } from '@tributary/mapping-core';

/** A payment received for an order, whether it came inside the order (checkout) or on its own. */
export interface ReceivedPayment {
  readonly orderId: string;
  readonly orderNumber: string;
  readonly method: string;
  /** The gateway transaction: the identity of the money, shared by the order and the payment event. */
  readonly transactionId: string | null;
  readonly amount: string;
  readonly currency: string;
  readonly receivedAt: number;
}

/** The payment captured at checkout, as carried by the order; null when the order holds none. */
export const checkoutPayment = (order: Order): ReceivedPayment | null =>
  order.payment
    ? { orderId: order.orderId, orderNumber: order.orderNumber, method: order.payment.method, transactionId: order.payment.transactionId, amount: order.payment.amount, currency: order.currency, receivedAt: order.orderedAt }
    : null;

/** A commerce.payment.v1 capture. */
export const capturedPayment = (payment: Payment): ReceivedPayment => ({
  orderId: payment.orderId, orderNumber: payment.orderNumber, method: payment.method, transactionId: payment.transactionId, amount: payment.amount, currency: payment.currency, receivedAt: payment.processedAt,
});

const MAX_DOCNUMBER = 45;

/**
 * Our reference on the cash receipt (DOCNUMBER): how a retry finds it, and why the checkout
 * payment in an order and the same capture arriving as a payment event become one receipt — both
 * name the gateway transaction. Long references are shortened with a hash, deterministically.
 */
export const cashReceiptReference = (payment: Pick<ReceivedPayment, 'orderNumber' | 'transactionId'>): string => {
  const reference = payment.transactionId ? `PAY-${payment.orderNumber}-${payment.transactionId}` : `PAY-${payment.orderNumber}`;
  return reference.length <= MAX_DOCNUMBER ? reference : `PAY-${createHash('sha256').update(reference).digest('hex').slice(0, 32)}`;
};

/**
 * A payment as an ARPYMT applied to the invoice's AR record (`PRRECORDKEY`, not the sales
 * document id). The payment method decides the undeposited-funds account and the ARPYMT payment
 * method (mapping file `paymentMethods`).
 */
export const toIntacctCashReceipt = (payment: ReceivedPayment, mapping: MappingConfig, customerId: string, prRecordKey: string): Result<IntacctArPayment, IntegrationError> => {
  const account = paymentMapping(mapping, payment.method);
  if (!account.ok) return err(new IntegrationError(account.error.code, `order ${payment.orderId}: ${account.error.message}`, false, { ...account.error.details, orderId: payment.orderId, path: 'payment.method' }));
  const day = new Date(payment.receivedAt);
  if (Number.isNaN(day.getTime())) return err(IntegrationError.permanent('MAPPING.INVALID_DATE', `order ${payment.orderId}: payment time ${payment.receivedAt} is not valid`, { orderId: payment.orderId }));
  return ok({
    customerId,
    receiptDate: { year: day.getUTCFullYear(), month: day.getUTCMonth() + 1, day: day.getUTCDate() },
    paymentMethod: account.value.intacctPaymentMethod,
    undepositedAccountNo: account.value.glAccount,
    amount: payment.amount,
    currency: payment.currency,
    docNumber: cashReceiptReference(payment),
    description: `Clarity order ${payment.orderNumber}, ${payment.method}${payment.transactionId ? ` ${payment.transactionId}` : ''}`,
    applyTo: [{ recordKey: prRecordKey, amount: payment.amount }],
  });
};
