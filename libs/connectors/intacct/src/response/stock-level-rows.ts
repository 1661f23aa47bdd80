import { err, ok, IntegrationError, type Result } from '@tributary/core';
import { IntacctErrorCode } from '../intacct-error-codes.js';
import type { IntacctStockLevel } from '../intacct-types.js';
import { recordsOf } from './list-records.js';
import { listDataSchema, stockLevelRowSchema, US_DATE_TIME } from './response-schema.js';

const unreadable = (reason: string) =>
  IntegrationError.transient(IntacctErrorCode.unavailable, `Intacct sent an unreadable ITEMWAREHOUSEINFO list: ${reason}`, {
    outcomeUnknown: false,
  });

/** `mm/dd/yyyy HH:MM:SS` read as UTC epoch ms; undefined for an impossible date such as 02/30. */
export const epochMsOf = (usDateTime: string): number | undefined => {
  const parts = US_DATE_TIME.exec(usDateTime)?.slice(1).map(Number);
  if (!parts) return undefined;
  const [month = 0, day = 0, year = 0, hour = 0, minute = 0, second = 0] = parts;
  const ms = Date.UTC(year, month - 1, day, hour, minute, second);
  const t = new Date(ms);
  const exact = t.getUTCMonth() === month - 1 && t.getUTCDate() === day && t.getUTCHours() === hour && t.getUTCMinutes() === minute && t.getUTCSeconds() === second;
  return exact ? ms : undefined;
};

/** Stock rows of a readByQuery page; a missing `<data>` is an error, never "nothing changed". */
export const stockLevels = (data: unknown): Result<IntacctStockLevel[], IntegrationError> => {
  if (data === undefined) return err(unreadable('no <data> element'));
  const list = listDataSchema.safeParse(data);
  if (!list.success) return err(unreadable('<data> is not a list'));
  if (list.data === '') return ok([]);

  const levels: IntacctStockLevel[] = [];
  for (const record of recordsOf(list.data)) {
    const row = stockLevelRowSchema.safeParse(record);
    if (!row.success) return err(unreadable(row.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')));
    const modifiedAt = epochMsOf(row.data.WHENMODIFIED);
    if (modifiedAt === undefined) return err(unreadable(`WHENMODIFIED: no such time '${row.data.WHENMODIFIED}'`));
    levels.push({
      recordNo: row.data.RECORDNO,
      itemId: row.data.ITEMID,
      warehouseId: row.data.WAREHOUSEID,
      qtyOnHand: row.data.QTYONHAND,
      ...(row.data.QTYONORDER ? { qtyOnOrder: row.data.QTYONORDER } : {}),
      ...(row.data.QTYONHOLD ? { qtyOnHold: row.data.QTYONHOLD } : {}),
      modifiedAt,
    });
  }
  return ok(levels);
};
