import { sampleOrders, type SampleOrderOptions } from '../sample-orders.js';
import { paymentCaptureFor } from '../sample-payments.js';
import { sampleProducts } from '../sample-products.js';
import { returnFor } from '../sample-returns.js';
import type { ClarityOrderPayload } from '../payload.js';
import type { ClarityCustomerRecordPayload, ShopData } from './shop-types.js';

/** The customer record behind an order, as the shop would hold it. */
export const customerOf = (order: ClarityOrderPayload): ClarityCustomerRecordPayload => ({
  customerId: order.customerId,
  ...order.customer,
  billingAddress: { ...order.billingAddress },
  shippingAddress: { ...order.shippingAddress },
  marketingOptIn: false,
  createdAt: order.orderDate,
  modifiedAt: order.orderDate,
  version: 1,
  changedFields: [],
  updatedBy: 'user:storefront',
});

/**
 * A shop with `count` sample orders, their customers and captures, the catalogue, and a return
 * for every fifth order: same options, same data.
 */
export const sampleShopData = (count: number, options: SampleOrderOptions = {}): ShopData => {
  const orders = sampleOrders(count, options);
  const customers = new Map(orders.map((order) => [order.customerId, customerOf(order)]));
  return {
    orders: orders.map((order) => ({ ...order, modifiedAt: order.orderDate })),
    customers: [...customers.values()],
    products: sampleProducts({ currency: options.currency ?? 'USD' }),
    payments: orders.map((order) => paymentCaptureFor(order)),
    returns: orders.filter((_, index) => index % 5 === 4).map((order) => returnFor(order)),
  };
};
