import type { IntacctFunction } from './request-envelope.js';
import { usDate } from './us-date.js';

/** A string literal in the readByQuery language: single quotes, backslash escapes (external-apis §1.8.2). */
export const queryLiteral = (value: string): string => `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

export interface ReadByQuery {
  object: string;
  fields: readonly string[];
  query: string;
  pageSize: number;
}

export const readByQueryFunction = (read: ReadByQuery, controlId: string): IntacctFunction => ({
  controlId,
  name: 'readByQuery',
  body: {
    readByQuery: {
      object: read.object,
      fields: read.fields.join(','),
      query: read.query,
      pagesize: String(read.pageSize),
    },
  },
});

export const SALES_DOCUMENT_FIELDS = ['RECORDNO', 'DOCID', 'DOCNO', 'DOCPARID', 'STATE', 'TOTAL', 'PONUMBER', 'PRRECORDKEY', 'CURRENCY', 'WHENCREATED', 'WHENMODIFIED', 'CREATEDFROM', 'CUSTVENDID'] as const;


/** SODOCUMENT rows of some transaction definitions created in a date range (for reconciliation). */
export const salesDocumentsCreatedBetween = (transactionTypes: readonly string[], from: { year: number; month: number; day: number }, to: { year: number; month: number; day: number }): ReadByQuery => ({
  object: 'SODOCUMENT',
  fields: SALES_DOCUMENT_FIELDS,
  query: `WHENCREATED >= '${usDate(from)}' AND WHENCREATED <= '${usDate(to)}' AND DOCPARID IN (${transactionTypes.map(queryLiteral).join(', ')})`,
  pageSize: 1000,
});

export const readMoreFunction = (resultId: string, controlId: string): IntacctFunction => ({
  controlId,
  name: 'readMore',
  body: { readMore: { resultId } },
});

/** SODOCUMENT rows of one transaction definition whose PONUMBER (our `referenceno`) matches. */
export const salesDocumentsByReference = (transactionType: string, referenceNo: string): ReadByQuery => ({
  object: 'SODOCUMENT',
  fields: SALES_DOCUMENT_FIELDS,
  query: `DOCPARID = ${queryLiteral(transactionType)} AND PONUMBER = ${queryLiteral(referenceNo)}`,
  // More than one match means someone created a duplicate by hand; we want to see it, not page.
  pageSize: 10,
});

export const getApiSessionFunction = (controlId: string, locationId?: string): IntacctFunction => ({
  controlId,
  name: 'getAPISession',
  body: { getAPISession: locationId ? { locationid: locationId } : '' },
});
