import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext, Type } from '@nestjs/common';
import { ConfigError } from '@tributary/config';
import { IntegrationError } from '@tributary/core';

/**
 * The whole of a service's `main.ts`: build the Nest context, close it cleanly on SIGTERM/SIGINT,
 * and turn a configuration error into one clear message and exit code 78 (EX_CONFIG).
 */
export const runService = async (create: () => Promise<INestApplicationContext>): Promise<void> => {
  process.on('unhandledRejection', (reason) => {
    console.error(JSON.stringify({ level: 'fatal', msg: 'unhandled rejection', error: String(reason) }));
    process.exit(1);
  });
  let app: INestApplicationContext;
  try {
    app = await create();
  } catch (error) {
    const configError = findConfigError(error);
    if (configError) {
      console.error(`${configError.message}\nrefusing to start.`);
      process.exit(78);
    }
    throw error;
  }
  app.enableShutdownHooks(['SIGTERM', 'SIGINT']);
};

/** A Nest application context without HTTP (sinks, sources). */
export const createServiceContext = (module: Type<unknown> | import('@nestjs/common').DynamicModule): Promise<INestApplicationContext> =>
  NestFactory.createApplicationContext(module, { logger: ['error', 'warn'], abortOnError: false });

/** A bad environment variable or a bad mapping file (`CONFIG.*`): the operator must fix it, not retry. */
const findConfigError = (error: unknown): Error | undefined => {
  for (let e: unknown = error; e; e = (e as { cause?: unknown }).cause) {
    if (e instanceof ConfigError || (e instanceof IntegrationError && e.code.startsWith('CONFIG.'))) return e;
  }
  return undefined;
};
