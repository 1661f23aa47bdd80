import { z } from 'zod';
import { env } from '@tributary/config';
import type { IntacctClientOptions } from './intacct-types.js';

/** An integer variable within [min, max], with a message that says so. */
const intBetween = (min: number, max: number, fallback: number) => {
  const message = `expected an integer from ${min} to ${max}`;
  return z.coerce.number({ message }).int(message).min(min, message).max(max, message).default(fallback);
};

/** The environment variables that say how to reach one Intacct company; every Intacct service uses them. */
export const intacctEnvSchema = z.object({
  INTACCT_ENDPOINT_URL: env.url('https://api.intacct.com/ia/xml/xmlgw.phtml'),
  INTACCT_SENDER_ID: env.required('the Web Services sender id'),
  INTACCT_SENDER_PASSWORD: env.required('the Web Services sender password'),
  INTACCT_COMPANY_ID: env.required('the Intacct company id'),
  INTACCT_USER_ID: env.required('the Web Services user id'),
  INTACCT_USER_PASSWORD: env.required('the Web Services user password'),
  INTACCT_ENTITY_ID: z.string().min(1).optional(),
  INTACCT_TIMEOUT_MS: env.positiveInt(30_000),
  INTACCT_MAX_CONCURRENT_REQUESTS: intBetween(1, 50, 2).describe(
    'HTTP requests in flight at once per Intacct company, shared by all clients of it in the process (one per entity); ' +
      'beyond the performance tier Intacct answers 429 GW-0010. Default 2, the usual tier.',
  ),
  INTACCT_MAX_FUNCTIONS_PER_REQUEST: intBetween(1, 100, 20).describe(
    'Functions of concurrent callers sent together in one request (transaction="false": each commits on its own). ' +
      'Default 20; 1 sends every function alone (no batching).',
  ),
  INTACCT_BATCH_WINDOW_MS: intBetween(0, 1000, 2).describe(
    'Milliseconds a partial batch waits for more functions before asking for a request slot. Default 2.',
  ),
});
export type IntacctEnv = z.infer<typeof intacctEnvSchema>;

/** Client options from those variables; `entityId` overrides the configured entity (entity routing). */
export const intacctClientOptions = (config: IntacctEnv, extra: { entityId?: string | undefined; onRequest?: IntacctClientOptions['onRequest'] } = {}): IntacctClientOptions => {
  const entityId = extra.entityId ?? config.INTACCT_ENTITY_ID;
  return {
    endpointUrl: config.INTACCT_ENDPOINT_URL,
    timeoutMs: config.INTACCT_TIMEOUT_MS,
    maxConcurrentRequests: config.INTACCT_MAX_CONCURRENT_REQUESTS,
    maxFunctionsPerRequest: config.INTACCT_MAX_FUNCTIONS_PER_REQUEST,
    batchWindowMs: config.INTACCT_BATCH_WINDOW_MS,
    credentials: {
      senderId: config.INTACCT_SENDER_ID, senderPassword: config.INTACCT_SENDER_PASSWORD,
      companyId: config.INTACCT_COMPANY_ID, userId: config.INTACCT_USER_ID, userPassword: config.INTACCT_USER_PASSWORD,
      ...(entityId ? { entityId } : {}),
    },
    ...(extra.onRequest ? { onRequest: extra.onRequest } : {}),
  };
};
