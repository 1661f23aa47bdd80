import { IntegrationError } from '@tributary/core';
import { clarityErrorBodySchema } from './reply.schema.js';
import { ClarityApiErrorCode } from './clarity-api-error-codes.js';

/** `Retry-After` as delay-seconds or an HTTP date, in milliseconds; undefined when absent or odd. */
export const parseRetryAfter = (header: string | undefined, now = Date.now()): number | undefined => {
  if (!header) return undefined;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
};

/**
 * Text from Clarity with credentials taken out: any `Bearer …`/`Basic …` value and every string in
 * `secrets` (the token in use, the client secret). A server that echoes the request must not make
 * us log what it echoed.
 */
export const redact = (text: string, secrets: readonly string[] = []): string => {
  let clean = text.replace(/\b(Bearer|Basic)\s+[\w.~+/=-]+/gi, '$1 [redacted]');
  for (const secret of secrets) if (secret.length >= 4) clean = clean.split(secret).join('[redacted]');
  return clean;
};

/** Clarity's `{ error, message }`, when the body is one, redacted; never the raw body. */
export const clarityErrorOf = (body: unknown, secrets: readonly string[] = []): { error?: string; message?: string } => {
  const parsed = clarityErrorBodySchema.safeParse(body);
  if (!parsed.success) return {};
  const { error, message } = parsed.data;
  return { error: redact(error.slice(0, 100), secrets), ...(message === undefined ? {} : { message: redact(message.slice(0, 500), secrets) }) };
};

export interface FailedReply {
  readonly operation: string;
  readonly status: number;
  readonly body: unknown;
  readonly retryAfter: string | undefined;
  /** Whether the call changes something: then a 5xx leaves its outcome unknown. */
  readonly write: boolean;
  /** Values to take out of anything Clarity said. */
  readonly secrets: readonly string[];
}

/** A non-2xx answer (other than the 401 the client handles itself) as a classified error. */
export const httpFailure = (reply: FailedReply): IntegrationError => {
  const clarity = clarityErrorOf(reply.body, reply.secrets);
  const details = { operation: reply.operation, httpStatus: reply.status, ...(clarity.error ? { clarityError: clarity.error } : {}) };
  const said = clarity.message ?? clarity.error;
  const text = `Clarity ${reply.operation} answered HTTP ${reply.status}${said ? `: ${said}` : ''}`;
  if (reply.status === 429) {
    const retryAfterMs = parseRetryAfter(reply.retryAfter);
    return IntegrationError.transient(ClarityApiErrorCode.throttled, text, { ...details, ...(retryAfterMs === undefined ? {} : { retryAfterMs }) });
  }
  if (reply.status >= 500) {
    return IntegrationError.transient(ClarityApiErrorCode.unavailable, text, { ...details, outcomeUnknown: reply.write });
  }
  if (reply.status === 401 || reply.status === 403) {
    return IntegrationError.transient(ClarityApiErrorCode.auth, text, details);
  }
  // 408 is the server giving up on us mid-request: nothing was done, try again.
  if (reply.status === 408) return IntegrationError.transient(ClarityApiErrorCode.unavailable, text, { ...details, outcomeUnknown: false });
  if (reply.status === 404) return IntegrationError.permanent(ClarityApiErrorCode.notFound, text, details);
  return IntegrationError.permanent(ClarityApiErrorCode.rejected, text, details);
};

/** Errors raised before the request left this process: nothing reached Clarity. */
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'UND_ERR_CONNECT_TIMEOUT']);
const TIMEOUT_CODES = new Set(['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'UND_ERR_CONNECT_TIMEOUT', 'ETIMEDOUT']);

const networkCode = (error: unknown): string | undefined => {
  const code = (error as { code?: unknown } | null)?.code ?? (error as { cause?: { code?: unknown } } | null)?.cause?.code;
  return typeof code === 'string' ? code : undefined;
};

/**
 * A network failure or timeout: always transient. The cause is not attached (undici errors can
 * carry the request, and with it the bearer token); its code and message are enough.
 */
export const transportFailure = (operation: string, error: unknown, timedOut: boolean, timeoutMs: number): IntegrationError => {
  const code = networkCode(error);
  const sent = !(code && NOT_SENT_CODES.has(code));
  const details = { operation, outcomeUnknown: sent, ...(code ? { networkCode: code } : {}) };
  if (timedOut || (code && TIMEOUT_CODES.has(code))) {
    return IntegrationError.transient(ClarityApiErrorCode.timeout, `Clarity ${operation} did not answer within ${timeoutMs} ms`, details);
  }
  const reason = redact(error instanceof Error ? error.message : String(error));
  return IntegrationError.transient(ClarityApiErrorCode.unavailable, `Clarity ${operation} could not be reached: ${reason}`, details);
};
