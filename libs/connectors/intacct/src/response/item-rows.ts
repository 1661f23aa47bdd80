import { err, ok, IntegrationError, type Result } from '@tributary/core';
import { z } from 'zod';
import { IntacctErrorCode } from '../intacct-error-codes.js';
import type { IntacctItem } from '../intacct-types.js';
import { recordsOf } from './list-records.js';
import { listDataSchema, US_DATE_TIME } from './response-schema.js';
import { epochMsOf } from './stock-level-rows.js';

/** An ITEM row; STATUS is read case-insensitively, empty BASEPRICE and SODESCRIPTION mean "not set". */
const itemRowSchema = z.object({
  RECORDNO: z.string().min(1),
  ITEMID: z.string().min(1),
  NAME: z.string().default(''),
  STATUS: z.string().transform((s) => s.toLowerCase()).pipe(z.enum(['active', 'inactive'])),
  BASEPRICE: z.union([z.string().regex(/^\d+(\.\d+)?$/, 'a non-negative decimal'), z.literal('')]).optional(),
  SODESCRIPTION: z.string().optional(),
  WHENMODIFIED: z.string().regex(US_DATE_TIME, 'mm/dd/yyyy HH:MM:SS'),
});

const unreadable = (reason: string) =>
  IntegrationError.transient(IntacctErrorCode.unavailable, `Intacct sent an unreadable ITEM list: ${reason}`, {
    outcomeUnknown: false,
  });

/** Items of a readByQuery page; a missing `<data>` is an error, never "nothing changed". */
export const itemRows = (data: unknown): Result<IntacctItem[], IntegrationError> => {
  if (data === undefined) return err(unreadable('no <data> element'));
  const list = listDataSchema.safeParse(data);
  if (!list.success) return err(unreadable('<data> is not a list'));
  if (list.data === '') return ok([]);

  const items: IntacctItem[] = [];
  for (const record of recordsOf(list.data)) {
    const row = itemRowSchema.safeParse(record);
    if (!row.success) return err(unreadable(row.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')));
    const modifiedAt = epochMsOf(row.data.WHENMODIFIED);
    if (modifiedAt === undefined) return err(unreadable(`WHENMODIFIED: no such time '${row.data.WHENMODIFIED}'`));
    items.push({
      recordNo: row.data.RECORDNO,
      itemId: row.data.ITEMID,
      name: row.data.NAME,
      status: row.data.STATUS,
      ...(row.data.BASEPRICE ? { basePrice: row.data.BASEPRICE } : {}),
      ...(row.data.SODESCRIPTION ? { description: row.data.SODESCRIPTION } : {}),
      modifiedAt,
    });
  }
  return ok(items);
};
