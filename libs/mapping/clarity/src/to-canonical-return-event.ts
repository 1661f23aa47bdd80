import { IntegrationError, err, ok, type Result } from '@tributary/core';
import type { ClarityReturn, ClarityReturnWebhook } from '@tributary/connectors-clarity';
import type { OrderReturn, ReturnEvent } from '@tributary/canonical-model';
import { envelopeFrom, type EventContext } from './event-context.js';
import { amount, sum, toDecimalString } from './money.js';

export const RETURN_EVENT_SCHEMA_VERSION = 1;

const refused = (code: string, message: string, details: Record<string, unknown>) => err(IntegrationError.permanent(code, message, details));

/**
 * Clarity's return → the canonical return. What is credited must be exactly what Clarity refunds:
 * refundTotal = Σ quantity × unitPrice + Σ tax + shippingRefund, to the cent. A return that does
 * not add up would post a credit memo that disagrees with the refund, so it is refused
 * (permanently: retrying cannot make it add up).
 */
export const toCanonicalReturn = (data: ClarityReturn): Result<OrderReturn, IntegrationError> => {
  const seen = new Map<string, number>();
  for (const [index, line] of data.lines.entries()) {
    const first = seen.get(line.lineId);
    if (first !== undefined) {
      return refused('MAPPING.DUPLICATE_RETURN_LINE', `return ${data.returnId}: order line ${line.lineId} is returned twice (lines ${first} and ${index})`, {
        path: `data.lines[${index}].lineId`,
      });
    }
    seen.set(line.lineId, index);
  }

  const goods = sum(data.lines.map((line) => amount(line.unitPrice).times(line.quantity)));
  const tax = sum(data.lines.map((line) => amount(line.tax)));
  const expected = goods.plus(tax).plus(amount(data.shippingRefund));
  const actual = amount(data.refundTotal);
  if (!expected.equals(actual)) {
    return refused(
      'MAPPING.RETURN_TOTALS_MISMATCH',
      `return ${data.returnId}: lines, tax and shipping add up to ${toDecimalString(expected)}, Clarity refunds ${toDecimalString(actual)}`,
      { path: 'data.refundTotal', expected: toDecimalString(expected), actual: toDecimalString(actual) },
    );
  }

  return ok({
    returnId: data.returnId,
    returnNumber: data.returnNumber,
    orderId: data.orderId,
    orderNumber: data.orderNumber,
    customerId: data.customerId,
    currency: data.currency,
    createdAt: Date.parse(data.createdAt),
    reason: data.reason,
    lines: data.lines.map((line) => ({
      lineId: line.lineId,
      sku: line.sku,
      quantity: line.quantity,
      unitPrice: toDecimalString(amount(line.unitPrice)),
      tax: toDecimalString(amount(line.tax)),
      restock: line.restock,
    })),
    shippingRefund: toDecimalString(amount(data.shippingRefund)),
    refundTotal: toDecimalString(actual),
  });
};

/** A verified, validated Clarity `return.created` webhook → `commerce.return.v1` event. Pure. */
export const toCanonicalReturnEvent = (webhook: ClarityReturnWebhook, ctx: EventContext): Result<ReturnEvent, IntegrationError> => {
  const orderReturn = toCanonicalReturn(webhook.data);
  if (!orderReturn.ok) return orderReturn;
  return ok({ ...envelopeFrom(webhook, ctx, RETURN_EVENT_SCHEMA_VERSION), eventType: webhook.type, return: orderReturn.value });
};
