import { IntegrationError } from '@tributary/core';
import { SalesforceErrorCode } from './salesforce-error-codes.js';

/** One Salesforce error: `errorCode` in REST arrays, `statusCode` in sObject collection results. */
export interface SalesforceErrorEntry {
  errorCode?: string;
  statusCode?: string;
  message?: string;
  fields?: string[];
}

/** How long to wait after REQUEST_LIMIT_EXCEEDED when the caller did not say: the allocation is a rolling 24 h one. */
export const DEFAULT_LIMIT_RETRY_AFTER_MS = 15 * 60 * 1000;

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE', 'ETIMEDOUT', 'UND_ERR_SOCKET', 'UND_ERR_CONNECT_TIMEOUT']);
const NOT_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'UND_ERR_CONNECT_TIMEOUT']);
const INVALID_FIELD_CODES = new Set(['INVALID_FIELD', 'INVALID_FIELD_FOR_INSERT_UPDATE', 'INVALID_TYPE_ON_FIELD_IN_RECORD']);

/** The ids in a 300 reply (record URLs) or a DUPLICATE_EXTERNAL_ID message (`[001…, 001…]`). */
export const matchingIds = (data: unknown, message = ''): string[] => {
  if (Array.isArray(data)) return data.filter((u): u is string => typeof u === 'string').map((url) => url.split('/').pop() ?? url);
  return [...message.matchAll(/\b([a-zA-Z0-9]{18}|[a-zA-Z0-9]{15})\b/g)].map((m) => m[1]!).filter((id) => /\d/.test(id));
};

/** Classifies one Salesforce error entry (a REST array element or a collection result error). */
export const classifyEntry = (entry: SalesforceErrorEntry, context: { limitRetryAfterMs?: number; operation?: string } = {}): IntegrationError => {
  const code = entry.errorCode ?? entry.statusCode ?? 'UNKNOWN';
  const message = entry.message ?? code;
  const details = { errorCode: code, fields: entry.fields ?? [], ...(context.operation ? { operation: context.operation } : {}) };
  switch (code) {
    case 'REQUEST_LIMIT_EXCEEDED':
      return IntegrationError.transient(SalesforceErrorCode.limit, `Salesforce API limit reached: ${message}`, {
        ...details, retryAfterMs: context.limitRetryAfterMs ?? DEFAULT_LIMIT_RETRY_AFTER_MS, outcomeUnknown: false,
      });
    case 'INVALID_SESSION_ID':
      return IntegrationError.transient(SalesforceErrorCode.authFailed, `Salesforce refused the session: ${message}`, details);
    case 'DUPLICATE_VALUE':
      return IntegrationError.transient(SalesforceErrorCode.duplicateValue, message, details);
    case 'DUPLICATE_EXTERNAL_ID':
    case 'MULTIPLE_CHOICES':
      return IntegrationError.permanent(SalesforceErrorCode.multipleMatches, message, { ...details, ids: matchingIds(undefined, message) });
    case 'REQUIRED_FIELD_MISSING':
      return IntegrationError.permanent(SalesforceErrorCode.requiredFieldMissing, message, details);
    case 'FIELD_INTEGRITY_EXCEPTION':
      return IntegrationError.permanent(SalesforceErrorCode.fieldIntegrity, message, details);
    case 'NOT_FOUND':
    case 'ENTITY_IS_DELETED':
      return IntegrationError.permanent(SalesforceErrorCode.notFound, message, details);
    case 'UNABLE_TO_LOCK_ROW':
    case 'SERVER_UNAVAILABLE':
    case 'UNKNOWN_EXCEPTION':
      return IntegrationError.transient(SalesforceErrorCode.unavailable, message, { ...details, outcomeUnknown: code === 'UNKNOWN_EXCEPTION' });
    default:
      if (INVALID_FIELD_CODES.has(code)) return IntegrationError.permanent(SalesforceErrorCode.invalidField, message, details);
      return IntegrationError.permanent(SalesforceErrorCode.rejected, message, details);
  }
};

