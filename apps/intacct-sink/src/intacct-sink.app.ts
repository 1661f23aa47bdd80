import 'reflect-metadata';
import type { INestApplicationContext } from '@nestjs/common';
import { loadConfig } from '@tributary/config';
import { loadMappingConfig } from '@tributary/mapping-core';
import { createServiceContext } from '@tributary/kafka-runtime';
import { intacctSinkEnvSchema } from './intacct-sink.config.js';
import { IntacctSinkModule } from './intacct-sink.module.js';

/** Builds and starts the sink; configuration and the mapping file are checked before anything connects. */
export const createIntacctSink = async (env: NodeJS.ProcessEnv): Promise<INestApplicationContext> => {
  const config = loadConfig(intacctSinkEnvSchema, env);
  loadMappingConfig(config.MAPPING_FILE);
  const app = await createServiceContext(IntacctSinkModule.forRoot(env));
  await app.init();
  return app;
};
