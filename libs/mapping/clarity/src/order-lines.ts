import { IntegrationError, err, ok, type Result } from '@tributary/core';
import type { ClarityLineItem } from '@tributary/connectors-clarity';
import type { OrderLine } from '@tributary/canonical-model';
import { amount, toDecimalString } from './money.js';
import { lineTotal } from './order-totals.js';

/** Lines without a Clarity line id are numbered by position, from 1. */
export const toOrderLines = (items: readonly ClarityLineItem[]): Result<OrderLine[], IntegrationError> => {
  const lines: OrderLine[] = [];
  for (const [index, item] of items.entries()) {
    const total = lineTotal(item);
    if (total.isNegative()) {
      return err(
        IntegrationError.permanent('MAPPING.NEGATIVE_LINE_TOTAL', `line ${index + 1} (${item.sku}) is discounted below zero`, {
          path: `data.lineItems[${index}].discount`,
          lineTotal: toDecimalString(total),
        }),
      );
    }
    lines.push({
      lineId: item.lineId ?? String(index + 1),
      sku: item.sku,
      description: item.name,
      quantity: item.quantity,
      unitPrice: toDecimalString(amount(item.unitPrice)),
      discount: toDecimalString(amount(item.discount)),
      tax: toDecimalString(amount(item.tax)),
      lineTotal: toDecimalString(total),
    });
  }
  return ok(lines);
};
