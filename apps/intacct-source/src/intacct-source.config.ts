import { z } from 'zod';
import { env } from '@tributary/config';

/** intacct-source settings (on top of the common Kafka/registry/ops settings). A singleton: run one replica. */
export const intacctSourceEnvSchema = z.object({
  INTACCT_ENDPOINT_URL: env.url('https://api.intacct.com/ia/xml/xmlgw.phtml'),
  INTACCT_SENDER_ID: env.required('the Web Services sender id'),
  INTACCT_SENDER_PASSWORD: env.required('the Web Services sender password'),
  INTACCT_COMPANY_ID: env.required('the Intacct company id'),
  INTACCT_USER_ID: env.required('the Web Services user id'),
  INTACCT_USER_PASSWORD: env.required('the Web Services user password'),
  INTACCT_ENTITY_ID: z.string().min(1).optional(),
  INTACCT_TIMEOUT_MS: env.positiveInt(30_000),
  /** How often Intacct is asked for stock changes. Each poll is one readByQuery (plus readMore pages). */
  POLL_INTERVAL_MS: env.positiveInt(30_000),
  /** The mapping file's item table turns Intacct ITEMIDs back into Clarity SKUs. */
  MAPPING_FILE: z.string().min(1).default('config/mappings/default.yaml'),
});
export type IntacctSourceConfig = z.infer<typeof intacctSourceEnvSchema>;
