import type { Order } from '@tributary/canonical-model';
import type { IntacctArPayment } from '@tributary/connectors-intacct';
import { err, ok, IntegrationError, type Result } from '@tributary/core';
import { paymentMapping, type MappingConfig } from '@tributary/mapping-core';

/** Our reference on the cash receipt (DOCNUMBER): how a retry finds it. */
export const cashReceiptReference = (order: Order): string => `PAY-${order.orderNumber}`;

/**
 * The payment captured at checkout as an ARPYMT applied to the invoice's AR record
 * (`PRRECORDKEY`, not the sales document id). The payment method decides the undeposited-funds
 * account and the ARPYMT payment method (mapping file `paymentMethods`).
 */
export const toIntacctCashReceipt = (order: Order, mapping: MappingConfig, customerId: string, prRecordKey: string): Result<IntacctArPayment, IntegrationError> => {
  const payment = order.payment;
  if (!payment) return err(IntegrationError.permanent('MAPPING.NO_PAYMENT', `order ${order.orderId} has no payment to record`, { orderId: order.orderId, path: 'payment' }));
  const account = paymentMapping(mapping, payment.method);
  if (!account.ok) return err(new IntegrationError(account.error.code, `order ${order.orderId}: ${account.error.message}`, false, { ...account.error.details, orderId: order.orderId, path: 'payment.method' }));
  const day = new Date(order.orderedAt);
  return ok({
    customerId,
    receiptDate: { year: day.getUTCFullYear(), month: day.getUTCMonth() + 1, day: day.getUTCDate() },
    paymentMethod: account.value.intacctPaymentMethod,
    undepositedAccountNo: account.value.glAccount,
    amount: payment.amount,
    currency: order.currency,
    docNumber: cashReceiptReference(order),
    description: `Clarity order ${order.orderNumber}, ${payment.method}${payment.transactionId ? ` ${payment.transactionId}` : ''}`,
    applyTo: [{ recordKey: prRecordKey, amount: payment.amount }],
  });
};
