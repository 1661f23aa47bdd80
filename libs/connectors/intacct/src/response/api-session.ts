import { err, ok, IntegrationError, type Result } from '@tributary/core';
import { IntacctErrorCode } from '../intacct-error-codes.js';
import { apiSessionDataSchema } from './response-schema.js';

export interface ApiSession {
  sessionId: string;
  /** The company's own gateway; later calls of the session go there. */
  endpoint: string;
}

export const apiSessionFrom = (data: unknown): Result<ApiSession, IntegrationError> => {
  const parsed = apiSessionDataSchema.safeParse(data);
  const api = parsed.success ? parsed.data.api[0] : undefined;
  if (!api) {
    return err(
      IntegrationError.transient(IntacctErrorCode.unavailable, 'Intacct getAPISession returned no sessionid/endpoint', {
        outcomeUnknown: false,
      }),
    );
  }
  return ok({ sessionId: api.sessionid, endpoint: api.endpoint });
};
