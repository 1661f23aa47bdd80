import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { clarityApiRoutes } from './clarity-api-routes.js';
import { clarityApiClientOptions, clarityApiEnvSchema } from './clarity-api-env.js';

/** dist/api/… → the package's openapi folder. */
const document = parse(readFileSync(new URL('../../openapi/clarity-api.v1.yaml', import.meta.url), 'utf8')) as {
  openapi: string;
  paths: Record<string, Record<string, { operationId?: string; responses?: Record<string, unknown> }>>;
};

const HTTP_METHODS = ['get', 'put', 'post', 'patch', 'delete'];

describe('clarity-api.v1.yaml ⇄ the client', () => {
  it('is OpenAPI 3.1', () => {
    assert.equal(document.openapi, '3.1.0');
  });

  it('has every route the client calls, with the same method, path and operationId', () => {
    for (const [operation, route] of Object.entries(clarityApiRoutes)) {
      const documented = document.paths[route.path]?.[route.method.toLowerCase()];
      assert.ok(documented, `${route.method} ${route.path} (${operation}) is not in the OpenAPI document`);
      assert.equal(documented.operationId, operation);
    }
  });

  it('documents nothing the client does not call, so the two are the same list', () => {
    const documented = Object.entries(document.paths).flatMap(([path, item]) =>
      Object.keys(item).filter((key) => HTTP_METHODS.includes(key)).map((method) => `${method.toUpperCase()} ${path}`),
    );
    const called = Object.values(clarityApiRoutes).map((route) => `${route.method} ${route.path}`);
    assert.deepEqual(documented.sort(), called.sort());
  });

  it('documents 401 invalid_token, 429 and 503 for every /api/v1 operation', () => {
    for (const route of Object.values(clarityApiRoutes).filter((r) => r.path.startsWith('/api/v1/'))) {
      const responses = document.paths[route.path]?.[route.method.toLowerCase()]?.responses ?? {};
      for (const status of ['401', '429', '503']) assert.ok(responses[status], `${route.method} ${route.path} lacks ${status}`);
    }
  });
});

describe('clarityApiEnvSchema', () => {
  const required = { CLARITY_API_URL: 'http://clarity-sim:8091', CLARITY_CLIENT_ID: 'tributary', CLARITY_CLIENT_SECRET: 'shh' };

  it('gives client options with defaults: 10 s timeout, origin tributary, token URL under the API', () => {
    const options = clarityApiClientOptions(clarityApiEnvSchema.parse(required));
    assert.deepEqual(options, { baseUrl: 'http://clarity-sim:8091', clientId: 'tributary', clientSecret: 'shh', timeoutMs: 10_000, changeOrigin: 'tributary' });
  });

  it('reads the optional token URL, scope and timeout, and takes onRequest', () => {
    const onRequest = () => undefined;
    const options = clarityApiClientOptions(
      clarityApiEnvSchema.parse({ ...required, CLARITY_TOKEN_URL: 'https://login.example.com/oauth/token', CLARITY_API_SCOPE: 'inventory:write', CLARITY_API_TIMEOUT_MS: '2500' }),
      { onRequest },
    );
    assert.equal(options.tokenUrl, 'https://login.example.com/oauth/token');
    assert.equal(options.scope, 'inventory:write');
    assert.equal(options.timeoutMs, 2500);
    assert.equal(options.onRequest, onRequest);
  });

  it('refuses a missing secret and a relative URL', () => {
    assert.equal(clarityApiEnvSchema.safeParse({ ...required, CLARITY_CLIENT_SECRET: '' }).success, false);
    assert.equal(clarityApiEnvSchema.safeParse({ ...required, CLARITY_API_URL: '/api' }).success, false);
  });
});
