import type { StoredGlBatch } from '../simulator-types.js';
import { usDateTime } from './itemwarehouseinfo-rows.js';
import type { Row } from './query-filter.js';

/** GLBATCH fields the simulator can read, in the order `*` returns them. */
export const GLBATCH_FIELDS = ['RECORDNO', 'BATCHNO', 'JOURNAL', 'BATCH_DATE', 'BATCH_TITLE', 'REFERENCENO', 'STATE', 'WHENCREATED', 'WHENMODIFIED'] as const;

/**
 * GLENTRY fields the simulator can read. As in Intacct, GLENTRY.BATCHNO is the parent GLBATCH's
 * RECORDNO; the journal's batch number is BATCH_NUMBER.
 */
export const GLENTRY_FIELDS = [
  'RECORDNO', 'BATCHNO', 'BATCH_NUMBER', 'JOURNAL', 'LINE_NO', 'ACCOUNTNO', 'TR_TYPE', 'TRX_AMOUNT', 'CURRENCY', 'DESCRIPTION', 'LOCATION', 'DEPARTMENT',
  'CUSTOMERID',
] as const;

export const glBatchRow = (batch: StoredGlBatch): Row => ({
  RECORDNO: batch.recordNo,
  BATCHNO: batch.batchNo,
  JOURNAL: batch.journal,
  BATCH_DATE: batch.batchDate,
  BATCH_TITLE: batch.title,
  REFERENCENO: batch.referenceNo ?? '',
  STATE: batch.state,
  WHENCREATED: usDateTime(batch.createdAt),
  WHENMODIFIED: usDateTime(batch.createdAt),
});

export const glEntryRows = (batch: StoredGlBatch): Row[] =>
  batch.entries.map((entry) => ({
    RECORDNO: entry.recordNo,
    BATCHNO: batch.recordNo,
    BATCH_NUMBER: batch.batchNo,
    JOURNAL: batch.journal,
    LINE_NO: String(entry.lineNo),
    ACCOUNTNO: entry.accountNo,
    TR_TYPE: String(entry.trType),
    TRX_AMOUNT: entry.amount,
    CURRENCY: entry.currency ?? '',
    DESCRIPTION: entry.description ?? '',
    LOCATION: entry.location ?? '',
    DEPARTMENT: entry.department ?? '',
    CUSTOMERID: entry.customerId ?? '',
  }));
