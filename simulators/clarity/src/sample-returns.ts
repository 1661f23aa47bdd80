import { Decimal } from 'decimal.js';
import { seededRandom } from './random.js';
import type { ClarityAmountPayload, ClarityOrderPayload, ClarityReturnLinePayload, ClarityReturnPayload } from './payload.js';

const Money = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });

const reasons = ['arrived damaged', 'wrong item sent', 'no longer needed', 'not as described', 'changed my mind', null] as const;

export interface ReturnOptions {
  /** Same seed, same return. Default: the order id. */
  seed?: number;
  /** `all`: every line in full, shipping refunded too. `some` (default): some of the lines, some of each. */
  scope?: 'all' | 'some';
  /** Default `ret_<orderId>_1`. */
  returnId?: string;
  /** Default `RMA-<orderId>`. */
  returnNumber?: string;
  /** Default three days after the order. */
  createdAt?: string;
}

/**
 * A return of lines of an existing order, priced from that order: each unit is credited at the
 * line's net unit price (after its discount, rounded down to the cent, so never more than was
 * paid) and its share of the line's tax; shipping is refunded only when everything comes back.
 * refundTotal = Σ quantity × unitPrice + Σ tax + shippingRefund, exactly.
 */
export const returnFor = (order: ClarityOrderPayload, options: ReturnOptions = {}): ClarityReturnPayload => {
  const random = seededRandom(options.seed ?? (Number.parseInt(order.orderId, 10) || 1));
  const money = (value: Decimal): ClarityAmountPayload => (typeof order.totalAmount === 'string' ? value.toFixed(2) : Number(value.toFixed(2)));
  const all = options.scope === 'all';

  const chosen = all ? order.lineItems : order.lineItems.filter(() => random.chance(0.5));
  const returned = chosen.length > 0 ? chosen : [random.pick(order.lineItems)];
  let total = new Money(0);
  const lines: ClarityReturnLinePayload[] = returned.map((line) => {
    const quantity = all ? line.quantity : random.int(1, line.quantity);
    const net = new Money(line.unitPrice).times(line.quantity).minus(new Money(line.discount));
    const unitPrice = net.dividedBy(line.quantity).toDecimalPlaces(2, Decimal.ROUND_DOWN);
    const tax = quantity === line.quantity ? new Money(line.tax) : new Money(line.tax).times(quantity).dividedBy(line.quantity).toDecimalPlaces(2);
    total = total.plus(unitPrice.times(quantity)).plus(tax);
    return { lineId: line.lineId, sku: line.sku, quantity, unitPrice: money(unitPrice), tax: money(tax), restock: random.chance(0.85) };
  });
  const shippingRefund = all ? new Money(order.shipping.amount) : new Money(0);
  total = total.plus(shippingRefund);

  return {
    returnId: options.returnId ?? `ret_${order.orderId}_1`,
    returnNumber: options.returnNumber ?? `RMA-${order.orderId}`,
    orderId: order.orderId,
    orderNumber: order.orderNumber,
    customerId: order.customerId,
    currency: order.currency,
    createdAt: options.createdAt ?? new Date(Date.parse(order.orderDate) + 3 * 24 * 3600 * 1000).toISOString().replace('.000Z', 'Z'),
    reason: random.pick(reasons),
    lines,
    shippingRefund: money(shippingRefund),
    refundTotal: money(total),
  };
};
