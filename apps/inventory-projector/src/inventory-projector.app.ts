import 'reflect-metadata';
import type { INestApplicationContext } from '@nestjs/common';
import { loadConfig } from '@tributary/config';
import { createServiceContext } from '@tributary/kafka-runtime';
import { loadMappingConfig } from '@tributary/mapping-core';
import { inventoryProjectorEnvSchema } from './inventory-projector.config.js';
import { InventoryProjectorModule } from './inventory-projector.module.js';

/** Builds and starts the projector; configuration and the mapping file are checked before anything connects. */
export const createInventoryProjector = async (env: NodeJS.ProcessEnv): Promise<INestApplicationContext> => {
  const config = loadConfig(inventoryProjectorEnvSchema, env);
  loadMappingConfig(config.MAPPING_FILE);
  const app = await createServiceContext(InventoryProjectorModule.forRoot(env));
  await app.init();
  return app;
};
