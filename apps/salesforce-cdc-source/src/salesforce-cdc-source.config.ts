import { z } from 'zod';
import { env } from '@tributary/config';
import { salesforceEnvSchema } from '@tributary/connectors-salesforce';

/** salesforce-cdc-source settings (on top of the common Kafka/registry/ops settings). A singleton: run one replica. */
export const salesforceCdcSourceEnvSchema = salesforceEnvSchema.extend({
  /** CDC channels, comma-separated. */
  SALESFORCE_CDC_CHANNELS: z.string().default('/data/AccountChangeEvent,/data/ContactChangeEvent')
    .transform((value) => value.split(',').map((c) => c.trim()).filter(Boolean))
    .pipe(z.array(z.string().regex(/^\/data\/(\w+)ChangeEvent$/, 'expected /data/<Entity>ChangeEvent')).min(1)),
  /** Where a channel without a checkpoint starts: -1 new events only, -2 every retained event. */
  SALESFORCE_CDC_INITIAL_REPLAY: z.coerce.number().int().min(-2).max(-1).default(-1),
  /** Records re-read by SystemModstamp after an overflow or an expired replay id, at most. */
  SALESFORCE_CDC_RESYNC_LIMIT: env.positiveInt(5000),
  /** The mapping file (salesforce.externalIds, address country names). */
  MAPPING_FILE: z.string().min(1).default('config/mappings/default.yaml'),
  /** Wait before subscribing again after the stream failed. */
  SALESFORCE_CDC_RESTART_DELAY_MS: env.positiveInt(2000),
});
export type SalesforceCdcSourceConfig = z.infer<typeof salesforceCdcSourceEnvSchema>;
