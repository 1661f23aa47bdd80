import { IntegrationError } from '@tributary/core';
import {
  CREDENTIALS_ERRORNO,
  DUPLICATE_CONTROLID_ERRORNOS,
  IntacctErrorCode,
  THROTTLED_ERRORNO,
} from '../intacct-error-codes.js';
import type { IntacctErrorEntry, IntacctFunctionResult } from './intacct-response.js';

/** Joined like the official SDK does: `errorno description description2 correction`, one per error. */
export const describeErrors = (errors: readonly IntacctErrorEntry[]): string =>
  errors.length === 0
    ? 'no error details given'
    : errors
        .map((e) => [e.errorno, e.description, e.description2, e.correction].map((s) => s.trim()).filter(Boolean).join(' '))
        .join('; ');

const hasErrorno = (errors: readonly IntacctErrorEntry[], match: (errorno: string) => boolean) =>
  errors.some((e) => match(e.errorno.trim()));

const throttled = (errors: readonly IntacctErrorEntry[], retryAfterMs: number | undefined) =>
  IntegrationError.transient(IntacctErrorCode.throttled, `Intacct throttled the request: ${describeErrors(errors)}`, {
    errors,
    ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
  });

/**
 * A control-level failure: the gateway rejected the whole request before running anything, so
 * retrying is always safe. Bad sender credentials pause the pipeline (transient); a request the
 * gateway cannot accept (schema error) will never succeed (permanent).
 */
export const controlFailure = (errors: readonly IntacctErrorEntry[], retryAfterMs?: number): IntegrationError => {
  if (hasErrorno(errors, (n) => n === THROTTLED_ERRORNO)) return throttled(errors, retryAfterMs);
  if (hasErrorno(errors, (n) => n === CREDENTIALS_ERRORNO)) {
    return IntegrationError.transient(IntacctErrorCode.authFailed, `Intacct refused the sender credentials: ${describeErrors(errors)}`, {
      level: 'control',
      errors,
    });
  }
  return IntegrationError.permanent(IntacctErrorCode.requestRejected, `Intacct rejected the request: ${describeErrors(errors)}`, {
    level: 'control',
    errors,
  });
};

/**
 * An authentication failure (bad user, expired session, expired demo company). Nothing ran.
 * Transient: a wrong password must pause the pipeline, not dead-letter every order.
 */
export const authenticationFailure = (errors: readonly IntacctErrorEntry[]): IntegrationError =>
  IntegrationError.transient(IntacctErrorCode.authFailed, `Intacct refused the sign-in: ${describeErrors(errors)}`, {
    level: 'authentication',
    errors,
  });

/** One function failed; the others in the request (if any) are unaffected unless transaction="true". */
export const functionFailure = (result: IntacctFunctionResult, retryAfterMs?: number): IntegrationError => {
  const { errors } = result;
  const details = { level: 'function', function: result.functionName, controlId: result.controlId, errors };
  if (hasErrorno(errors, (n) => DUPLICATE_CONTROLID_ERRORNOS.has(n))) {
    return IntegrationError.permanent(
      IntacctErrorCode.duplicateControlId,
      `Intacct already executed function controlid ${result.controlId}: ${describeErrors(errors)}`,
      details,
    );
  }
  if (hasErrorno(errors, (n) => n === THROTTLED_ERRORNO)) return throttled(errors, retryAfterMs);
  return IntegrationError.permanent(
    IntacctErrorCode.businessError,
    `Intacct ${result.functionName} failed: ${describeErrors(errors)}`,
    details,
  );
};
