import type { IncomingMessage, ServerResponse } from 'node:http';
import type { z } from 'zod';
import { readJson, sendJson } from './http-io.js';
import { adminEntitySchemas, changeCustomerSchema, emitSchema, faultsSchema, seedSchema, webhookTargetSchema } from './admin-schemas.js';
import { sampleShopData } from './sample-shop.js';
import type { ClaritySimulator } from './shop-types.js';

export const ADMIN_PREFIX = '/_sim';

type Admin = Omit<ClaritySimulator, 'url' | 'tokenUrl' | 'adminUrl' | 'close'> & { load: (data: ReturnType<typeof sampleShopData>) => void };

// The admin schemas check ids only (see admin-schemas.ts), so the rest is taken on trust here.
const upserts = {
  orders: (admin: Admin, entity: object) => admin.upsertOrder(entity as Parameters<Admin['upsertOrder']>[0]),
  customers: (admin: Admin, entity: object) => admin.upsertCustomer(entity as Parameters<Admin['upsertCustomer']>[0]),
  products: (admin: Admin, entity: object) => admin.upsertProduct(entity as Parameters<Admin['upsertProduct']>[0]),
  returns: (admin: Admin, entity: object) => admin.upsertReturn(entity as Parameters<Admin['upsertReturn']>[0]),
  payments: (admin: Admin, entity: object) => admin.upsertPayment(entity as Parameters<Admin['upsertPayment']>[0]),
  shipments: (admin: Admin, entity: object) => admin.upsertShipment(entity as Parameters<Admin['upsertShipment']>[0]),
} as const;

type Collection = keyof typeof upserts;
const isCollection = (name: string): name is Collection => name in upserts;

/** The body parsed with `schema`; otherwise a 400 with the issues has been sent and undefined returned. */
const body = async <Schema extends z.ZodType>(request: IncomingMessage, response: ServerResponse, schema: Schema): Promise<z.output<Schema> | undefined> => {
  let json: unknown;
  try {
    json = await readJson(request);
  } catch {
    sendJson(response, 400, { error: 'body must be JSON' });
    return undefined;
  }
  const parsed = schema.safeParse(json);
  if (parsed.success) return parsed.data;
  sendJson(response, 400, { error: 'invalid body', issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) });
  return undefined;
};

/**
 * The admin API other processes (e2e tests, bench, docker-compose) use to inspect and steer the
 * shop. Every body is JSON, checked with zod; a bad one gets 400 with the issues.
 */
export const handleAdmin = async (request: IncomingMessage, response: ServerResponse, path: string, admin: Admin): Promise<void> => {
  const method = request.method ?? 'GET';
  const [collection, id, action, ...rest] = path.slice(ADMIN_PREFIX.length + 1).split('/').map((part) => decodeURIComponent(part));
  if (collection === undefined || rest.length > 0) return sendJson(response, 404, { error: `no admin route ${method} ${path}` });

  if (isCollection(collection) && id === undefined) {
    if (method === 'GET') return sendJson(response, 200, admin[collection]());
    if (method === 'POST') {
      const entity = await body(request, response, adminEntitySchemas[collection]);
      if (!entity) return;
      upserts[collection](admin, entity);
      return sendJson(response, 200, entity);
    }
  }
  if (collection === 'customers' && id !== undefined && action === 'change' && method === 'POST') {
    const change = await body(request, response, changeCustomerSchema);
    if (!change) return;
    try {
      return sendJson(response, 200, admin.changeCustomer(id, change.patch, change.user));
    } catch (error) {
      return sendJson(response, 404, { error: error instanceof Error ? error.message : String(error) });
    }
  }
  const route = `${method} ${[collection, id, action].filter((part) => part !== undefined).join('/')}`;
  switch (route) {
    case 'GET inventory':
      return sendJson(response, 200, admin.inventory());
    case 'GET inventory-pushes':
      return sendJson(response, 200, admin.inventoryPushes());
    case 'GET order-statuses':
      return sendJson(response, 200, admin.orderStatuses());
    case 'GET deliveries':
      return sendJson(response, 200, admin.deliveries());
    case 'GET stats':
      return sendJson(response, 200, admin.stats());
    case 'POST faults': {
      const faults = await body(request, response, faultsSchema);
      if (!faults) return;
      admin.setFaults(faults);
      return sendJson(response, 204);
    }
    case 'DELETE faults':
      admin.clearFaults();
      return sendJson(response, 204);
    case 'POST expire-tokens':
      admin.expireTokens();
      return sendJson(response, 204);
    case 'POST reset':
      admin.reset();
      return sendJson(response, 204);
    case 'POST seed': {
      const seed = await body(request, response, seedSchema);
      if (!seed) return;
      const data = sampleShopData(seed.count, { ...(seed.seed === undefined ? {} : { seed: seed.seed }), ...(seed.startNumber === undefined ? {} : { startNumber: seed.startNumber }) });
      admin.load(data);
      return sendJson(response, 200, Object.fromEntries(Object.entries(data).map(([name, list]) => [name, (list as unknown[]).length])));
    }
    case 'POST webhooks': {
      const target = await body(request, response, webhookTargetSchema);
      if (!target) return;
      admin.setWebhookTarget(target);
      return sendJson(response, 204);
    }
    case 'DELETE webhooks':
      admin.setWebhookTarget(null);
      return sendJson(response, 204);
    case 'POST emit': {
      const emit = await body(request, response, emitSchema);
      if (!emit) return;
      let deliveries;
      try {
        // Answer once the deliveries are under way: a slow receiver must not hold the admin call.
        deliveries = admin.emit(emit.type, emit.entity ?? emit.id!, {
          ...(emit.thin === undefined ? {} : { thin: emit.thin }),
          ...(emit.duplicate === undefined ? {} : { duplicate: emit.duplicate }),
          ...(emit.delayMs === undefined ? {} : { delayMs: emit.delayMs }),
          ...(emit.eventId === undefined ? {} : { eventId: emit.eventId }),
        });
      } catch (error) {
        return sendJson(response, 404, { error: error instanceof Error ? error.message : String(error) });
      }
      const queued = admin.deliveries().at(-1);
      void deliveries.catch(() => undefined);
      return sendJson(response, 202, { webhookId: queued?.webhookId, type: emit.type });
    }
    case 'POST idle':
      await admin.idle();
      return sendJson(response, 204);
    default:
      return sendJson(response, 404, { error: `no admin route ${method} ${path}` });
  }
};
