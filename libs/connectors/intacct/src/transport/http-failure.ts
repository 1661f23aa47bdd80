import { IntegrationError } from '@tributary/core';
import { IntacctErrorCode } from '../intacct-error-codes.js';

/** `Retry-After` as delay-seconds or an HTTP date, in milliseconds; undefined when absent or odd. */
export const parseRetryAfter = (header: string | undefined, now = Date.now()): number | undefined => {
  if (!header) return undefined;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
};

/**
 * A reply body as kept in error details (logs, DLQ headers): at most 500 characters, with the
 * values of credential elements removed — a proxy that echoes the request must not leak the
 * sender or user password, or the session id.
 */
export const redactedSnippet = (body: string): string =>
  body
    .replace(/<(password|sessionid|senderpassword|userpassword)(\s[^>]*)?>[\s\S]*?<\/\1\s*>/gi, '<$1>[redacted]</$1>')
    // An element cut off by the size limit: everything after its opening tag.
    .replace(/<(password|sessionid|senderpassword|userpassword)(\s[^>]*)?>(?:(?!<\/\1)[\s\S])*$/i, '<$1>[redacted]')
    .slice(0, 500);

/**
 * A non-2xx HTTP status. 429 means the gateway refused the request before running it. A 5xx may
 * come after Intacct committed (the crash can be anywhere), so the outcome is unknown.
 */
export const httpStatusFailure = (status: number, retryAfterMs: number | undefined, bodySnippet: string): IntegrationError => {
  if (status === 429) {
    return IntegrationError.transient(IntacctErrorCode.throttled, 'Intacct throttled the request (HTTP 429)', {
      httpStatus: status,
      ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
    });
  }
  if (status >= 500) {
    return IntegrationError.transient(IntacctErrorCode.unavailable, `Intacct answered HTTP ${status}`, {
      httpStatus: status,
      outcomeUnknown: true,
      body: redactedSnippet(bodySnippet),
    });
  }
  // A 4xx here means a wrong URL or a proxy in the way: configuration, so pause rather than dead-letter.
  return IntegrationError.transient(IntacctErrorCode.unavailable, `Intacct answered HTTP ${status}`, {
    httpStatus: status,
    outcomeUnknown: false,
    body: redactedSnippet(bodySnippet),
  });
};

/** Errors raised before the request left this process: nothing reached Intacct. */
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'UND_ERR_CONNECT_TIMEOUT']);

const TIMEOUT_CODES = new Set(['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'UND_ERR_CONNECT_TIMEOUT', 'ETIMEDOUT']);

const errorCode = (error: unknown): string | undefined => {
  const code = (error as { code?: unknown } | null)?.code ?? (error as { cause?: { code?: unknown } } | null)?.cause?.code;
  return typeof code === 'string' ? code : undefined;
};

/** A network failure or timeout. Always transient; `outcomeUnknown` unless it failed before sending. */
export const transportFailure = (error: unknown, timedOut: boolean, timeoutMs: number): IntegrationError => {
  const code = errorCode(error);
  const sent = !(code && NOT_SENT_CODES.has(code));
  if (timedOut || (code && TIMEOUT_CODES.has(code))) {
    return IntegrationError.transient(
      IntacctErrorCode.timeout,
      `Intacct did not answer within ${timeoutMs} ms`,
      { outcomeUnknown: sent, networkCode: code },
      error,
    );
  }
  const reason = error instanceof Error ? error.message : String(error);
  return IntegrationError.transient(
    IntacctErrorCode.unavailable,
    `Intacct could not be reached: ${reason}`,
    { outcomeUnknown: sent, networkCode: code },
    error,
  );
};
