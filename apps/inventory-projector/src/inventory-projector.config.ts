import { z } from 'zod';
import { commonEnvSchema, env } from '@tributary/config';

/** inventory-projector settings (on top of the common Kafka/registry/ops settings). A singleton: run one replica. */
export const inventoryProjectorEnvSchema = commonEnvSchema.extend({
  /** Safety stock, fulfilment rules, return restocking and the customer field masters come from here. */
  MAPPING_FILE: z.string().min(1).default('config/mappings/default.yaml'),
  /** Stable across restarts: the new process fences the old one and aborts its open transaction. */
  PROJECTOR_TRANSACTIONAL_ID: z.string().min(1).default('inventory-projector'),
  PROJECTOR_GROUP_ID: z.string().min(1).default('inventory-projector'),
  /** How soon a killed instance's group membership expires (the replacement waits for it). */
  PROJECTOR_SESSION_TIMEOUT_MS: env.positiveInt(10_000),
  PROJECTOR_TRANSACTION_TIMEOUT_MS: env.positiveInt(30_000),
});
export type InventoryProjectorConfig = z.infer<typeof inventoryProjectorEnvSchema>;
