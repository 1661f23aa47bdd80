import { IntegrationError, err, ok, type Result } from '@tributary/core';
import type { ClarityOrder } from '@tributary/connectors-clarity';
import type { Order, OrderTotals } from '@tributary/canonical-model';
import { amount, toDecimalString, zero } from './money.js';
import { orderTotals, type OrderTotalAmounts } from './order-totals.js';
import { toOrderLines } from './order-lines.js';
import { toOrderCustomer, toPaymentInfo, toPostalAddress } from './order-parts.js';
import { allocateOrderDiscount } from './order-discount.js';

const toTotals = (totals: OrderTotalAmounts): OrderTotals => ({
  subtotal: toDecimalString(totals.subtotal),
  discountTotal: toDecimalString(totals.discountTotal),
  taxTotal: toDecimalString(totals.taxTotal),
  shippingTotal: toDecimalString(totals.shippingTotal),
  grandTotal: toDecimalString(totals.grandTotal),
});

/**
 * Clarity's order → the canonical snapshot. An order-level coupon is allocated over the lines
 * first (the canonical order is line-level). Totals are recomputed from the lines and must equal
 * Clarity's `totalAmount` to the cent: an order that does not add up would post wrong amounts
 * to the ERP, so it is refused (permanently: retrying cannot make it add up).
 */
export const toCanonicalOrder = (data: ClarityOrder): Result<Order, IntegrationError> => {
  const lineItems = allocateOrderDiscount(data);
  if (!lineItems.ok) return lineItems;
  const lines = toOrderLines(lineItems.value);
  if (!lines.ok) return lines;

  const shippingAmount = data.shipping === null ? zero : amount(data.shipping.amount);
  const totals = orderTotals(lineItems.value, shippingAmount);
  const totalAmount = amount(data.totalAmount);
  if (!totals.grandTotal.equals(totalAmount)) {
    const expected = toDecimalString(totals.grandTotal);
    const actual = toDecimalString(totalAmount);
    return err(
      IntegrationError.permanent('MAPPING.TOTALS_MISMATCH', `order ${data.orderId}: lines add up to ${expected}, Clarity says ${actual}`, {
        path: 'data.totalAmount',
        expected,
        actual,
      }),
    );
  }

  return ok({
    orderId: data.orderId,
    orderNumber: data.orderNumber ?? data.orderId,
    status: data.status,
    orderedAt: Date.parse(data.orderDate),
    currency: data.currency,
    storeId: data.storeId,
    channel: data.channel,
    customer: toOrderCustomer(data.customerId, data.customer),
    billingAddress: toPostalAddress(data.billingAddress),
    shippingAddress: toPostalAddress(data.shippingAddress),
    lines: lines.value,
    shipping: { method: data.shipping?.method ?? null, amount: toDecimalString(shippingAmount) },
    payment: toPaymentInfo(data.paymentInfo),
    couponCode: data.couponCode,
    totals: toTotals(totals),
  });
};
