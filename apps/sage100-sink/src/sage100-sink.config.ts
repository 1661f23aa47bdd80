import { z } from 'zod';
import { env } from '@tributary/config';
import { sage100EnvSchema } from '@tributary/connectors-sage100';

/** sage100-sink settings (on top of the common Kafka/registry/ops settings and the facade's SAGE100_*). */
export const sage100SinkEnvSchema = sage100EnvSchema.extend({
  /** The company's mapping file (items, payment types, routing, the `sage100` rules). */
  MAPPING_FILE: z.string().min(1).default('config/mappings/default.yaml'),
  /** Concurrent partitions = concurrent orders in flight; the agent allows SAGE100_MAX_CONCURRENT_REQUESTS requests at once. */
  SINK_CONCURRENCY: env.positiveInt(4),
  RETRY_MAX_ATTEMPTS: env.positiveInt(6),
  RETRY_INITIAL_DELAY_MS: env.positiveInt(200),
  RETRY_MAX_DELAY_MS: env.positiveInt(10_000),
  CIRCUIT_PROBE_INTERVAL_MS: env.positiveInt(5_000),
  /** How often held orders past their deadline are checked again (the deadline itself is in the mapping file). */
  HELD_ORDER_CHECK_INTERVAL_MS: env.positiveInt(60_000),
});
export type Sage100SinkConfig = z.infer<typeof sage100SinkEnvSchema>;
