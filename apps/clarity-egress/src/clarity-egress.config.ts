import { z } from 'zod';
import { env } from '@tributary/config';
import { clarityApiEnvSchema } from '@tributary/connectors-clarity';

/** clarity-egress settings (on top of the common Kafka/registry/ops settings and Clarity's API variables). */
export const clarityEgressEnvSchema = clarityApiEnvSchema.extend({
  /** The company's mapping file: its statusMaps say which ERP state is Clarity's "shipped". */
  MAPPING_FILE: z.string().min(1).default('config/mappings/default.yaml'),
  /** Inventory levels are coalesced per SKU@location and pushed at most once per this interval (oversold at once). */
  CLARITY_INVENTORY_FLUSH_MS: env.positiveInt(1_000),
  /** Inventory messages read but not yet pushed before reading pauses (back-pressure during an outage). */
  CLARITY_INVENTORY_MAX_BUFFERED: env.positiveInt(50_000),
  /** Tries while an order number has no known Clarity order id (its order event may lag); keep below RETRY_MAX_ATTEMPTS. */
  CLARITY_ORDER_LOOKUP_ATTEMPTS: env.positiveInt(4),
  /** Partitions handled at the same time by the shipment, customer and order-status pipelines. */
  SINK_CONCURRENCY: env.positiveInt(4),
  RETRY_MAX_ATTEMPTS: env.positiveInt(6),
  RETRY_INITIAL_DELAY_MS: env.positiveInt(200),
  RETRY_MAX_DELAY_MS: env.positiveInt(10_000),
  CIRCUIT_PROBE_INTERVAL_MS: env.positiveInt(5_000),
});
export type ClarityEgressConfig = z.infer<typeof clarityEgressEnvSchema>;
