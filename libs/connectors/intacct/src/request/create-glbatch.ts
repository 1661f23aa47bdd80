import type { IntacctGlBatch, IntacctGlEntry } from '../intacct-types.js';
import type { XmlTree } from '../xml/xml-codec.js';
import { usDate } from './us-date.js';
import { queryLiteral, type ReadByQuery } from './read-by-query.js';
import type { IntacctFunction } from './request-envelope.js';

/** Key order below is GLENTRY in external-apis §1.12; LOCATION and DEPARTMENT carry no ID suffix here. */
const glEntryXml = (entry: IntacctGlEntry): XmlTree => ({
  ACCOUNTNO: entry.accountNo,
  CURRENCY: entry.currency,
  TRX_AMOUNT: entry.amount,
  TR_TYPE: entry.type === 'debit' ? '1' : '-1',
  DESCRIPTION: entry.description,
  LOCATION: entry.locationId,
  DEPARTMENT: entry.departmentId,
  CUSTOMERID: entry.customerId,
});

/** Key order below is GLBATCH in external-apis §1.12; do not reorder. */
export const createGlBatchXml = (batch: IntacctGlBatch): XmlTree => ({
  JOURNAL: batch.journal,
  BATCH_DATE: usDate(batch.batchDate),
  BATCH_TITLE: batch.title,
  REFERENCENO: batch.referenceNo,
  STATE: batch.state,
  ENTRIES: { GLENTRY: batch.entries.map(glEntryXml) },
});

export const createGlBatchFunction = (batch: IntacctGlBatch, controlId: string): IntacctFunction => ({
  controlId,
  name: 'create:GLBATCH',
  body: { create: { GLBATCH: createGlBatchXml(batch) } },
});

export const GL_BATCH_FIELDS = ['RECORDNO', 'BATCHNO', 'REFERENCENO', 'STATE'] as const;

/** GLBATCH rows whose REFERENCENO (our reference) matches. */
export const glBatchesByReference = (referenceNo: string): ReadByQuery => ({
  object: 'GLBATCH',
  fields: GL_BATCH_FIELDS,
  query: `REFERENCENO = ${queryLiteral(referenceNo)}`,
  // More than one match means a duplicate made by hand; we want to see it, not page.
  pageSize: 10,
});

export const GL_ENTRY_FIELDS = ['RECORDNO', 'LINE_NO', 'ACCOUNTNO', 'TR_TYPE', 'TRX_AMOUNT', 'CURRENCY', 'DESCRIPTION', 'LOCATION', 'DEPARTMENT', 'CUSTOMERID'] as const;

/** The GLENTRY lines of one batch; GLENTRY.BATCHNO is the GLBATCH RECORDNO. */
export const glEntriesOfBatch = (batchRecordNo: string): ReadByQuery => ({
  object: 'GLENTRY',
  fields: GL_ENTRY_FIELDS,
  query: `BATCHNO = ${queryLiteral(batchRecordNo)}`,
  pageSize: 1000,
});
