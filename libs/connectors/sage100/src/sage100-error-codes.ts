/** Stable IntegrationError codes raised by this connector. */
export const Sage100ErrorCode = {
  /** 422 `validation`: BOI refused the write; the message is its sLastErrorMsg. Permanent. */
  validation: 'SAGE100.VALIDATION',
  /** 422 `duplicate`: the key, PO number or Reference is already on file. Permanent: look the record up. */
  duplicate: 'SAGE100.DUPLICATE',
  /** 409: the record is open in another Sage session. Transient: retry later. */
  locked: 'SAGE100.LOCKED',
  /** 429: over the agent's concurrency limit; `retryAfterMs` from Retry-After. Transient. */
  throttled: 'SAGE100.THROTTLED',
  /** 503, or the agent refused the connection: Sage 100 is not reachable. Transient; nothing was written. */
  offline: 'SAGE100.OFFLINE',
  /** No answer within timeoutMs. Transient; the outcome of a write is unknown. */
  timeout: 'SAGE100.TIMEOUT',
  /** 500 or another 5xx, a dropped connection, or a reply that does not match the contract. Transient; a write's outcome is unknown. */
  unavailable: 'SAGE100.UNAVAILABLE',
  /** 401/403: API key refused, or not allowed for the company. Transient: it must pause, not dead-letter. */
  authFailed: 'SAGE100.AUTH_FAILED',
  /** 404 on a write: the order or customer is not on file. Permanent. */
  notFound: 'SAGE100.NOT_FOUND',
  /** 400: the facade could not read the request (a mapping or client bug). Permanent. */
  requestRejected: 'SAGE100.REQUEST_REJECTED',
} as const;

export type Sage100ErrorCode = (typeof Sage100ErrorCode)[keyof typeof Sage100ErrorCode];
