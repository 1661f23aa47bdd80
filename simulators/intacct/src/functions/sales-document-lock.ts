import { Decimal } from 'decimal.js';
import { businessErrors, type GatewayError } from '../gateway/gateway-errors.js';
import type { StoredSalesDocument } from '../simulator-types.js';
import type { XmlElement } from '../xml/xml-reader.js';
import type { FunctionContext } from './function-handler.js';

/** States in which Intacct no longer lets a sales document be edited or deleted (§1.9.1 STATE codes D, C, P). */
const LOCKED_STATES: ReadonlySet<string> = new Set(['Closed', 'Converted', 'Partially Converted']);

export type DocumentChange = 'update' | 'delete';

const summary = (change: DocumentChange) => (change === 'update' ? 'Could not update Document record!' : 'Could not delete Document record!');

/** The document `key="…"` (or `externalkey="true"`) names, or the BL01001973 errors Intacct answers for an unknown key. */
export const targetDocument = (
  verb: XmlElement,
  context: FunctionContext,
  change: DocumentChange,
): { document: StoredSalesDocument } | { errors: GatewayError[] } => {
  const key = verb.attributes['key'] ?? '';
  const document = context.state.document(context.companyId, key, verb.attributes['externalkey'] === 'true');
  if (document) return { document };
  return { errors: businessErrors('Could not find document', `Could not find the sales document '${key}'.`, 'Check the document key.', summary(change)) };
};

/** Why the document may not be changed any more, as BL01001973 errors; undefined when it may. */
export const lockedDocumentErrors = (document: StoredSalesDocument, context: FunctionContext, change: DocumentChange): GatewayError[] | undefined => {
  const verb = change === 'update' ? 'updated' : 'deleted';
  if (LOCKED_STATES.has(document.state)) {
    return businessErrors(
      'Document state does not allow this change',
      `${document.docId} is in state ${document.state}; a ${document.state} document cannot be ${verb}.`,
      'Only Draft or Pending documents can be changed.',
      summary(change),
    );
  }
  const invoice = document.prRecordKey === undefined ? undefined : context.state.arInvoice(context.companyId, document.prRecordKey);
  if (invoice && !new Decimal(invoice.openBalance).equals(invoice.total)) {
    return businessErrors(
      'Document state does not allow this change',
      `${document.docId} has payments applied to its AR invoice ${invoice.recordNo}; a paid document cannot be ${verb}.`,
      'Reverse the payments first.',
      summary(change),
    );
  }
  return undefined;
};
