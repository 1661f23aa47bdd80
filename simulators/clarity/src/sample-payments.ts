import { Decimal } from 'decimal.js';
import type { ClarityAmountPayload, ClarityOrderPayload, ClarityPaymentMethod, ClarityPaymentTransactionPayload, ClarityReturnPayload } from './payload.js';

const Money = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });

/** Who processes each method, and what they charge: rate of the amount plus a fixed part. */
const gateways: Readonly<Record<ClarityPaymentMethod, { gateway: string | null; rate: string; fixed: string } | null>> = {
  visa: { gateway: 'stripe', rate: '0.029', fixed: '0.30' },
  mastercard: { gateway: 'stripe', rate: '0.029', fixed: '0.30' },
  amex: { gateway: 'stripe', rate: '0.035', fixed: '0.30' },
  paypal: { gateway: 'paypal', rate: '0.0349', fixed: '0.49' },
  // Store credit: no gateway, no fee.
  gift_card: null,
};

/** Same representation as the order used: Clarity is consistent within one payload. */
const likeOrder = (order: ClarityOrderPayload, text: string): ClarityAmountPayload => (typeof order.totalAmount === 'string' ? text : Number(text));

const secondsAfter = (timestamp: string, seconds: number) => new Date(Date.parse(timestamp) + seconds * 1000).toISOString().replace('.000Z', 'Z');

export interface PaymentOptions {
  /** Default `pay_<orderId>_1`. */
  paymentId?: string;
  /** Default one second after the order was placed. */
  processedAt?: string;
}

/** The capture of an order's grand total, by the order's payment method and its gateway, with the gateway's fee. */
export const paymentCaptureFor = (order: ClarityOrderPayload, options: PaymentOptions = {}): ClarityPaymentTransactionPayload => {
  const total = new Money(order.totalAmount);
  const pricing = gateways[order.paymentInfo.method];
  // A fee never exceeds what it is charged on.
  const fee = pricing === null ? null : Decimal.min(total.times(pricing.rate).plus(pricing.fixed).toDecimalPlaces(2), total).toFixed(2);
  return {
    paymentId: options.paymentId ?? `pay_${order.orderId}_1`,
    orderId: order.orderId,
    orderNumber: order.orderNumber,
    customerId: order.customerId,
    method: order.paymentInfo.method,
    gateway: pricing?.gateway ?? null,
    transactionId: order.paymentInfo.transactionId,
    amount: order.totalAmount,
    fee: fee === null ? null : likeOrder(order, fee),
    currency: order.currency,
    processedAt: options.processedAt ?? secondsAfter(order.orderDate, 1),
  };
};

/** The refund of a return's total, to the order's payment method; gateways keep their fee on refunds. */
export const paymentRefundFor = (order: ClarityOrderPayload, orderReturn: ClarityReturnPayload, options: PaymentOptions = {}): ClarityPaymentTransactionPayload => ({
  paymentId: options.paymentId ?? `pay_${orderReturn.returnId}`,
  orderId: order.orderId,
  orderNumber: order.orderNumber,
  customerId: order.customerId,
  method: order.paymentInfo.method,
  gateway: gateways[order.paymentInfo.method]?.gateway ?? null,
  transactionId: `re_${orderReturn.returnId}`,
  amount: orderReturn.refundTotal,
  fee: null,
  currency: orderReturn.currency,
  processedAt: options.processedAt ?? secondsAfter(orderReturn.createdAt, 60),
});
