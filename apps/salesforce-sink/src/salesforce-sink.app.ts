import 'reflect-metadata';
import type { INestApplicationContext } from '@nestjs/common';
import { loadConfig } from '@tributary/config';
import { loadMappingConfig } from '@tributary/mapping-core';
import { createServiceContext } from '@tributary/kafka-runtime';
import { salesforceSinkEnvSchema } from './salesforce-sink.config.js';
import { SalesforceSinkModule } from './salesforce-sink.module.js';

/** Builds and starts the sink; configuration and the mapping file are checked before anything connects. */
export const createSalesforceSink = async (env: NodeJS.ProcessEnv): Promise<INestApplicationContext> => {
  const config = loadConfig(salesforceSinkEnvSchema, env);
  loadMappingConfig(config.MAPPING_FILE);
  const app = await createServiceContext(SalesforceSinkModule.forRoot(env));
  await app.init();
  return app;
};
