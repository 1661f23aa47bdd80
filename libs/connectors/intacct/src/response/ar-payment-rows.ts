import { err, ok, IntegrationError, type Result } from '@tributary/core';
import { IntacctErrorCode } from '../intacct-error-codes.js';
import type { IntacctArPaymentRef } from '../intacct-types.js';
import { recordsOf } from './list-records.js';
import { arPaymentRowSchema, listDataSchema } from './response-schema.js';

const unreadable = (reason: string) =>
  IntegrationError.transient(IntacctErrorCode.unavailable, `Intacct sent an unreadable ARPYMT list: ${reason}`, {
    outcomeUnknown: false,
  });

/** ARPYMT rows with their DOCNUMBER; a missing `<data>` is an error, never "none found". */
export const arPaymentRows = (data: unknown): Result<Array<IntacctArPaymentRef & { docNumber: string }>, IntegrationError> => {
  if (data === undefined) return err(unreadable('no <data> element'));
  const list = listDataSchema.safeParse(data);
  if (!list.success) return err(unreadable('<data> is not a list'));
  if (list.data === '') return ok([]);

  const rows: Array<IntacctArPaymentRef & { docNumber: string }> = [];
  for (const record of recordsOf(list.data)) {
    const row = arPaymentRowSchema.safeParse(record);
    if (!row.success) return err(unreadable(row.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')));
    rows.push({
      recordNo: row.data.RECORDNO,
      docNumber: row.data.DOCNUMBER,
      customerId: row.data.CUSTOMERID,
      amount: row.data.TRX_TOTALENTERED || row.data.TOTALENTERED || '',
    });
  }
  return ok(rows);
};
