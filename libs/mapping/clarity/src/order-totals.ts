import type { ClarityLineItem } from '@tributary/connectors-clarity';
import { amount, sum, type Amount } from './money.js';

type PricedLine = Pick<ClarityLineItem, 'quantity' | 'unitPrice' | 'discount' | 'tax'>;

export interface OrderTotalAmounts {
  readonly subtotal: Amount;
  readonly discountTotal: Amount;
  readonly taxTotal: Amount;
  readonly shippingTotal: Amount;
  readonly grandTotal: Amount;
}

/** quantity × unitPrice, before the line's discount. */
export const lineSubtotal = (line: PricedLine): Amount => amount(line.unitPrice).times(line.quantity);

/** quantity × unitPrice − discount; tax excluded, as the canonical `lineTotal` is. */
export const lineTotal = (line: PricedLine): Amount => lineSubtotal(line).minus(amount(line.discount));

/** grandTotal = Σ qty × unitPrice − Σ discount + Σ tax + shipping. */
export const orderTotals = (lines: readonly PricedLine[], shipping: Amount): OrderTotalAmounts => {
  const subtotal = sum(lines.map(lineSubtotal));
  const discountTotal = sum(lines.map((line) => amount(line.discount)));
  const taxTotal = sum(lines.map((line) => amount(line.tax)));
  return {
    subtotal,
    discountTotal,
    taxTotal,
    shippingTotal: shipping,
    grandTotal: subtotal.minus(discountTotal).plus(taxTotal).plus(shipping),
  };
};
