import { err, ok, IntegrationError, type Result } from '@tributary/core';
import type { z } from 'zod';
import { IntacctErrorCode } from '../intacct-error-codes.js';
import { recordsOf } from './list-records.js';
import { listDataSchema } from './response-schema.js';

/**
 * The one record a generic create returns in `<data listtype="objects" count="1">`. Success
 * without it leaves us not knowing what was created: transient, outcome unknown, so the caller
 * looks the record up instead of creating it again.
 */
export const createdRecord = <S extends z.ZodType>(
  data: unknown,
  schema: S,
  object: string,
  controlId: string,
): Result<z.infer<S>, IntegrationError> => {
  const list = listDataSchema.safeParse(data);
  const [record] = list.success && list.data !== '' ? recordsOf(list.data) : [];
  const parsed = schema.safeParse(record);
  if (parsed.success) return ok(parsed.data);
  return err(
    IntegrationError.transient(IntacctErrorCode.unavailable, `Intacct reported success but returned no ${object} record`, {
      outcomeUnknown: true,
      controlId,
    }),
  );
};
