import { err, ok, IntegrationError, type Result } from '@tributary/core';
import { IntacctErrorCode } from '../intacct-error-codes.js';
import type { IntacctContactRef } from '../intacct-types.js';
import { recordsOf } from './list-records.js';
import { contactRowSchema, listDataSchema } from './response-schema.js';

const unreadable = (reason: string) =>
  IntegrationError.transient(IntacctErrorCode.unavailable, `Intacct sent an unreadable CONTACT list: ${reason}`, { outcomeUnknown: false });

/** Contacts in a query/readByQuery result; a missing `<data>` is an error, never "none found". */
export const contactRefs = (data: unknown): Result<IntacctContactRef[], IntegrationError> => {
  if (data === undefined) return err(unreadable('no <data> element'));
  const list = listDataSchema.safeParse(data);
  if (!list.success) return err(unreadable('<data> is not a list'));
  if (list.data === '') return ok([]);

  const refs: IntacctContactRef[] = [];
  for (const record of recordsOf(list.data)) {
    const row = contactRowSchema.safeParse(record);
    if (!row.success) return err(unreadable(row.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')));
    refs.push({ recordNo: row.data.RECORDNO, contactName: row.data.CONTACTNAME });
  }
  return ok(refs);
};
