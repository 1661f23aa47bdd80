import type { ClarityOrderEventType } from '@tributary/connectors-clarity';
import type { OrderEventType } from '@tributary/canonical-model';

/**
 * Clarity's event type → ours. Keyed by every type the connector accepts, so adding
 * `order.updated` there fails to compile until it is mapped here.
 */
export const canonicalOrderEventType: Readonly<Record<ClarityOrderEventType, OrderEventType>> = {
  'order.created': 'order.created',
  'order.updated': 'order.updated',
  'order.cancelled': 'order.cancelled',
};
