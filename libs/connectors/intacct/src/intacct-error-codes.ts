/** Stable IntegrationError codes raised by this connector. */
export const IntacctErrorCode = {
  /** Network failure, HTTP 5xx or an unreadable reply. Transient. */
  unavailable: 'INTACCT.UNAVAILABLE',
  /** No answer within timeoutMs. Transient; the outcome of a write is unknown. */
  timeout: 'INTACCT.TIMEOUT',
  /** HTTP 429 / GW-0010: over the company's concurrency limit. Transient. */
  throttled: 'INTACCT.THROTTLED',
  /** Sender or user credentials refused, or session unusable. Transient: it must pause, not dead-letter. */
  authFailed: 'INTACCT.AUTH_FAILED',
  /** The function controlid was already executed (uniqueid=true). Permanent: look the document up. */
  duplicateControlId: 'INTACCT.DUPLICATE_CONTROLID',
  /** A function failed on business rules (BL…). Permanent. */
  businessError: 'INTACCT.BUSINESS_ERROR',
  /** The gateway refused the request itself (schema error, invalid request). Permanent. */
  requestRejected: 'INTACCT.REQUEST_REJECTED',
} as const;

export type IntacctErrorCode = (typeof IntacctErrorCode)[keyof typeof IntacctErrorCode];

/**
 * errornos that mean "this function controlid already ran". Intacct's real code is not public
 * (external-apis §1.5); `SIM-DUPCTRL` is our simulator's placeholder. Add the real one here once a
 * tenant shows it.
 */
export const DUPLICATE_CONTROLID_ERRORNOS: ReadonlySet<string> = new Set(['SIM-DUPCTRL']);

/** Gateway rate limit code; it can arrive with HTTP 429 or inside a control failure. */
export const THROTTLED_ERRORNO = 'GW-0010';

/** Sender or user credentials refused (control or authentication level). */
export const CREDENTIALS_ERRORNO = 'XL03000006';
