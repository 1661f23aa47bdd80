import 'reflect-metadata';
import type { Socket } from 'node:net';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import rateLimit from '@fastify/rate-limit';
import { loadConfig } from '@tributary/config';
import { LOGGER } from '@tributary/kafka-runtime';
import { TributaryMetrics, type Logger } from '@tributary/observability';
import { clarityIngressEnvSchema } from './clarity-ingress.config.js';
import { ClarityIngressModule } from './clarity-ingress.module.js';
import { webhookTypeLabel } from './webhook-intake.js';
import { RefusalFilter } from './refusal.filter.js';

const claimedType = (headers: Record<string, string | string[] | undefined>): string => {
  const value = headers['x-clarity-event'];
  return webhookTypeLabel(Array.isArray(value) ? value[0] : value);
};

/** What Node's own HTTP errors become (they happen before Fastify has a request). */
const clientErrorReply = (code: string | undefined, timeoutMs: number): [status: string, error: string, message: string] => {
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT') return ['408 Request Timeout', 'request_timeout', `the request was not received within ${timeoutMs} ms`];
  if (code === 'HPE_HEADER_OVERFLOW') return ['431 Request Header Fields Too Large', 'headers_too_large', 'the request headers are too large'];
  return ['400 Bad Request', 'bad_request', 'malformed HTTP request'];
};

/**
 * Builds and starts the ingress. Bodies are kept as raw bytes (any content type): the signature
 * is verified over exactly what Clarity sent, before anything parses it. In front of that: a body
 * size limit (413), a per-IP rate limit (429 + Retry-After) and a whole-request timeout (408);
 * each refusal is a JSON `{ error, message }` and counted in tributary_webhooks_total.
 */
export const createClarityIngress = async (env: NodeJS.ProcessEnv): Promise<NestFastifyApplication> => {
  const config = loadConfig(clarityIngressEnvSchema, env);
  // The metrics live in the Nest container, which exists only after the adapter: filled in below.
  let metrics: TributaryMetrics | undefined;
  const adapter = new FastifyAdapter({
    bodyLimit: config.WEBHOOK_BODY_LIMIT_BYTES,
    // Backstops only: the onRequest timer below answers first, with a JSON body and a metric.
    requestTimeout: config.WEBHOOK_REQUEST_TIMEOUT_MS + 5_000,
    connectionTimeout: config.WEBHOOK_REQUEST_TIMEOUT_MS + 5_000,
    // Node reports its own request timeout (and malformed HTTP) here, before any route runs.
    clientErrorHandler: (error: Error & { code?: string }, socket: Socket) => {
      const [status, code, message] = clientErrorReply(error.code, config.WEBHOOK_REQUEST_TIMEOUT_MS);
      metrics?.webhooks.inc({ type: 'other', outcome: code === 'request_timeout' ? 'timeout' : code });
      if (!socket.writable) return socket.destroy();
      const body = JSON.stringify({ error: code, message });
      socket.end(`HTTP/1.1 ${status}\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`);
    },
  });
  const app = await NestFactory.create<NestFastifyApplication>(ClarityIngressModule.forRoot(env), adapter, { logger: ['error', 'warn'], abortOnError: false, bodyParser: false });
  metrics = app.get(TributaryMetrics);
  const fastify = app.getHttpAdapter().getInstance();
  await app.register(rateLimit as never, {
    global: true,
    max: config.WEBHOOK_RATE_LIMIT_PER_MINUTE,
    timeWindow: 60_000,
    keyGenerator: (request: { ip: string }) => request.ip,
    onExceeded: (request: { headers: Record<string, string | string[] | undefined> }) => metrics?.webhooks.inc({ type: claimedType(request.headers), outcome: 'rate_limited' }),
    errorResponseBuilder: (_request: unknown, context: { max: number; after: string }) =>
      Object.assign(new Error(`more than ${context.max} requests a minute from this address; retry after ${context.after}`), { statusCode: 429, code: 'rate_limited' }),
  });
  // Refusals raised by Fastify itself (body limit, rate limit) reach Nest's exception layer: same JSON shape.
  app.useGlobalFilters(new RefusalFilter());
  // The whole exchange, slow body included, gets WEBHOOK_REQUEST_TIMEOUT_MS; then a 408 that
  // closes the connection. Clarity retries it, and the webhook id makes that retry harmless.
  fastify.addHook('onRequest', (request, response, done) => {
    const timer = setTimeout(() => {
      if (response.sent) return;
      metrics?.webhooks.inc({ type: claimedType(request.headers), outcome: 'timeout' });
      void response
        .code(408)
        .header('connection', 'close')
        .header('content-type', 'application/json')
        .send(JSON.stringify({ error: 'request_timeout', message: `the request was not completed within ${config.WEBHOOK_REQUEST_TIMEOUT_MS} ms` }));
    }, config.WEBHOOK_REQUEST_TIMEOUT_MS);
    response.raw.once('close', () => clearTimeout(timer));
    done();
  });
  fastify.addHook('onResponse', async (request, response) => {
    if (response.statusCode === 413) metrics?.webhooks.inc({ type: claimedType(request.headers), outcome: 'too_large' });
  });
  fastify.removeAllContentTypeParsers();
  fastify.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));
  await app.listen(config.HTTP_PORT, config.HTTP_HOST);
  app.get<Logger>(LOGGER).info({ url: await app.getUrl() }, 'clarity-ingress listening on POST /webhooks/clarity');
  return app;
};
