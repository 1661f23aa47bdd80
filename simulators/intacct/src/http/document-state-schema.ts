import { z } from 'zod';
import { DOCUMENT_STATE_NAMES, documentStateName } from '../functions/sales-document-states.js';

/** Body of `POST /_sim/documents/state`: a state name or code of external-apis §1.9.1. */
export const documentStateChangeSchema = z.object({
  docId: z.string().min(1),
  state: z
    .string()
    .refine((state) => documentStateName(state) !== undefined, {
      message: `a state name or code: ${Object.entries(DOCUMENT_STATE_NAMES).map(([code, name]) => `${name} (${code})`).join(', ')}`,
    }),
  companyId: z.string().min(1).optional(),
});
