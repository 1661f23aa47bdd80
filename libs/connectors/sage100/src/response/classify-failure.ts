import { IntegrationError } from '@tributary/core';
import { Sage100ErrorCode } from '../sage100-error-codes.js';
import { errorReplySchema, type Sage100ErrorReply } from '../sage100-schemas.js';

/** `Retry-After` as delay-seconds or an HTTP date, in milliseconds; undefined when absent or odd. */
export const parseRetryAfter = (header: string | undefined, now = Date.now()): number | undefined => {
  if (!header) return undefined;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
};

const errorReply = (body: string): Sage100ErrorReply | undefined => {
  try {
    const parsed = errorReplySchema.safeParse(JSON.parse(body));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
};

/**
 * A non-2xx reply of the facade. `write` says whether the request could have changed Sage: only
 * a 5xx other than 503 leaves a write's outcome unknown (the agent may have failed after nWrite).
 */
export const httpStatusFailure = (operation: string, status: number, body: string, retryAfterMs: number | undefined, write: boolean): IntegrationError => {
  const reply = errorReply(body);
  const said = reply?.message ?? body.slice(0, 300);
  const details = { operation, httpStatus: status, ...(reply?.field ? { field: reply.field } : {}) };
  switch (status) {
    case 422:
      return reply?.error === 'duplicate'
        ? IntegrationError.permanent(Sage100ErrorCode.duplicate, said, { ...details, boiMessage: said })
        : IntegrationError.permanent(Sage100ErrorCode.validation, said, { ...details, boiMessage: said });
    case 409:
      return IntegrationError.transient(Sage100ErrorCode.locked, `Sage 100 record locked: ${said}`, { ...details, outcomeUnknown: false });
    case 429:
      return IntegrationError.transient(Sage100ErrorCode.throttled, 'Sage 100 agent throttled the request (HTTP 429)', {
        ...details,
        outcomeUnknown: false,
        ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
      });
    case 503:
      return IntegrationError.transient(Sage100ErrorCode.offline, `Sage 100 is offline: ${said}`, { ...details, outcomeUnknown: false });
    case 401:
    case 403:
      return IntegrationError.transient(Sage100ErrorCode.authFailed, `Sage 100 agent refused the API key or company (HTTP ${status}): ${said}`, { ...details, outcomeUnknown: false });
    case 404:
      return IntegrationError.permanent(Sage100ErrorCode.notFound, said, details);
    case 400:
      return IntegrationError.permanent(Sage100ErrorCode.requestRejected, `Sage 100 agent rejected the request: ${said}`, details);
    default:
      return IntegrationError.transient(Sage100ErrorCode.unavailable, `Sage 100 agent answered HTTP ${status}: ${said}`, {
        ...details,
        outcomeUnknown: write && status >= 500,
      });
  }
};

/** Errors raised before the request left this process: nothing reached the agent. */
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'UND_ERR_CONNECT_TIMEOUT']);
/** The agent's host is there but nothing listens, or it cannot be found: the agent is down. */
const OFFLINE_CODES = new Set(['ECONNREFUSED', 'EHOSTUNREACH', 'ENETUNREACH', 'UND_ERR_CONNECT_TIMEOUT']);
const TIMEOUT_CODES = new Set(['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'ETIMEDOUT']);

const errorCode = (error: unknown): string | undefined => {
  const code = (error as { code?: unknown } | null)?.code ?? (error as { cause?: { code?: unknown } } | null)?.cause?.code;
  return typeof code === 'string' ? code : undefined;
};

/** A network failure or timeout. Always transient; `outcomeUnknown` for a write that may have been sent. */
export const transportFailure = (operation: string, error: unknown, timedOut: boolean, timeoutMs: number, write: boolean): IntegrationError => {
  const code = errorCode(error);
  const sent = !(code && NOT_SENT_CODES.has(code));
  const details = { operation, networkCode: code, outcomeUnknown: write && sent };
  if (code && OFFLINE_CODES.has(code)) {
    return IntegrationError.transient(Sage100ErrorCode.offline, `Sage 100 agent refused the connection (${code})`, details, error);
  }
  if (timedOut || (code && TIMEOUT_CODES.has(code))) {
    return IntegrationError.transient(Sage100ErrorCode.timeout, `Sage 100 agent did not answer within ${timeoutMs} ms`, details, error);
  }
  const reason = error instanceof Error ? error.message : String(error);
  return IntegrationError.transient(Sage100ErrorCode.unavailable, `Sage 100 agent could not be reached: ${reason}`, details, error);
};
