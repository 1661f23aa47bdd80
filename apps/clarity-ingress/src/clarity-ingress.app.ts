import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { loadConfig } from '@tributary/config';
import { LOGGER } from '@tributary/kafka-runtime';
import type { Logger } from '@tributary/observability';
import { clarityIngressEnvSchema } from './clarity-ingress.config.js';
import { ClarityIngressModule } from './clarity-ingress.module.js';

/**
 * Builds and starts the ingress. Bodies are kept as raw bytes (any content type): the signature
 * is verified over exactly what Clarity sent, before anything parses it.
 */
export const createClarityIngress = async (env: NodeJS.ProcessEnv): Promise<NestFastifyApplication> => {
  const config = loadConfig(clarityIngressEnvSchema, env);
  const adapter = new FastifyAdapter({ bodyLimit: config.WEBHOOK_BODY_LIMIT_BYTES, requestTimeout: 30_000 });
  const app = await NestFactory.create<NestFastifyApplication>(ClarityIngressModule.forRoot(env), adapter, { logger: ['error', 'warn'], abortOnError: false, bodyParser: false });
  const fastify = app.getHttpAdapter().getInstance();
  fastify.removeAllContentTypeParsers();
  fastify.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));
  await app.listen(config.HTTP_PORT, config.HTTP_HOST);
  app.get<Logger>(LOGGER).info({ url: await app.getUrl() }, 'clarity-ingress listening on POST /webhooks/clarity');
  return app;
};
