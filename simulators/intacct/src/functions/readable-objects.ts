import type { FunctionContext } from './function-handler.js';
import { ARPYMT_FIELDS, arPaymentRow } from './arpymt-rows.js';
import { CONTACT_FIELDS, contactRow } from './contact-rows.js';
import { CUSTOMER_FIELDS, customerRow } from './customer-rows.js';
import { GLBATCH_FIELDS, GLENTRY_FIELDS, glBatchRow, glEntryRows } from './glbatch-rows.js';
import { ITEM_FIELDS, itemRow } from './item-rows.js';
import { ITEMWAREHOUSEINFO_FIELDS, stockRow } from './itemwarehouseinfo-rows.js';
import type { Row } from './query-filter.js';
import { SODOCUMENT_FIELDS, sodocumentRow } from './sodocument-rows.js';
import { SODOCUMENTENTRY_FIELDS, sodocumentEntryRows } from './sodocumententry-rows.js';

/** An object readByQuery and query can read: its fields (in `*` order) and the caller's rows. */
export interface ReadableObject {
  fields: readonly string[];
  rows: (context: FunctionContext) => Row[];
}

export const READABLE_OBJECTS: Readonly<Record<string, ReadableObject>> = {
  SODOCUMENT: { fields: SODOCUMENT_FIELDS, rows: (context) => context.state.documentsOf(context.companyId).map(sodocumentRow) },
  SODOCUMENTENTRY: { fields: SODOCUMENTENTRY_FIELDS, rows: (context) => context.state.documentsOf(context.companyId).flatMap(sodocumentEntryRows) },
  CUSTOMER: { fields: CUSTOMER_FIELDS, rows: (context) => context.state.customersOf(context.companyId).map(customerRow) },
  CONTACT: { fields: CONTACT_FIELDS, rows: (context) => context.state.contactsOf(context.companyId).map(contactRow) },
  ARPYMT: { fields: ARPYMT_FIELDS, rows: (context) => context.state.paymentsOf(context.companyId).map(arPaymentRow) },
  // Stock is shared by every company of the simulator.
  ITEMWAREHOUSEINFO: { fields: ITEMWAREHOUSEINFO_FIELDS, rows: (context) => context.inventory.rowsInOrder().map(stockRow) },
  GLBATCH: { fields: GLBATCH_FIELDS, rows: (context) => context.state.glBatchesOf(context.companyId).map(glBatchRow) },
  GLENTRY: { fields: GLENTRY_FIELDS, rows: (context) => context.state.glBatchesOf(context.companyId).flatMap(glEntryRows) },
  // Items are shared by every company, like stock.
  ITEM: { fields: ITEM_FIELDS, rows: (context) => context.state.itemsInOrder().map(itemRow) },
};
