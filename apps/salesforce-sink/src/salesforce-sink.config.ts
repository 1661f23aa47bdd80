import { z } from 'zod';
import { env } from '@tributary/config';
import { salesforceEnvSchema } from '@tributary/connectors-salesforce';

/** salesforce-sink settings (on top of the common Kafka/registry/ops settings). */
export const salesforceSinkEnvSchema = salesforceEnvSchema.extend({
  /** The company's mapping file (`salesforce` section: shapes, record types, picklists, sync condition, order rules). */
  MAPPING_FILE: z.string().min(1).default('config/mappings/default.yaml'),
  /** Messages in flight (one per partition); their upserts share sObject collection calls. */
  SINK_CONCURRENCY: env.positiveInt(6),
  /** How long an upsert waits for batch mates before its collection call goes out. */
  SALESFORCE_BATCH_LINGER_MS: env.positiveInt(25),
  /** Records per collection call (≤ 200). */
  SALESFORCE_BATCH_MAX: env.positiveInt(200),
  /** Share of the org's daily API allocation this sink may use; above it the sink pauses before the org runs dry. */
  SALESFORCE_API_BUDGET_SHARE: z.coerce.number().gt(0).max(1).default(0.8),
  /** How long a partition waits after REQUEST_LIMIT_EXCEEDED or the budget share before it asks again. */
  SALESFORCE_LIMIT_RETRY_AFTER_MS: env.positiveInt(15 * 60 * 1000),
  /** Optional: enrich customers without a last name from Clarity's API (CLARITY_API_URL and its credentials). */
  CLARITY_API_URL: z.string().url().optional(),
  CLARITY_CLIENT_ID: z.string().min(1).optional(),
  CLARITY_CLIENT_SECRET: z.string().min(1).optional(),
  RETRY_MAX_ATTEMPTS: env.positiveInt(6),
  RETRY_INITIAL_DELAY_MS: env.positiveInt(200),
  RETRY_MAX_DELAY_MS: env.positiveInt(10_000),
  CIRCUIT_PROBE_INTERVAL_MS: env.positiveInt(5_000),
});
export type SalesforceSinkConfig = z.infer<typeof salesforceSinkEnvSchema>;
