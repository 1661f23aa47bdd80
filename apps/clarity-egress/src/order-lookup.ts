import { IntegrationError } from '@tributary/core';
import type { OrderDirectory } from './order-directory.js';

/**
 * The Clarity order id for an order number. The order's own event may still be on its way (the
 * topics are read side by side), so an unknown number is a transient failure for the first
 * `attempts` tries; after that `undefined`: the caller decides whether that is a skip or an error.
 */
export const clarityOrderId = (directory: OrderDirectory, orderNumber: string, attempt: number, attempts: number): string | undefined => {
  const orderId = directory.orderIdOf(orderNumber);
  if (orderId !== undefined) return orderId;
  if (attempt < attempts) {
    throw IntegrationError.transient('CLARITY.ORDER_NOT_YET_KNOWN', `no Clarity order id known for order number ${orderNumber} yet (commerce.order.v1 may lag)`, { orderNumber });
  }
  return undefined;
};
