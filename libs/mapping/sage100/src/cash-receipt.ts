import { createHash } from 'node:crypto';
import type { Sage100NewCashReceipt } from '@tributary/connectors-sage100';
import { err, IntegrationError, ok, type Result } from '@tributary/core';
import { paymentMapping, type MappingConfig } from '@tributary/mapping-core';
import type { ReceivedPayment } from '@tributary/mapping-intacct';
import { fit, sageDate } from './text.js';

const MAX_REFERENCE = 30;

/**
 * The Reference (30) of a payment's cash receipt: the gateway transaction, unique per company, so
 * a retry of a written receipt is refused as a duplicate and found again by it.
 */
export const sage100ReceiptReference = (payment: Pick<ReceivedPayment, 'orderNumber' | 'transactionId'>): string => {
  const reference = payment.transactionId ? payment.transactionId : `PAY-${payment.orderNumber}`;
  return reference.length <= MAX_REFERENCE ? reference : `PAY-${createHash('sha256').update(reference).digest('hex').slice(0, 26)}`;
};

/** A captured payment as a deposit against the order's Sage sales order. */
export const toSage100CashReceipt = (
  payment: ReceivedPayment,
  mapping: MappingConfig,
  order: { ARDivisionNo: string; CustomerNo: string; SalesOrderNo: string },
): Result<Sage100NewCashReceipt, IntegrationError> => {
  const method = paymentMapping(mapping, payment.method);
  if (!method.ok) return err(new IntegrationError(method.error.code, `payment of order ${payment.orderNumber}: ${method.error.message}`, false, { orderId: payment.orderId }));
  if (!method.value.sage100PaymentType) return err(IntegrationError.permanent('MAPPING.UNMAPPED_PAYMENT_METHOD', `payment method ${payment.method} has no sage100PaymentType in the mapping file`, { orderId: payment.orderId }));
  return ok({
    ARDivisionNo: order.ARDivisionNo,
    CustomerNo: order.CustomerNo,
    PaymentType: method.value.sage100PaymentType,
    TransactionDate: sageDate(payment.receivedAt),
    PostingAmt: Number(payment.amount),
    SalesOrderNo: order.SalesOrderNo,
    Reference: sage100ReceiptReference(payment),
    Comment: fit(`Clarity ${payment.orderNumber}`, 30),
  });
};
