import 'reflect-metadata';
import type { INestApplicationContext } from '@nestjs/common';
import { loadConfig } from '@tributary/config';
import { loadMappingConfig } from '@tributary/mapping-core';
import { createServiceContext } from '@tributary/kafka-runtime';
import { salesforceCdcSourceEnvSchema } from './salesforce-cdc-source.config.js';
import { SalesforceCdcSourceModule } from './salesforce-cdc-source.module.js';

/** Builds and starts the CDC source (a singleton); configuration and the mapping file are checked first. */
export const createSalesforceCdcSource = async (env: NodeJS.ProcessEnv): Promise<INestApplicationContext> => {
  const config = loadConfig(salesforceCdcSourceEnvSchema, env);
  loadMappingConfig(config.MAPPING_FILE);
  const app = await createServiceContext(SalesforceCdcSourceModule.forRoot(env));
  await app.init();
  return app;
};
