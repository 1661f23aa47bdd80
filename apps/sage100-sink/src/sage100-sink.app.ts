import 'reflect-metadata';
import type { INestApplicationContext } from '@nestjs/common';
import { loadConfig } from '@tributary/config';
import { loadMappingConfig } from '@tributary/mapping-core';
import { createServiceContext } from '@tributary/kafka-runtime';
import { sage100SinkEnvSchema } from './sage100-sink.config.js';
import { Sage100SinkModule } from './sage100-sink.module.js';

/** Builds and starts the sink; configuration and the mapping file are checked before anything connects. */
export const createSage100Sink = async (env: NodeJS.ProcessEnv): Promise<INestApplicationContext> => {
  const config = loadConfig(sage100SinkEnvSchema, env);
  loadMappingConfig(config.MAPPING_FILE);
  const app = await createServiceContext(Sage100SinkModule.forRoot(env));
  await app.init();
  return app;
};
