import type { IncomingMessage, ServerResponse } from 'node:http';
import type { z } from 'zod';
import { header, readBody, readJson, sendJson, sleep } from './http-io.js';
import { changeOrigin, customerPatchSchema, inventoryPutSchema, newShipmentSchema, orderStatusSchema } from './request-schemas.js';
import type { FaultPlan } from './shop-faults.js';
import type { Answer, ShopStore } from './shop-store.js';
import type { ClarityCustomerRecordPayload } from './shop-types.js';
import type { TokenIssuer } from './token-issuer.js';

export const TOKEN_PATH = '/oauth/token';
export const API_PREFIX = '/api/v1';

export interface ApiContext {
  readonly store: ShopStore;
  readonly tokens: TokenIssuer;
  readonly faults: FaultPlan;
  /** Counts a request under its route, e.g. `GET /api/v1/orders/{orderId}`. */
  readonly count: (route: string, status: number) => void;
  /** A customer changed through the API: the shop announces it. */
  readonly customerChanged: (customer: ClarityCustomerRecordPayload) => void;
}

interface Request {
  readonly http: IncomingMessage;
  readonly params: Record<string, string>;
  readonly clientId: string;
}

interface Route {
  readonly method: string;
  /** As the OpenAPI document spells it. */
  readonly path: string;
  readonly pattern: RegExp;
  readonly handle: (request: Request, context: ApiContext) => Promise<Answer> | Answer;
}

const invalid = (error: z.ZodError | string): Answer => ({
  status: 400,
  body:
    typeof error === 'string'
      ? { error: 'invalid_request', message: error }
      : { error: 'invalid_request', message: 'the request body does not match the contract', issues: error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) },
});

/** Parses the body with `schema`, or answers 400. */
const withBody = async <Schema extends z.ZodType>(request: Request, schema: Schema, then: (body: z.output<Schema>) => Answer): Promise<Answer> => {
  let json: unknown;
  try {
    json = await readJson(request.http);
  } catch {
    return invalid('the body is not JSON');
  }
  const parsed = schema.safeParse(json);
  return parsed.success ? then(parsed.data) : invalid(parsed.error);
};

const idempotencyKey = (request: Request): string | undefined => {
  const key = header(request.http, 'idempotency-key')?.trim();
  return key && key.length <= 255 ? key : undefined;
};

const route = (method: string, path: string, handle: Route['handle']): Route => ({
  method,
  path,
  pattern: new RegExp(`^${path.replace(/\{(\w+)\}/g, '(?<$1>[^/]+)')}$`),
  handle,
});

const getter = (kind: Parameters<ShopStore['get']>[0], param: string) => (request: Request, context: ApiContext) =>
  context.store.get(kind, request.params[param]!);

export const apiRoutes: readonly Route[] = [
  route('GET', `${API_PREFIX}/orders/{orderId}`, getter('order', 'orderId')),
  route('GET', `${API_PREFIX}/customers/{customerId}`, getter('customer', 'customerId')),
  route('GET', `${API_PREFIX}/products/{sku}`, getter('product', 'sku')),
  route('GET', `${API_PREFIX}/returns/{returnId}`, getter('return', 'returnId')),
  route('GET', `${API_PREFIX}/payments/{paymentId}`, getter('payment', 'paymentId')),
  route('GET', `${API_PREFIX}/shipments/{shipmentId}`, getter('shipment', 'shipmentId')),
  route('PUT', `${API_PREFIX}/inventory`, (request, { store }) =>
    withBody(request, inventoryPutSchema, (body) => store.putInventory(body.levels, request.clientId)),
  ),
  route('POST', `${API_PREFIX}/shipments`, (request, { store }) => {
    const key = idempotencyKey(request);
    if (!key) return invalid('an Idempotency-Key header (1-255 characters) is required');
    return withBody(request, newShipmentSchema, (body) => store.createShipment(body, key, `integration:${request.clientId}`).answer);
  }),
  route('PATCH', `${API_PREFIX}/customers/{customerId}`, (request, context) => {
    const origin = header(request.http, 'x-change-origin');
    if (origin !== undefined && !changeOrigin.safeParse(origin).success) return invalid('X-Change-Origin must be 1-64 letters, digits, ".", "_" or "-"');
    return withBody(request, customerPatchSchema, (patch) => {
      const { answer, changed } = context.store.changeCustomer(request.params['customerId']!, patch, `integration:${origin ?? request.clientId}`);
      if (changed) context.customerChanged(changed);
      return answer;
    });
  }),
  route('PATCH', `${API_PREFIX}/orders/{orderId}/status`, (request, { store }) => {
    const key = idempotencyKey(request);
    if (!key) return invalid('an Idempotency-Key header (1-255 characters) is required');
    return withBody(request, orderStatusSchema, (change) => store.updateOrderStatus(request.params['orderId']!, change, key));
  }),
];

