import 'reflect-metadata';
import type { INestApplicationContext } from '@nestjs/common';
import { loadConfig } from '@tributary/config';
import { createServiceContext } from '@tributary/kafka-runtime';
import { intacctSinkEnvSchema } from './intacct-sink.config.js';
import { IntacctSinkModule } from './intacct-sink.module.js';

/** Builds and starts the sink; configuration is checked before anything connects. */
export const createIntacctSink = async (env: NodeJS.ProcessEnv): Promise<INestApplicationContext> => {
  loadConfig(intacctSinkEnvSchema, env);
  const app = await createServiceContext(IntacctSinkModule.forRoot(env));
  await app.init();
  return app;
};
