import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ADMIN_PREFIX, handleAdmin } from './admin-routes.js';
import { API_PREFIX, TOKEN_PATH, handleApi, handleToken, type ApiContext } from './api-routes.js';
import { sendJson } from './http-io.js';
import { FaultPlan } from './shop-faults.js';
import { ShopStore } from './shop-store.js';
import type { ClaritySimulator, ClaritySimulatorOptions, ClaritySimulatorStats, EmitOptions, WebhookDelivery } from './shop-types.js';
import { TokenIssuer } from './token-issuer.js';
import { WebhookEmitter, entityKindOf } from './webhook-emitter.js';

/** A wildcard listen address is not somewhere a client can connect to. */
const reachableHost = (host: string) => (host === '0.0.0.0' ? '127.0.0.1' : host === '::' ? '[::1]' : host.includes(':') ? `[${host}]` : host);

/**
 * Starts a small Clarity: the OAuth token endpoint, the `/api/v1` facade
 * (libs/connectors/clarity/openapi/clarity-api.v1.yaml), a webhook emitter, and an admin API
 * under `/_sim` for other processes.
 */
export const startClaritySimulator = async (options: ClaritySimulatorOptions): Promise<ClaritySimulator> => {
  if (options.clients.length === 0) throw new RangeError('the Clarity simulator needs at least one OAuth client');
  const host = options.host ?? '127.0.0.1';
  const store = new ShopStore();
  store.load(options.data);
  const tokens = new TokenIssuer(options.clients, options.tokenTtlSeconds ?? 3600);
  const faults = new FaultPlan(options.seed ?? 1);
  const emitter = new WebhookEmitter(options.webhooks);
  let requests: ClaritySimulatorStats['requests'] = {};

  const emit = (type: string, entity: object | string, emitOptions: EmitOptions = {}): Promise<WebhookDelivery[]> => {
    const kind = entityKindOf(type);
    if (!kind) throw new RangeError(`cannot tell which entity a ${type} webhook is about`);
    const resolved = typeof entity === 'string' ? store.find(kind, entity) : entity;
    if (resolved === undefined) throw new RangeError(`no ${kind} ${String(entity)} to emit`);
    return emitter.emit(type, kind, resolved, emitOptions);
  };

  const context: ApiContext = {
    store,
    tokens,
    faults,
    count: (route, status) => {
      const byStatus = (requests[route] ??= {});
      byStatus[status] = (byStatus[status] ?? 0) + 1;
    },
    customerChanged: (customer) => void emit('customer.updated', customer).catch(() => undefined),
  };

  const simulator = {
    reset: () => {
      store.reset();
      tokens.reset();
      faults.reset();
      emitter.reset();
      requests = {};
    },
    load: (data: Parameters<ShopStore['load']>[0]) => store.load(data),
    orders: store.orders,
    customers: store.customers,
    products: store.products,
    returns: store.returns,
    payments: store.payments,
    shipments: store.shipments,
    inventoryPushes: store.inventoryPushes,
    inventory: store.inventory,
    orderStatuses: store.orderStatuses,
    deliveries: () => emitter.deliveries(),
    stats: (): ClaritySimulatorStats => ({ tokensIssued: tokens.issued, tokenRequestsRefused: tokens.refused, requests: structuredClone(requests) }),
    setFaults: (plan: Parameters<FaultPlan['set']>[0]) => faults.set(plan),
    clearFaults: () => faults.set({}),
    expireTokens: () => tokens.expireAll(),
    setWebhookTarget: (target: Parameters<WebhookEmitter['setTarget']>[0]) => emitter.setTarget(target),
    upsertOrder: store.upsertOrder,
    upsertCustomer: store.upsertCustomer,
    upsertProduct: store.upsertProduct,
    upsertReturn: store.upsertReturn,
    upsertPayment: store.upsertPayment,
    upsertShipment: store.upsertShipment,
    changeCustomer: (customerId: string, patch: Parameters<ShopStore['changeCustomer']>[1], user: string) => {
      const { answer, changed } = store.changeCustomer(customerId, patch, `user:${user}`);
      if (answer.status !== 200) throw new RangeError(`no customer ${customerId}`);
      if (changed) void emit('customer.updated', changed).catch(() => undefined);
      return answer.body as ReturnType<ClaritySimulator['changeCustomer']>;
    },
    emit,
    idle: () => emitter.idle(),
  };

  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://simulator').pathname;
    const handled =
      path === TOKEN_PATH && request.method === 'POST'
        ? handleToken(request, response, context)
        : path.startsWith(`${API_PREFIX}/`)
          ? handleApi(request, response, path, context)
          : path.startsWith(`${ADMIN_PREFIX}/`)
            ? handleAdmin(request, response, path, simulator)
            : Promise.resolve(sendJson(response, 404, { error: 'not_found', message: `no route ${request.method} ${path}` }));
    handled.catch((error: unknown) => {
      if (!response.headersSent) sendJson(response, 500, { error: 'internal', message: error instanceof Error ? error.message : String(error) });
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${reachableHost(host)}:${port}`;

  return {
    ...simulator,
    url,
    tokenUrl: `${url}${TOKEN_PATH}`,
    adminUrl: `${url}${ADMIN_PREFIX}`,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
};
