import { z } from 'zod';
import { env } from '@tributary/config';
import { intacctEnvSchema } from '@tributary/connectors-intacct';

/** intacct-source settings (on top of the common Kafka/registry/ops settings). A singleton: run one replica. */
export const intacctSourceEnvSchema = intacctEnvSchema.extend({
  /** How often Intacct is asked for stock changes. Each poll is one readByQuery (plus readMore pages). */
  POLL_INTERVAL_MS: env.positiveInt(30_000),
  /** The mapping file's item table turns Intacct ITEMIDs back into Clarity SKUs. */
  MAPPING_FILE: z.string().min(1).default('config/mappings/default.yaml'),
});
export type IntacctSourceConfig = z.infer<typeof intacctSourceEnvSchema>;
