import { IntegrationError, err, ok, type Result } from '@tributary/core';
import type { ClarityLineItem, ClarityOrder } from '@tributary/connectors-clarity';
import { allocateProportionally } from '@tributary/mapping-core';
import { amount, toDecimalString } from './money.js';
import { lineTotal } from './order-totals.js';

/**
 * Spreads an order-level coupon (`orderDiscount`) over the lines in proportion to what each line
 * costs after its own discount, to the cent: the shares always add up to the coupon, so the
 * ERP's per-line amounts reconcile with the order total.
 */
export const allocateOrderDiscount = (data: ClarityOrder): Result<ClarityLineItem[], IntegrationError> => {
  if (data.orderDiscount === undefined || amount(data.orderDiscount).isZero()) return ok([...data.lineItems]);
  try {
    const shares = allocateProportionally(
      toDecimalString(amount(data.orderDiscount)),
      data.lineItems.map((line) => toDecimalString(lineTotal(line))),
      data.currency,
    );
    return ok(data.lineItems.map((line, i) => ({ ...line, discount: toDecimalString(amount(line.discount).plus(shares[i] ?? '0')) })));
  } catch (error) {
    const cause = error instanceof IntegrationError ? error : undefined;
    return err(IntegrationError.permanent('MAPPING.INVALID_ORDER_DISCOUNT', `order ${data.orderId}: orderDiscount cannot be spread over the lines: ${cause?.message ?? String(error)}`, { path: 'data.orderDiscount' }, error));
  }
};
