import 'reflect-metadata';
import type { INestApplicationContext } from '@nestjs/common';
import { loadConfig } from '@tributary/config';
import { createServiceContext } from '@tributary/kafka-runtime';
import { loadMappingConfig } from '@tributary/mapping-core';
import { clarityEgressEnvSchema } from './clarity-egress.config.js';
import { ClarityEgressModule } from './clarity-egress.module.js';

/** Builds and starts the egress; configuration and the mapping file are checked before anything connects. */
export const createClarityEgress = async (env: NodeJS.ProcessEnv): Promise<INestApplicationContext> => {
  const config = loadConfig(clarityEgressEnvSchema, env);
  loadMappingConfig(config.MAPPING_FILE);
  const app = await createServiceContext(ClarityEgressModule.forRoot(env));
  await app.init();
  return app;
};
