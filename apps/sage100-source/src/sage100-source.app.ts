import 'reflect-metadata';
import type { INestApplicationContext } from '@nestjs/common';
import { loadConfig } from '@tributary/config';
import { createServiceContext } from '@tributary/kafka-runtime';
import { loadMappingConfig } from '@tributary/mapping-core';
import { sage100SourceEnvSchema } from './sage100-source.config.js';
import { Sage100SourceModule } from './sage100-source.module.js';

/** Builds and starts the source; configuration and the mapping file are checked before anything connects. */
export const createSage100Source = async (env: NodeJS.ProcessEnv): Promise<INestApplicationContext> => {
  const config = loadConfig(sage100SourceEnvSchema, env);
  loadMappingConfig(config.MAPPING_FILE);
  const app = await createServiceContext(Sage100SourceModule.forRoot(env));
  await app.init();
  return app;
};
