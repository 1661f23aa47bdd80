import type { StoredSalesDocument } from '../simulator-types.js';
import type { Row } from './query-filter.js';
import { usDate, usDateTime } from './sodocument-rows.js';

/** SODOCUMENTENTRY fields the simulator can read, in the order `*` returns them. */
export const SODOCUMENTENTRY_FIELDS = [
  'RECORDNO',
  'DOCHDRNO',
  'DOCHDRID',
  'DOCPARID',
  'LINE_NO',
  'ITEMID',
  'QUANTITY',
  'PRICE',
  'TOTAL',
  'WAREHOUSEID',
  'LOCATIONID',
  'DEPARTMENTID',
  'WHENCREATED',
  'WHENMODIFIED',
] as const;

/**
 * The lines of a stored document as SODOCUMENTENTRY rows. LINE_NO counts from 0, as Intacct's
 * does (update_sotransaction's `line_num` is LINE_NO + 1); dates are the header's.
 */
export const sodocumentEntryRows = (doc: StoredSalesDocument): Row[] =>
  doc.lines.map((line) => ({
    RECORDNO: line.recordNo ?? '',
    DOCHDRNO: doc.recordNo,
    DOCHDRID: doc.docId,
    DOCPARID: doc.transactionType,
    LINE_NO: String(line.lineNo - 1),
    ITEMID: line.itemId,
    QUANTITY: line.quantity,
    PRICE: line.price,
    TOTAL: line.lineTotal,
    WAREHOUSEID: line.warehouseId ?? '',
    LOCATIONID: line.locationId ?? '',
    DEPARTMENTID: line.departmentId ?? '',
    WHENCREATED: usDate(doc.documentDate),
    WHENMODIFIED: usDateTime(doc.modifiedAt ?? doc.createdAt),
  }));
