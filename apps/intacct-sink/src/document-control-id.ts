import { createHash } from 'node:crypto';

const readable = (id: string) => /^[\w.-]{1,80}$/.test(id);
const hashed = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 32);

/**
 * Deterministic function controlid for a change to an order's document: the same event always
 * gets the same id (a retry after an unknown outcome is refused by Intacct as a replay), a new
 * event a new one. Readable when the order id is plain, hashed otherwise.
 */
export const documentChangeControlId = (action: 'update' | 'cancel', orderId: string, occurredAt: number): string =>
  readable(orderId) ? `so-${action}-${orderId}-${occurredAt}` : `so-${action}-${hashed(`${orderId}:${occurredAt}`)}`;

/** Deterministic controlid of the one function that creates or changes a record for `id`: readable when `id` is plain, hashed otherwise. */
export const recordControlId = (prefix: string, id: string): string => (readable(id) ? `${prefix}-${id}` : `${prefix}-${hashed(id)}`);
