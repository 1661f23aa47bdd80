import type { StoredSalesDocument } from '../simulator-types.js';
import type { Row } from './query-filter.js';

/** SODOCUMENT fields the simulator can read, in the order `*` returns them. */
export const SODOCUMENT_FIELDS = [
  'RECORDNO',
  'DOCNO',
  'DOCID',
  'DOCPARID',
  'STATE',
  'WHENCREATED',
  'WHENMODIFIED',
  'CUSTVENDID',
  'PONUMBER',
  'MESSAGE',
  'TOTAL',
  'CURRENCY',
  'BASECURR',
  'PRRECORDKEY',
  'CREATEDFROM',
  'SHIPTO.CONTACTNAME',
  'BILLTO.CONTACTNAME',
] as const;

export const usDate = (isoDate: string): string => {
  const [year, month, day] = isoDate.split('-');
  return `${month}/${day}/${year}`;
};

export const usDateTime = (isoTimestamp: string): string => {
  const [date = '', time = ''] = isoTimestamp.split('T');
  return `${usDate(date)} ${time.slice(0, 8)}`;
};

/**
 * A stored document as a SODOCUMENT row. PONUMBER is where `referenceno` lands; CREATEDFROM is the
 * source DOCID; the contacts read back under Intacct's dotted names (SHIPTO.CONTACTNAME).
 */
export const sodocumentRow = (doc: StoredSalesDocument): Row => ({
  RECORDNO: doc.recordNo,
  DOCNO: doc.docNo,
  DOCID: doc.docId,
  DOCPARID: doc.transactionType,
  STATE: doc.state,
  WHENCREATED: usDate(doc.documentDate),
  WHENMODIFIED: usDateTime(doc.modifiedAt ?? doc.createdAt),
  CUSTVENDID: doc.customerId,
  PONUMBER: doc.referenceNo,
  MESSAGE: doc.message ?? '',
  TOTAL: doc.total,
  CURRENCY: doc.currency,
  BASECURR: doc.baseCurrency ?? '',
  PRRECORDKEY: doc.prRecordKey ?? '',
  CREATEDFROM: doc.createdFrom ?? '',
  'SHIPTO.CONTACTNAME': doc.shipToContact ?? '',
  'BILLTO.CONTACTNAME': doc.billToContact ?? '',
});
