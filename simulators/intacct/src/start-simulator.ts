import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FaultInjector } from './faults/fault-injector.js';
import { ResultSets } from './functions/result-sets.js';
import type { GatewayEnvironment } from './gateway/process-request.js';
import { ADMIN_PREFIX, handleAdmin } from './http/admin-routes.js';
import { createGatewayRoute, GATEWAY_PATH } from './http/gateway-route.js';
import { sendJson } from './http/http-io.js';
import { StatsRecorder } from './http/simulator-stats.js';
import type { IntacctSimulator, IntacctSimulatorOptions } from './simulator-types.js';
import { DurableState } from './state/durable-state.js';
import { InventoryStore } from './state/inventory-store.js';
import { changeOf, itemSeeds } from './state/item-master.js';
import { SessionStore } from './state/session-store.js';
import { steerDocumentState } from './state/steer-document-state.js';

const HOUR_MS = 60 * 60 * 1000;

/** A wildcard listen address is not somewhere a client can connect to. */
const reachableHost = (host: string) => (host === '0.0.0.0' ? '127.0.0.1' : host === '::' ? '[::1]' : host.includes(':') ? `[${host}]` : host);

/** Starts an HTTP server that behaves like the Sage Intacct XML gateway, plus an admin API under /_sim. */
export const startIntacctSimulator = async (options: IntacctSimulatorOptions): Promise<IntacctSimulator> => {
  const host = options.host ?? '127.0.0.1';
  const state = new DurableState();
  state.seedItems(itemSeeds(options.items, options.itemMaster));
  const sessions = new SessionStore(options.sessionTimeoutMs ?? HOUR_MS);
  const resultSets = new ResultSets();
  const inventory = new InventoryStore(options.inventory);
  const faults = new FaultInjector(options.seed ?? 1);
  const stats = new StatsRecorder();
  const items = options.items ? new Set([...options.items, ...(options.itemMaster ?? []).map((item) => item.itemId)]) : undefined;
  const customers = options.customers ? new Set(options.customers) : undefined;
  const invoiceTransactionTypes = new Set(options.invoiceTransactionTypes ?? ['Sales Invoice']);
  const creditTransactionTypes = new Set(options.creditTransactionTypes ?? ['Sales Credit Memo', 'Sales Return']);

  let baseUrl = '';
  const environment = (request: IncomingMessage): GatewayEnvironment => ({
    senderId: options.senderId,
    senderPassword: options.senderPassword,
    users: options.users,
    ...(items ? { items } : {}),
    ...(customers ? { customers } : {}),
    invoiceTransactionTypes,
    creditTransactionTypes,
    state,
    sessions,
    resultSets,
    inventory,
    now: new Date(),
    // Hand back the address the client used, so sessions work behind docker aliases and port maps.
    endpointUrl: options.publicUrl ?? (request.headers.host ? `http://${request.headers.host}${GATEWAY_PATH}` : `${baseUrl}${GATEWAY_PATH}`),
  });

  const gateway = createGatewayRoute({
    maxConcurrent: options.maxConcurrent ?? 2,
    timeoutHangMs: options.timeoutHangMs ?? 60_000,
    faults,
    stats,
    environment,
  });

  const simulator: Omit<IntacctSimulator, 'url' | 'adminUrl' | 'close'> = {
    documents: () => state.documents(),
    deletedDocuments: () => state.deletedDocuments(),
    arInvoices: () => state.arInvoices(),
    customers: () => state.customers(),
    contacts: () => state.contacts(),
    payments: () => state.payments(),
    setStock: (itemId, warehouseId, qtyOnHand) => {
      inventory.set(itemId, warehouseId, qtyOnHand);
    },
    inventory: () => inventory.all(),
    glBatches: () => state.glBatches(),
    items: () => state.items(),
    setItem: (change) => state.putItem(changeOf(change)),
    setFaults: (plan) => faults.set(plan),
    clearFaults: () => faults.set({}),
    stats: () => stats.snapshot(),
    expireSessions: () => sessions.expireAll(),
    setDocumentState: (change) => steerDocumentState(state, change, new Date()),
    reset: () => {
      state.reset();
      inventory.reset();
      sessions.expireAll();
      resultSets.clear();
      faults.reset();
      stats.reset();
    },
  };

  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://simulator').pathname;
    const handled =
      path === GATEWAY_PATH
        ? request.method === 'POST'
          ? gateway.handle(request, response)
          : // Intacct blocked GET on the gateway in January 2023.
            Promise.resolve(response.writeHead(405, { allow: 'POST', 'content-type': 'text/plain' }).end('Method Not Allowed'))
        : path.startsWith(`${ADMIN_PREFIX}/`)
          ? handleAdmin(request, response, path, simulator)
          : Promise.resolve(sendJson(response, 404, { error: `no route ${path}` }));
    handled.catch((error: unknown) => {
      if (!response.headersSent) sendJson(response, 500, { error: error instanceof Error ? error.message : String(error) });
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
  baseUrl = `http://${reachableHost(host)}:${port}`;

  return {
    ...simulator,
    url: `${baseUrl}${GATEWAY_PATH}`,
    adminUrl: `${baseUrl}${ADMIN_PREFIX}`,
    close: async () => {
      gateway.dropHanging();
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
};
