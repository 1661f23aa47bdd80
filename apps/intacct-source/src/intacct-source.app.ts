import 'reflect-metadata';
import type { INestApplicationContext } from '@nestjs/common';
import { loadConfig } from '@tributary/config';
import { createServiceContext } from '@tributary/kafka-runtime';
import { loadMappingConfig } from '@tributary/mapping-core';
import { intacctSourceEnvSchema } from './intacct-source.config.js';
import { IntacctSourceModule } from './intacct-source.module.js';

/** Builds and starts the source; configuration and the mapping file are checked before anything connects. */
export const createIntacctSource = async (env: NodeJS.ProcessEnv): Promise<INestApplicationContext> => {
  const config = loadConfig(intacctSourceEnvSchema, env);
  loadMappingConfig(config.MAPPING_FILE);
  const app = await createServiceContext(IntacctSourceModule.forRoot(env));
  await app.init();
  return app;
};
