import { z } from 'zod';
import { env } from '@tributary/config';
import type { IntacctClientOptions } from './intacct-types.js';

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
});
export type IntacctEnv = z.infer<typeof intacctEnvSchema>;

/** Client options from those variables; `entityId` overrides the configured entity (entity routing). */
export const intacctClientOptions = (config: IntacctEnv, extra: { entityId?: string | undefined; onRequest?: IntacctClientOptions['onRequest'] } = {}): IntacctClientOptions => {
  const entityId = extra.entityId ?? config.INTACCT_ENTITY_ID;
  return {
    endpointUrl: config.INTACCT_ENDPOINT_URL,
    timeoutMs: config.INTACCT_TIMEOUT_MS,
    credentials: {
      senderId: config.INTACCT_SENDER_ID, senderPassword: config.INTACCT_SENDER_PASSWORD,
      companyId: config.INTACCT_COMPANY_ID, userId: config.INTACCT_USER_ID, userPassword: config.INTACCT_USER_PASSWORD,
      ...(entityId ? { entityId } : {}),
    },
    ...(extra.onRequest ? { onRequest: extra.onRequest } : {}),
  };
};
