import { createHash } from 'node:crypto';

/**
 * Deterministic function controlid for a change to an order's document: the same event always
 * gets the same id (a retry after an unknown outcome is refused by Intacct as a replay), a new
 * event a new one. Readable when the order id is plain, hashed otherwise.
 */
export const documentChangeControlId = (action: 'update' | 'cancel', orderId: string, occurredAt: number): string =>
  /^[\w.-]{1,100}$/.test(orderId)
    ? `so-${action}-${orderId}-${occurredAt}`
    : `so-${action}-${createHash('sha256').update(`${orderId}:${occurredAt}`).digest('hex').slice(0, 32)}`;
