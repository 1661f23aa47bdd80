import { err, ok, IntegrationError, type Result } from '@tributary/core';
import { IntacctErrorCode } from '../intacct-error-codes.js';
import { recordsOf } from './list-records.js';
import { listDataSchema, salesDocumentLineRowSchema } from './response-schema.js';

const unreadable = (reason: string) =>
  IntegrationError.transient(IntacctErrorCode.unavailable, `Intacct sent an unreadable SODOCUMENTENTRY list: ${reason}`, {
    outcomeUnknown: false,
  });

/** The DOCHDRID of every line in a readByQuery page; a missing `<data>` is an error, never "no lines". */
export const salesDocumentLineDocIds = (data: unknown): Result<string[], IntegrationError> => {
  if (data === undefined) return err(unreadable('no <data> element'));
  const list = listDataSchema.safeParse(data);
  if (!list.success) return err(unreadable('<data> is not a list'));
  if (list.data === '') return ok([]);

  const docIds: string[] = [];
  for (const record of recordsOf(list.data)) {
    const row = salesDocumentLineRowSchema.safeParse(record);
    if (!row.success) return err(unreadable(row.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')));
    docIds.push(row.data.DOCHDRID);
  }
  return ok(docIds);
};

/** Lines per DOCID, every id asked for present (0 when it has no lines). Lines of ids not asked for are ignored. */
export const countLinesByDocId = (askedFor: readonly string[], lineDocIds: readonly string[]): Map<string, number> => {
  const counts = new Map(askedFor.map((docId) => [docId, 0]));
  for (const docId of lineDocIds) {
    const count = counts.get(docId);
    if (count !== undefined) counts.set(docId, count + 1);
  }
  return counts;
};
