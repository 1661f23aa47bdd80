import { queryLiteral, SALES_DOCUMENT_FIELDS, type ReadByQuery } from './read-by-query.js';
import { intacctDateTime } from './stock-changes.js';

/**
 * SODOCUMENT rows of some transaction definitions modified at or after `sinceMs` (to the second,
 * inclusive), for a polling source: a state a user changed in Intacct bumps WHENMODIFIED.
 */
export const salesDocumentsChangedSince = (transactionTypes: readonly string[], sinceMs: number): ReadByQuery => ({
  object: 'SODOCUMENT',
  fields: SALES_DOCUMENT_FIELDS,
  query: `DOCPARID IN (${transactionTypes.map(queryLiteral).join(', ')}) AND WHENMODIFIED >= '${intacctDateTime(sinceMs)}'`,
  pageSize: 1000,
});
