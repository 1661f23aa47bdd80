import { checkKnownOrder } from '../gateway/schema-sequence.js';
import { child, childrenNamed, type XmlElement } from '../xml/xml-reader.js';

/** Element order of GLBATCH (external-apis §1.12). */
const GLBATCH_ORDER = [
  'JOURNAL', 'BATCH_DATE', 'REVERSEDATE', 'BATCH_TITLE', 'HISTORY_COMMENT', 'REFERENCENO', 'BASELOCATION_NO', 'SUPDOCID', 'STATE', 'ENTRIES',
];

/** Element order of GLENTRY (external-apis §1.12): LOCATION and DEPARTMENT, without the ID suffix. */
const GLENTRY_ORDER = [
  'DOCUMENT', 'ACCOUNTNO', 'CURRENCY', 'TRX_AMOUNT', 'TR_TYPE', 'EXCH_RATE_DATE', 'EXCH_RATE_TYPE_ID', 'EXCHANGE_RATE', 'DESCRIPTION',
  'ALLOCATION', 'LOCATION', 'DEPARTMENT', 'PROJECTID', 'TASKID', 'COSTTYPEID', 'CUSTOMERID', 'VENDORID', 'EMPLOYEEID', 'ITEMID',
  'CLASSID', 'CONTRACTID', 'WAREHOUSEID',
];

/** The first element out of order in a GLBATCH or one of its GLENTRY lines, if any. */
export const glBatchSchemaError = (batch: XmlElement): string | undefined => {
  const problem = checkKnownOrder(batch, GLBATCH_ORDER);
  if (problem) return problem;
  const entries = child(batch, 'ENTRIES');
  for (const entry of entries ? childrenNamed(entries, 'GLENTRY') : []) {
    const entryProblem = checkKnownOrder(entry, GLENTRY_ORDER);
    if (entryProblem) return entryProblem;
  }
  return undefined;
};
