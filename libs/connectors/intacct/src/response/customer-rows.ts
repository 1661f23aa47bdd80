import { err, ok, IntegrationError, type Result } from '@tributary/core';
import { IntacctErrorCode } from '../intacct-error-codes.js';
import type { IntacctCustomerRef } from '../intacct-types.js';
import { recordsOf } from './list-records.js';
import { customerRowSchema, listDataSchema } from './response-schema.js';

const unreadable = (reason: string) =>
  IntegrationError.transient(IntacctErrorCode.unavailable, `Intacct sent an unreadable CUSTOMER list: ${reason}`, {
    outcomeUnknown: false,
  });

/** Customers in a query/readByQuery result; a missing `<data>` is an error, never "none found". */
export const customerRefs = (data: unknown): Result<IntacctCustomerRef[], IntegrationError> => {
  if (data === undefined) return err(unreadable('no <data> element'));
  const list = listDataSchema.safeParse(data);
  if (!list.success) return err(unreadable('<data> is not a list'));
  if (list.data === '') return ok([]);

  const refs: IntacctCustomerRef[] = [];
  for (const record of recordsOf(list.data)) {
    const row = customerRowSchema.safeParse(record);
    if (!row.success) return err(unreadable(row.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')));
    const contact = row.data.DISPLAYCONTACT;
    const email = row.data['DISPLAYCONTACT.EMAIL1'] || (contact ? contact.EMAIL1 : undefined);
    refs.push({
      customerId: row.data.CUSTOMERID,
      recordNo: row.data.RECORDNO,
      name: row.data.NAME,
      ...(email ? { email } : {}),
      ...(row.data.CLARITY_ID ? { clarityId: row.data.CLARITY_ID } : {}),
    });
  }
  return ok(refs);
};
