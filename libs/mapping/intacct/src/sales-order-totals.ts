import type { IntacctSubtotal } from '@tributary/connectors-intacct';
import { Decimal } from 'decimal.js';
import { formatMoney } from './money.js';

/** The amounts of an order, already parsed exactly. */
export interface OrderAmounts {
  lines: Array<{ quantity: number; unitPrice: Decimal; discount: Decimal }>;
  shipping: Decimal;
  tax: Decimal;
}

/**
 * Intacct computes the document total itself as Σ quantity × price + Σ subtotals, so discounts,
 * shipping and tax travel as subtotals. Zero amounts are left out: an empty subtotal line only
 * clutters the document.
 */
export const salesOrderSubtotals = (amounts: OrderAmounts): IntacctSubtotal[] => {
  const discount = amounts.lines.reduce((sum, line) => sum.plus(line.discount), new Decimal(0));
  return [
    { description: 'Discount', amount: discount.negated() },
    { description: 'Shipping', amount: amounts.shipping },
    { description: 'Tax', amount: amounts.tax },
  ]
    .filter((subtotal) => !subtotal.amount.isZero())
    .map((subtotal) => ({ description: subtotal.description, total: formatMoney(subtotal.amount) }));
};

/** The total Intacct will compute for the document. */
export const intacctDocumentTotal = (amounts: OrderAmounts, subtotals: readonly IntacctSubtotal[]): Decimal =>
  amounts.lines
    .reduce((sum, line) => sum.plus(line.unitPrice.times(line.quantity)), new Decimal(0))
    .plus(subtotals.reduce((sum, subtotal) => sum.plus(subtotal.total), new Decimal(0)));
