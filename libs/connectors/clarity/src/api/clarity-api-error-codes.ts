/** Stable IntegrationError codes raised by the Clarity API client. */
export const ClarityApiErrorCode = {
  /** HTTP 5xx, a network failure, or an answer that is not JSON. Transient. */
  unavailable: 'CLARITY.UNAVAILABLE',
  /** No answer within timeoutMs. Transient; a write's outcome is unknown. */
  timeout: 'CLARITY.TIMEOUT',
  /** HTTP 429. Transient, with `retryAfterMs` when Clarity said. */
  throttled: 'CLARITY.THROTTLED',
  /** Client credentials refused, or a fresh token refused too. Transient: credentials may be mid-rotation, so pause rather than dead-letter. */
  auth: 'CLARITY.AUTH',
  /** A write to an entity Clarity does not have (404). Permanent. */
  notFound: 'CLARITY.NOT_FOUND',
  /** Any other 4xx, or a request the client refused to send. Permanent, with Clarity's message. */
  rejected: 'CLARITY.REJECTED',
  /** A 2xx reply that does not match the contract. Transient: usually a deploy in progress on their side. */
  unreadable: 'CLARITY.UNREADABLE',
} as const;

export type ClarityApiErrorCode = (typeof ClarityApiErrorCode)[keyof typeof ClarityApiErrorCode];
