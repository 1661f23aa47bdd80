import { IntegrationError } from '@tributary/core';

/** Stable codes of the order → Intacct mapping. */
export const MappingErrorCode = {
  missingField: 'MAPPING.MISSING_FIELD',
  invalidAmount: 'MAPPING.INVALID_AMOUNT',
  invalidLine: 'MAPPING.INVALID_LINE',
  invalidDate: 'MAPPING.INVALID_DATE',
  invalidCurrency: 'MAPPING.INVALID_CURRENCY',
  noLines: 'MAPPING.NO_LINES',
  totalsMismatch: 'MAPPING.TOTALS_MISMATCH',
  invalidRules: 'MAPPING.INVALID_RULES',
} as const;

/** The order itself is wrong: retrying cannot help, so it goes to the dead letter channel. */
export const invalidOrder = (code: string, message: string, details: Record<string, unknown> = {}) =>
  IntegrationError.permanent(code, message, details);

/** Our configuration is wrong: pause (transient) rather than dead-letter every order until it is fixed. */
export const invalidRules = (message: string, details: Record<string, unknown> = {}) =>
  IntegrationError.transient(MappingErrorCode.invalidRules, message, details);
