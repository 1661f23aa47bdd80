import { err, ok, IntegrationError, type Result } from '@tributary/core';
import { IntacctErrorCode } from '../intacct-error-codes.js';
import type { IntacctSalesDocumentRef } from '../intacct-types.js';
import { recordsOf } from './list-records.js';
import { listDataSchema, salesDocumentRowSchema } from './response-schema.js';
import { epochMsOf } from './stock-level-rows.js';

const unreadable = (reason: string) =>
  IntegrationError.transient(IntacctErrorCode.unavailable, `Intacct sent an unreadable SODOCUMENT list: ${reason}`, {
    outcomeUnknown: false,
  });

/**
 * Sales documents in a readByQuery result. A missing `<data>` is an error, not "none found": a
 * false "not found" would make the caller create the order twice.
 */
export const salesDocumentRefs = (data: unknown): Result<IntacctSalesDocumentRef[], IntegrationError> => {
  if (data === undefined) return err(unreadable('no <data> element'));
  const list = listDataSchema.safeParse(data);
  if (!list.success) return err(unreadable('<data> is not a list'));
  if (list.data === '') return ok([]);

  const refs: IntacctSalesDocumentRef[] = [];
  for (const record of recordsOf(list.data)) {
    const row = salesDocumentRowSchema.safeParse(record);
    if (!row.success) return err(unreadable(row.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')));
    const modifiedAt = row.data.WHENMODIFIED === '' ? undefined : epochMsOf(row.data.WHENMODIFIED);
    if (row.data.WHENMODIFIED !== '' && modifiedAt === undefined) return err(unreadable(`WHENMODIFIED: no such time '${row.data.WHENMODIFIED}'`));
    refs.push({
      key: row.data.DOCID,
      recordNo: row.data.RECORDNO,
      docNo: row.data.DOCNO,
      state: row.data.STATE,
      total: row.data.TOTAL,
      referenceNo: row.data.PONUMBER,
      ...(row.data.PRRECORDKEY ? { prRecordKey: row.data.PRRECORDKEY } : {}),
      ...(row.data.DOCPARID ? { transactionType: row.data.DOCPARID } : {}),
      ...(row.data.CURRENCY ? { currency: row.data.CURRENCY } : {}),
      ...(row.data.WHENCREATED ? { whenCreated: row.data.WHENCREATED } : {}),
      ...(modifiedAt === undefined ? {} : { modifiedAt }),
      ...(row.data.CREATEDFROM ? { createdFrom: row.data.CREATEDFROM } : {}),
      ...(row.data.CUSTVENDID ? { customerId: row.data.CUSTVENDID } : {}),
    });
  }
  return ok(refs);
};

/** A document read by a change poll: its WHENMODIFIED is known. */
export type ChangedSalesDocumentRef = IntacctSalesDocumentRef & { modifiedAt: number };

/** Sales documents of a change poll; a row without WHENMODIFIED cannot be placed in time, so it makes the page unreadable. */
export const changedSalesDocumentRefs = (data: unknown): Result<ChangedSalesDocumentRef[], IntegrationError> => {
  const refs = salesDocumentRefs(data);
  if (!refs.ok) return err(refs.error);
  const changed: ChangedSalesDocumentRef[] = [];
  for (const ref of refs.value) {
    if (ref.modifiedAt === undefined) return err(unreadable(`WHENMODIFIED missing on ${ref.key}`));
    changed.push({ ...ref, modifiedAt: ref.modifiedAt });
  }
  return ok(changed);
};

/** The resultId of a readByQuery page that has more rows (readMore continues it), if any. */
export const remainingResultId = (data: unknown): string | undefined => {
  const list = listDataSchema.safeParse(data);
  if (!list.success || list.data === '') return undefined;
  const remaining = Number(list.data['@_numremaining'] ?? 0);
  const resultId = list.data['@_resultId'];
  return remaining > 0 && typeof resultId === 'string' && resultId !== '' ? resultId : undefined;
};
