import { queryLiteral, type ReadByQuery } from './read-by-query.js';

/** Most DOCIDs one `IN (…)` carries; longer lists are split, so a query string stays a sane size. */
export const MAX_DOCIDS_PER_LINE_QUERY = 100;

/**
 * SODOCUMENTENTRY reads that together return one row per line of the given documents, with only
 * DOCHDRID: enough to count lines without moving their contents. Duplicate ids are read once.
 */
export const salesDocumentLinesOf = (docIds: readonly string[]): ReadByQuery[] => {
  const unique = [...new Set(docIds)];
  const reads: ReadByQuery[] = [];
  for (let start = 0; start < unique.length; start += MAX_DOCIDS_PER_LINE_QUERY) {
    const chunk = unique.slice(start, start + MAX_DOCIDS_PER_LINE_QUERY);
    reads.push({
      object: 'SODOCUMENTENTRY',
      fields: ['DOCHDRID'],
      query: `DOCHDRID IN (${chunk.map(queryLiteral).join(', ')})`,
      pageSize: 1000,
    });
  }
  return reads;
};
