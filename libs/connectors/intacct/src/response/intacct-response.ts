import { err, ok, IntegrationError, type Result } from '@tributary/core';
import { IntacctErrorCode } from '../intacct-error-codes.js';
import { parseXml } from '../xml/xml-codec.js';
import { responseSchema, type errorMessageSchema } from './response-schema.js';
import type { z } from 'zod';

/** One `<error>` of an `<errormessage>`; several can describe one failure. */
export interface IntacctErrorEntry {
  errorno: string;
  description: string;
  description2: string;
  correction: string;
}

export interface IntacctFunctionResult {
  status: string;
  functionName: string;
  controlId: string;
  key?: string;
  data?: unknown;
  errors: IntacctErrorEntry[];
}

/** The three shapes a parsed reply can take (external-apis §1.3). */
export type IntacctResponse =
  | { kind: 'control-failure'; errors: IntacctErrorEntry[] }
  | { kind: 'authentication-failure'; errors: IntacctErrorEntry[] }
  | { kind: 'operation'; results: IntacctFunctionResult[] };

const toErrors = (message: z.infer<typeof errorMessageSchema>): IntacctErrorEntry[] =>
  message && typeof message === 'object'
    ? message.error.map((e) => ({
        errorno: e.errorno,
        description: e.description ?? '',
        description2: e.description2 ?? '',
        correction: e.correction ?? '',
      }))
    : [];

const malformed = (reason: string, cause?: unknown) =>
  IntegrationError.transient(
    IntacctErrorCode.unavailable,
    `Intacct sent an unreadable reply: ${reason}`,
    // The request reached Intacct; whatever it did is unknown to us.
    { outcomeUnknown: true },
    cause,
  );

/** Reads a gateway reply. A reply we cannot read is a transient failure with an unknown outcome. */
export const parseIntacctResponse = (xml: string): Result<IntacctResponse, IntegrationError> => {
  let tree: unknown;
  try {
    tree = parseXml(xml);
  } catch (error) {
    return err(malformed('not XML', error));
  }
  const parsed = responseSchema.safeParse(tree);
  if (!parsed.success) return err(malformed(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')));

  const { control, operation, errormessage } = parsed.data.response;
  if (control.status !== 'success' || !operation) {
    return ok({ kind: 'control-failure', errors: toErrors(errormessage) });
  }
  if (operation.authentication.status !== 'success') {
    return ok({ kind: 'authentication-failure', errors: toErrors(operation.errormessage) });
  }
  return ok({
    kind: 'operation',
    results: operation.result.map((r) => ({
      status: r.status,
      functionName: r.function,
      controlId: r.controlid,
      key: r.key,
      data: r.data,
      errors: toErrors(r.errormessage),
    })),
  });
};
