import type { FunctionHandler } from './function-handler.js';
import { lockedDocumentErrors, targetDocument } from './sales-document-lock.js';
import { deleteSoTransactionSchemaError } from './sales-document-schema.js';

/** Legacy delete_sotransaction (external-apis §1.9.1): removes a Draft or Pending document and the AR invoice it posted. */
export const deleteSoTransaction: FunctionHandler = {
  schema: deleteSoTransactionSchemaError,
  run: (verb, context) => {
    const target = targetDocument(verb, context, 'delete');
    if ('errors' in target) return { ok: false, errors: target.errors };
    const locked = lockedDocumentErrors(target.document, context, 'delete');
    if (locked) return { ok: false, errors: locked };
    context.state.deleteDocument(target.document);
    return { ok: true, key: target.document.docId };
  },
};
