import { createHash } from 'node:crypto';

/** CustomerPONo is 15 characters in Sage 100 (SO_SalesOrderHeader). */
export const MAX_CUSTOMER_PO = 15;

/**
 * The CustomerPONo of a Clarity order: the order number itself when it fits, else a
 * deterministic short form (its head, "~", a hash of the whole number) — the same order always
 * gets the same PO, so the duplicate-PO lookup finds it again. The whole number travels in
 * UDF_CLARITY_ORDER. `suffix` names a second Sage order of one Clarity order (the back order of a split).
 */
export const customerPoNo = (orderNumber: string, suffix = ''): string => {
  const whole = `${orderNumber}${suffix}`;
  if (whole.length <= MAX_CUSTOMER_PO) return whole;
  const hash = createHash('sha256').update(whole).digest('hex').slice(0, 8).toUpperCase();
  return `${whole.slice(0, MAX_CUSTOMER_PO - hash.length - 1)}~${hash}`;
};

/** The PO suffix of the back-order half of a split order. */
export const BACK_ORDER_SUFFIX = '-BO';
