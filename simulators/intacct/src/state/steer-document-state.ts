import { documentStateName } from '../functions/sales-document-states.js';
import type { DocumentStateChange, DocumentStateOutcome } from '../simulator-types.js';
import type { DurableState } from './durable-state.js';

/**
 * A document's STATE changed from outside the API, as a user converting, closing or approving it in
 * Intacct would: stored as the readable name, WHENMODIFIED bumped to `now`.
 */
export const steerDocumentState = (state: DurableState, change: DocumentStateChange, now: Date): DocumentStateOutcome => {
  const name = documentStateName(change.state);
  if (!name) return { kind: 'invalid-state', state: change.state };
  const documents = state.documentsWithId(change.docId, change.companyId);
  const [document, ...others] = documents;
  if (!document) return { kind: 'not-found' };
  if (others.length > 0) return { kind: 'ambiguous', companyIds: documents.map((doc) => doc.companyId) };
  document.state = name;
  document.modifiedAt = now.toISOString();
  return { kind: 'changed', document: structuredClone(document) };
};
