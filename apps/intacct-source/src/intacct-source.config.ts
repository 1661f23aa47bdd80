import { z } from 'zod';
import { env } from '@tributary/config';
import { intacctEnvSchema } from '@tributary/connectors-intacct';

/** intacct-source settings (on top of the common Kafka/registry/ops settings). A singleton: run one replica. */
export const intacctSourceEnvSchema = intacctEnvSchema.extend({
  /** How often Intacct is asked for stock changes. Each poll is one readByQuery (plus readMore pages). */
  POLL_INTERVAL_MS: env.positiveInt(30_000),
  /** Which feeds to poll, comma-separated: stock (ITEMWAREHOUSEINFO), items (ITEM), documents (SODOCUMENT state). */
  INTACCT_SOURCE_FEEDS: z
    .string()
    .default('stock,items,documents')
    .transform((value) => value.split(',').map((name) => name.trim()).filter(Boolean))
    .pipe(z.array(z.enum(['stock', 'items', 'documents'], { message: 'expected stock, items or documents' })).min(1, 'expected at least one feed')),
  /** The order documents' default transaction definition (as the sink's INTACCT_TRANSACTION_TYPE). */
  INTACCT_TRANSACTION_TYPE: z.string().min(1).default('Sales Order'),
  /** The mapping file's item table turns Intacct ITEMIDs back into Clarity SKUs. */
  MAPPING_FILE: z.string().min(1).default('config/mappings/default.yaml'),
});
export type IntacctSourceConfig = z.infer<typeof intacctSourceEnvSchema>;
