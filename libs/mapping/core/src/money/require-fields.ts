import { IntegrationError, err, ok, type Result } from '@tributary/core';
import { moneyErrorCodes } from './error-codes.js';

/** "BillingAddress.lines[0].city" → ["BillingAddress", "lines", "0", "city"]. */
const segments = (path: string): string[] => path.split(/[.[\]]+/).filter((segment) => segment !== '');

const valueAt = (record: unknown, path: string): unknown =>
  segments(path).reduce<unknown>((value, segment) => (value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[segment] : undefined), record);

/** Blank text counts as missing: the target systems reject it just as they reject an absent field. */
const isMissing = (value: unknown): boolean => value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

/**
 * Checks the fields a target system insists on (a Salesforce Contact's LastName, an Intacct
 * customer's name) before we call it, naming every missing one at once so a single fix clears
 * the dead letter. `paths` are dotted, with [n] for array items.
 */
export const requireFields = (record: unknown, paths: readonly string[], system: string): Result<void, IntegrationError> => {
  const missing = paths.filter((path) => isMissing(valueAt(record, path)));
  if (missing.length === 0) return ok(undefined);
  const fields = missing.join(', ');
  return err(
    IntegrationError.permanent(
      moneyErrorCodes.missingField,
      `${system} requires ${missing.length === 1 ? 'a value for' : 'values for'} ${fields}, but the record has none`,
      { system, missing, path: missing[0] },
    ),
  );
};
