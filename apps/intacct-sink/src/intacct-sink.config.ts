import { z } from 'zod';
import { env } from '@tributary/config';
import { intacctEnvSchema } from '@tributary/connectors-intacct';

/** intacct-sink settings (on top of the common Kafka/registry/ops settings). */
export const intacctSinkEnvSchema = intacctEnvSchema.extend({
  INTACCT_TRANSACTION_TYPE: z.string().min(1).default('Sales Order'),
  INTACCT_CUSTOMER_FROM: z.enum(['fixed', 'order'], { message: 'expected order (find or create the Clarity customer, with dedupe) or fixed (one web-sales customer)' }).default('order'),
  INTACCT_CUSTOMER_ID: z.string().min(1).default('WEBSALES'),
  INTACCT_CUSTOMER_PREFIX: z.string().default(''),
  INTACCT_BASE_CURRENCY: z.string().regex(/^[A-Z]{3}$/, 'expected an ISO 4217 code such as USD').default('USD'),
  INTACCT_WAREHOUSE_ID: z.string().min(1).optional(),
  /** The company's mapping file (items, dimensions, entity routing, rates, anomaly review). */
  MAPPING_FILE: z.string().min(1).default('config/mappings/default.yaml'),
  /** Concurrent partitions = concurrent Intacct requests; Intacct allows 2 per company on most tiers. */
  SINK_CONCURRENCY: env.positiveInt(2),
  /**
   * Orders (keys) handled at the same time within one partition, each key still in order. More in
   * flight fill the client's batches (up to INTACCT_MAX_FUNCTIONS_PER_REQUEST functions per request)
   * without more concurrent requests.
   */
  SINK_LANES_PER_PARTITION: env.positiveInt(8),
  /** How long the group waits for a replica that stopped heartbeating before its partitions move (Kafka allows 6–300 s by default). */
  SINK_SESSION_TIMEOUT_MS: env.positiveInt(30_000),
  RETRY_MAX_ATTEMPTS: env.positiveInt(6),
  RETRY_INITIAL_DELAY_MS: env.positiveInt(200),
  RETRY_MAX_DELAY_MS: env.positiveInt(10_000),
  CIRCUIT_PROBE_INTERVAL_MS: env.positiveInt(5_000),
});
export type IntacctSinkConfig = z.infer<typeof intacctSinkEnvSchema>;
