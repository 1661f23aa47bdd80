import type { IncomingMessage, ServerResponse } from 'node:http';
import type { IntacctSimulator } from '../simulator-types.js';
import { documentStateChangeSchema } from './document-state-schema.js';
import { readBody, sendJson } from './http-io.js';

/**
 * `POST /_sim/documents/state` {docId, state, companyId?}: 200 with the document, 400 for a bad
 * body, 404 for an unknown DOCID, 409 when several companies have that DOCID and none was named.
 */
export const handleDocumentState = async (
  request: IncomingMessage,
  response: ServerResponse,
  admin: Pick<IntacctSimulator, 'setDocumentState'>,
): Promise<void> => {
  let json: unknown;
  try {
    json = JSON.parse(await readBody(request));
  } catch {
    return sendJson(response, 400, { error: 'body must be JSON { docId, state, companyId? }' });
  }
  const change = documentStateChangeSchema.safeParse(json);
  if (!change.success) return sendJson(response, 400, { error: 'invalid document state change', issues: change.error.issues });
  const { docId, state, companyId } = change.data;
  const outcome = admin.setDocumentState({ docId, state, ...(companyId ? { companyId } : {}) });
  switch (outcome.kind) {
    case 'changed':
      return sendJson(response, 200, outcome.document);
    case 'not-found':
      return sendJson(response, 404, { error: `no document ${docId}${companyId ? ` in company ${companyId}` : ''}` });
    case 'ambiguous':
      return sendJson(response, 409, { error: `several companies have ${docId}; name one in companyId`, companyIds: outcome.companyIds });
    case 'invalid-state':
      return sendJson(response, 400, { error: `unknown state ${outcome.state}` });
  }
};
