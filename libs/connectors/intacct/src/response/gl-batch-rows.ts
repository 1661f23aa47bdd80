import { err, ok, IntegrationError, type Result } from '@tributary/core';
import { z } from 'zod';
import { IntacctErrorCode } from '../intacct-error-codes.js';
import type { IntacctGlBatchRef, IntacctGlEntryRow } from '../intacct-types.js';
import { recordsOf } from './list-records.js';
import { listDataSchema } from './response-schema.js';

/** `<glbatch>` in a GLBATCH create reply. */
export const createdGlBatchSchema = z.object({ RECORDNO: z.string().min(1) });

const glBatchRowSchema = z.object({
  RECORDNO: z.string().min(1),
  BATCHNO: z.string().default(''),
  REFERENCENO: z.string().default(''),
  STATE: z.string().default(''),
});

const optionalText = z.string().optional();

const glEntryRowSchema = z.object({
  RECORDNO: z.string().min(1),
  LINE_NO: z.string().regex(/^\d+$/, 'a line number'),
  ACCOUNTNO: z.string().min(1),
  TR_TYPE: z.enum(['1', '-1']),
  TRX_AMOUNT: z.string().regex(/^\d+(\.\d+)?$/, 'a positive decimal'),
  CURRENCY: optionalText,
  DESCRIPTION: optionalText,
  LOCATION: optionalText,
  DEPARTMENT: optionalText,
  CUSTOMERID: optionalText,
});

const unreadable = (object: string, reason: string) =>
  IntegrationError.transient(IntacctErrorCode.unavailable, `Intacct sent an unreadable ${object} list: ${reason}`, {
    outcomeUnknown: false,
  });

/** The rows of a readByQuery page, each checked by `schema`; a missing `<data>` is an error, never "none found". */
const rowsOf = <S extends z.ZodType>(object: string, data: unknown, schema: S): Result<Array<z.infer<S>>, IntegrationError> => {
  if (data === undefined) return err(unreadable(object, 'no <data> element'));
  const list = listDataSchema.safeParse(data);
  if (!list.success) return err(unreadable(object, '<data> is not a list'));
  if (list.data === '') return ok([]);
  const rows: Array<z.infer<S>> = [];
  for (const record of recordsOf(list.data)) {
    const row = schema.safeParse(record);
    if (!row.success) return err(unreadable(object, row.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')));
    rows.push(row.data);
  }
  return ok(rows);
};

export const glBatchRefs = (data: unknown): Result<IntacctGlBatchRef[], IntegrationError> => {
  const rows = rowsOf('GLBATCH', data, glBatchRowSchema);
  if (!rows.ok) return rows;
  return ok(rows.value.map((row) => ({ recordNo: row.RECORDNO, batchNo: row.BATCHNO, referenceNo: row.REFERENCENO, state: row.STATE })));
};

export const glEntryRows = (data: unknown): Result<IntacctGlEntryRow[], IntegrationError> => {
  const rows = rowsOf('GLENTRY', data, glEntryRowSchema);
  if (!rows.ok) return rows;
  return ok(
    rows.value.map((row) => ({
      recordNo: row.RECORDNO,
      lineNo: Number(row.LINE_NO),
      accountNo: row.ACCOUNTNO,
      amount: row.TRX_AMOUNT,
      type: row.TR_TYPE === '1' ? 'debit' : 'credit',
      ...(row.CURRENCY ? { currency: row.CURRENCY } : {}),
      ...(row.DESCRIPTION ? { description: row.DESCRIPTION } : {}),
      ...(row.LOCATION ? { locationId: row.LOCATION } : {}),
      ...(row.DEPARTMENT ? { departmentId: row.DEPARTMENT } : {}),
      ...(row.CUSTOMERID ? { customerId: row.CUSTOMERID } : {}),
    })),
  );
};