interface JsforceLikeError {
  name?: string;
  errorCode?: string;
  message?: string;
  data?: unknown;
  fields?: string[];
  code?: string;
  cause?: { code?: string; cause?: { code?: string } };
}

const networkCode = (error: JsforceLikeError): string | undefined => error.code ?? error.cause?.code ?? error.cause?.cause?.code;

/**
 * Turns whatever jsforce threw into a classified IntegrationError. jsforce raises an error named
 * after the Salesforce `errorCode` (one error), `MULTIPLE_API_ERRORS` (several, in `data`),
 * `MULTIPLE_CHOICES` (HTTP 300, the matching URLs in `data`), `ERROR_HTTP_<status>` (a body that
 * is not an error array), an AbortError on timeout, or a fetch TypeError for network failures.
 */
export const classifyError = (raw: unknown, context: { limitRetryAfterMs?: number; operation?: string; write?: boolean } = {}): IntegrationError => {
  if (raw instanceof IntegrationError) return raw;
  const error = (raw ?? {}) as JsforceLikeError;
  const errorCode = error.errorCode;
  const op = context.operation ? { operation: context.operation } : {};
  if (error.name === 'AbortError' || error.name === 'TimeoutError' || /Request Timeout/.test(error.message ?? '')) {
    return IntegrationError.transient(SalesforceErrorCode.timeout, `Salesforce did not answer in time (${context.operation ?? 'request'})`, { ...op, outcomeUnknown: context.write ?? true }, raw);
  }
  if (errorCode === 'MULTIPLE_CHOICES') {
    const ids = matchingIds(error.data);
    return IntegrationError.permanent(SalesforceErrorCode.multipleMatches, `The external id matches ${ids.length} records: ${ids.join(', ')}`, { ...op, errorCode, ids });
  }
  if (errorCode === 'MULTIPLE_API_ERRORS' && Array.isArray(error.data)) {
    const entries = error.data as SalesforceErrorEntry[];
    const first = classifyEntry(entries[0] ?? {}, context);
    return new IntegrationError(first.code, entries.map((e) => e.message).join('; '), first.transient, { ...first.details, errors: entries }, { cause: raw });
  }
  const http = /^ERROR_HTTP_(\d{3})$/.exec(errorCode ?? '');
  if (http) {
    const status = Number(http[1]);
    return IntegrationError.transient(SalesforceErrorCode.unavailable, `Salesforce answered HTTP ${status}`, { ...op, httpStatus: status, outcomeUnknown: status >= 500 && (context.write ?? true) }, raw);
  }
  if (errorCode) {
    // jsforce 3.10 keeps the Salesforce entry (with its `fields`) in `data`.
    const fields = error.fields ?? (error.data as { fields?: string[] } | undefined)?.fields;
    return classifyEntry({ errorCode, message: error.message ?? errorCode, ...(Array.isArray(fields) ? { fields } : {}) }, context);
  }
  const network = networkCode(error);
  if (network || error.name === 'TypeError' || (network && NETWORK_CODES.has(network))) {
    const sent = !(network && NOT_SENT.has(network));
    return IntegrationError.transient(SalesforceErrorCode.unavailable, `Salesforce could not be reached: ${error.message ?? 'network error'}`, { ...op, networkCode: network, outcomeUnknown: sent && (context.write ?? true) }, raw);
  }
  // The token endpoint raises an Error named after the OAuth error (invalid_client_id, invalid_grant, …).
  if (error.name && /^(invalid_|unsupported_|unauthorized_)/.test(error.name)) {
    return IntegrationError.transient(SalesforceErrorCode.authFailed, `Salesforce refused the client: ${error.name} (${error.message ?? ''})`, { ...op, oauthError: error.name });
  }
  return IntegrationError.transient(SalesforceErrorCode.unavailable, error.message ?? String(raw), { ...op, outcomeUnknown: context.write ?? true }, raw);
};

/** Whether jsforce's error is Salesforce saying the session (access token) is no longer valid. */
export const isInvalidSession = (raw: unknown): boolean => (raw as JsforceLikeError | null)?.errorCode === 'INVALID_SESSION_ID';
