import { createServer } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { SimulatorError } from './facade/facade-error.js';
import { FaultInjector } from './faults/fault-injector.js';
import { ADMIN_PREFIX, handleAdmin } from './http/admin-routes.js';
import { createFacadeRoute } from './http/facade-route.js';
import { sendJson } from './http/http-io.js';
import { StatsRecorder } from './http/simulator-stats.js';
import type { OfflineMode, Sage100Simulator, Sage100SimulatorOptions } from './simulator-types.js';
import { RecordLocks } from './state/locks.js';
import { SimulatorState } from './state/simulator-state.js';
import { shipOrder } from './warehouse/ship-order.js';

/** A wildcard listen address is not somewhere a client can connect to. */
const reachableHost = (host: string) => (host === '0.0.0.0' ? '127.0.0.1' : host === '::' ? '[::1]' : host.includes(':') ? `[${host}]` : host);

/** Starts an HTTP server that implements the Sage 100 facade contract, plus an admin API under /_sim. */
export const startSage100Simulator = async (options: Sage100SimulatorOptions): Promise<Sage100Simulator> => {
  const host = options.host ?? '127.0.0.1';
  const now = options.clock ?? (() => new Date());
  const state = new SimulatorState(options, now);
  const locks = new RecordLocks();
  const faults = new FaultInjector(options.seed ?? 1);
  const stats = new StatsRecorder();
  const apiKeys = new Map(options.apiKeys.map((entry) => (typeof entry === 'string' ? [entry, undefined] : [entry.key, entry.companies ? new Set(entry.companies) : undefined])));
  let offline: OfflineMode | undefined;
  let backOnline: NodeJS.Timeout | undefined;

  const facade = createFacadeRoute({
    maxConcurrent: options.maxConcurrent ?? 4,
    timeoutHangMs: options.timeoutHangMs ?? 60_000,
    faults,
    stats,
    locks,
    apiKeys,
    company: (code) => state.company(code),
    offline: () => offline === 'unavailable',
    now,
  });

  const sockets = new Set<Socket>();
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://simulator');
    const handled = url.pathname.startsWith(`${ADMIN_PREFIX}/`) ? handleAdmin(request, response, url, simulator) : facade.handle(request, response, url);
    handled.catch((error: unknown) => {
      if (!response.headersSent) sendJson(response, 500, { error: 'internal', message: error instanceof Error ? error.message : String(error) });
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });

  let port = options.port ?? 0;
  const listen = () =>
    new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => {
        server.off('error', reject);
        port = (server.address() as AddressInfo).port;
        resolve();
      });
    });
  const stopListening = () =>
    new Promise<void>((resolve) => {
      facade.dropHanging();
      server.close(() => resolve());
      sockets.forEach((socket) => socket.destroy());
    });

  const setOnline = async () => {
    clearTimeout(backOnline);
    backOnline = undefined;
    const was = offline;
    offline = undefined;
    if (was === 'refuse') await listen();
  };

  const simulator: Omit<Sage100Simulator, 'url' | 'adminUrl' | 'close'> = {
    orders: (company) => state.list((b) => b.orders.values(), company),
    history: (company) => state.list((b) => b.history.values(), company),
    customers: (company) => state.list((b) => b.customers.values(), company),
    items: (company) => state.list((b) => b.items.values(), company),
    itemWarehouses: (company) => state.list((b) => b.itemWarehouses.values(), company),
    invoices: (company) => state.list((b) => b.invoices.values(), company),
    receipts: (company) => state.list((b) => b.receipts, company),
    paymentTypes: (company) => state.list((b) => b.paymentTypes.values(), company),
    seed: (seed) => state.seed(seed),
    setQuantityOnHand: ({ company, ItemCode, WarehouseCode, QuantityOnHand }) => {
      const books = state.books(company);
      if (!books.items.has(ItemCode)) throw new SimulatorError('not_found', `Item ${ItemCode} is not on file`);
      return { ...structuredClone(books.setQuantityOnHand(ItemCode, WarehouseCode, QuantityOnHand, now())), company: books.code };
    },
    ship: (request) => {
      const books = state.books(request.company);
      const { invoice, history } = shipOrder(books, locks, request, now());
      const order = books.orders.get(request.SalesOrderNo);
      return {
        invoice: { ...invoice, company: books.code },
        ...(order ? { order: { ...structuredClone(order), company: books.code } } : {}),
        ...(history ? { history: { ...history, company: books.code } } : {}),
      };
    },
    lock: ({ company, record, key }) => locks.lock({ company: state.books(company).code, record, key }),
    unlock: ({ company, record, key }) => locks.unlock({ company: state.books(company).code, record, key }),
    locks: () => locks.all(),
    setOffline: async (mode = 'unavailable', opts = {}) => {
      clearTimeout(backOnline);
      const was = offline;
      offline = mode;
      if (opts.forMs) backOnline = setTimeout(() => void setOnline(), opts.forMs);
      if (mode === 'refuse' && was !== 'refuse') await stopListening();
      if (mode === 'unavailable' && was === 'refuse') await listen();
    },
    setOnline,
    setFaults: (plan) => faults.set(plan),
    clearFaults: () => faults.set({}),
    stats: () => stats.snapshot(),
    reset: () => {
      state.reset();
      locks.clear();
      faults.reset();
      stats.reset();
      if (offline === 'unavailable') offline = undefined;
    },
  };

  await listen();
  const baseUrl = `http://${reachableHost(host)}:${port}`;

  return {
    ...simulator,
    url: baseUrl,
    adminUrl: `${baseUrl}${ADMIN_PREFIX}`,
    close: async () => {
      clearTimeout(backOnline);
      if (offline === 'refuse') return;
      await stopListening();
    },
  };
};
