import { z } from 'zod';
import { commonEnvSchema, env } from '@tributary/config';

/** What the operator CLI needs: the same Kafka and Intacct settings as the services. */
export const cliEnvSchema = commonEnvSchema.extend({
  INTACCT_ENDPOINT_URL: env.url('https://api.intacct.com/ia/xml/xmlgw.phtml'),
  INTACCT_SENDER_ID: env.required('the Web Services sender id'),
  INTACCT_SENDER_PASSWORD: env.required('the Web Services sender password'),
  INTACCT_COMPANY_ID: env.required('the Intacct company id'),
  INTACCT_USER_ID: env.required('the Web Services user id'),
  INTACCT_USER_PASSWORD: env.required('the Web Services user password'),
  INTACCT_ENTITY_ID: z.string().min(1).optional(),
  INTACCT_TIMEOUT_MS: env.positiveInt(30_000),
});
export type CliConfig = z.infer<typeof cliEnvSchema>;
