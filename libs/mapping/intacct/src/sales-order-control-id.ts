import { createHash } from 'node:crypto';

const PREFIX = 'so-create-';
/** Characters that pass through XML attributes, logs and URLs untouched. */
const SAFE_ID = /^[A-Za-z0-9._:-]{1,200}$/;

/**
 * The function controlid for creating this order's sales document. The same order always gets the
 * same id, so with uniqueid=true a retry after an unknown outcome cannot create a second document.
 * Ids that are long or carry odd characters are hashed to stay within Intacct's 256 characters.
 */
export const salesOrderControlId = (orderId: string): string =>
  SAFE_ID.test(orderId) ? `${PREFIX}${orderId}` : `${PREFIX}sha256-${createHash('sha256').update(orderId, 'utf8').digest('hex')}`;