const decodeParams = (groups: Record<string, string> | undefined): Record<string, string> | undefined => {
  try {
    return Object.fromEntries(Object.entries(groups ?? {}).map(([name, value]) => [name, decodeURIComponent(value)]));
  } catch {
    return undefined;
  }
};

/** `POST /oauth/token`: client credentials, form-encoded. */
export const handleToken = async (request: IncomingMessage, response: ServerResponse, context: ApiContext): Promise<void> => {
  await sleep(context.faults.latencyMs);
  const form = new URLSearchParams(await readBody(request));
  const outcome = context.tokens.request(header(request, 'authorization'), form);
  context.count(`POST ${TOKEN_PATH}`, outcome.kind === 'issued' ? 200 : outcome.status);
  const headers: Record<string, string> = { 'content-type': 'application/json', 'cache-control': 'no-store' };
  if (outcome.kind === 'refused' && outcome.status === 401) headers['www-authenticate'] = 'Basic realm="clarity"';
  response.writeHead(outcome.kind === 'issued' ? 200 : outcome.status, headers).end(JSON.stringify(outcome.body));
};

/** Everything under `/api/v1`: bearer token, faults, then the route. */
export const handleApi = async (request: IncomingMessage, response: ServerResponse, path: string, context: ApiContext): Promise<void> => {
  await sleep(context.faults.latencyMs);
  const method = request.method ?? 'GET';
  const matches = apiRoutes.filter((r) => r.pattern.test(path));
  const matched = matches.find((r) => r.method === method);
  if (!matched) {
    request.resume();
    if (matches.length > 0) {
      context.count(`${method} ${path}`, 405);
      response.writeHead(405, { allow: matches.map((r) => r.method).join(', '), 'content-type': 'application/json' }).end(JSON.stringify({ error: 'method_not_allowed' }));
      return;
    }
    context.count(`${method} (unknown)`, 404);
    return sendJson(response, 404, { error: 'not_found', message: `no route ${method} ${path}` });
  }
  const label = `${method} ${matched.path}`;
  const clientId = context.tokens.verify(header(request, 'authorization'));
  if (!clientId) {
    request.resume();
    context.count(label, 401);
    response
      .writeHead(401, { 'content-type': 'application/json', 'www-authenticate': 'Bearer realm="clarity", error="invalid_token"' })
      .end(JSON.stringify({ error: 'invalid_token', message: 'the access token is missing, unknown or expired' }));
    return;
  }
  const fault = context.faults.draw();
  if (fault) {
    request.resume();
    if (fault.kind === 'throttle') {
      context.count(label, 429);
      response
        .writeHead(429, { 'content-type': 'application/json', 'retry-after': String(fault.retryAfterSeconds) })
        .end(JSON.stringify({ error: 'rate_limited', message: 'too many requests' }));
      return;
    }
    context.count(label, 503);
    return sendJson(response, 503, { error: 'unavailable', message: 'injected fault' });
  }
  const params = decodeParams(matched.pattern.exec(path)?.groups);
  if (!params) {
    request.resume();
    context.count(label, 400);
    return sendJson(response, 400, { error: 'invalid_request', message: 'malformed path parameter' });
  }
  const answer = await matched.handle({ http: request, params, clientId }, context);
  context.count(label, answer.status);
  sendJson(response, answer.status, answer.body);
};
