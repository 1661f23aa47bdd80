import { z } from 'zod';
import { env } from '@tributary/config';
import { sage100EnvSchema } from '@tributary/connectors-sage100';

/** sage100-source settings (on top of the common Kafka/registry/ops settings). A singleton: run one replica. */
export const sage100SourceEnvSchema = sage100EnvSchema.extend({
  /** How often the facade is asked for changes; each feed is one list (all pages) per poll. */
  POLL_INTERVAL_MS: env.positiveInt(30_000),
  /** Which feeds to poll, comma-separated: shipments (SO invoices with tracking), stock (IM_ItemWarehouse), orders (sales order status). */
  SAGE100_SOURCE_FEEDS: z
    .string()
    .default('shipments,stock,orders')
    .transform((value) => value.split(',').map((name) => name.trim()).filter(Boolean))
    .pipe(z.array(z.enum(['shipments', 'stock', 'orders'], { message: 'expected shipments, stock or orders' })).min(1, 'expected at least one feed')),
  /** Companies to poll, comma-separated (default: SAGE100_COMPANY_CODE). */
  SAGE100_SOURCE_COMPANIES: z.string().optional().transform((value) => value?.split(',').map((c) => c.trim()).filter(Boolean)),
  /** The mapping file's item table turns ItemCodes back into Clarity SKUs; its sage100 rules name carriers and warehouses. */
  MAPPING_FILE: z.string().min(1).default('config/mappings/default.yaml'),
});
export type Sage100SourceConfig = z.infer<typeof sage100SourceEnvSchema>;
