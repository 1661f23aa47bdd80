/**
 * The one error type that crosses stage boundaries. Every failure is classified where it is
 * raised: `transient` failures are retried (and pause the partition when they outlast their
 * retries); permanent ones go to the dead letter channel at once.
 *
 * `code` is stable and machine-readable: `VENDOR.REASON` or `STAGE.REASON`
 * (e.g. `INTACCT.BUSINESS_ERROR`, `DECODE.UNKNOWN_SCHEMA`, `MAPPING.MISSING_ITEM`).
 */
export class IntegrationError extends Error {
  override readonly name = 'IntegrationError';

  constructor(
    readonly code: string,
    message: string,
    readonly transient: boolean,
    readonly details: Readonly<Record<string, unknown>> = {},
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }

  static transient(code: string, message: string, details?: Record<string, unknown>, cause?: unknown) {
    return new IntegrationError(code, message, true, details, { cause });
  }

  static permanent(code: string, message: string, details?: Record<string, unknown>, cause?: unknown) {
    return new IntegrationError(code, message, false, details, { cause });
  }
}

/** Errors we did not classify are treated as transient: an unknown failure must not lose data. */
export const asIntegrationError = (error: unknown, fallbackCode = 'UNCLASSIFIED'): IntegrationError => {
  if (error instanceof IntegrationError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new IntegrationError(fallbackCode, message, true, {}, { cause: error });
};

/** Milliseconds the remote system asked us to wait before retrying, when it said so. */
export const retryAfterMs = (error: IntegrationError): number | undefined => {
  const value = error.details['retryAfterMs'];
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : undefined;
};
