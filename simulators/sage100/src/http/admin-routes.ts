import type { IncomingMessage, ServerResponse } from 'node:http';
import type { z } from 'zod';
import { faultPlanSchema } from '../faults/fault-plan-schema.js';
import { SimulatorError } from '../facade/facade-error.js';
import type { Sage100Simulator } from '../simulator-types.js';
import { lockSchema, offlineSchema, quantitySchema, seedSchema, shipSchema } from './admin-schemas.js';
import { readBody, sendJson } from './http-io.js';

export const ADMIN_PREFIX = '/_sim';

type Admin = Omit<Sage100Simulator, 'url' | 'adminUrl' | 'close'>;

const readJson = async <S extends z.ZodType>(request: IncomingMessage, schema: S): Promise<{ ok: true; value: z.output<S> } | { ok: false; body: unknown }> => {
  let json: unknown;
  try {
    const raw = await readBody(request);
    json = raw.trim() === '' ? {} : JSON.parse(raw);
  } catch {
    return { ok: false, body: { error: 'body must be JSON' } };
  }
  const parsed = schema.safeParse(json);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, body: { error: 'invalid body', issues: parsed.error.issues } };
};

/** The admin API other processes (e2e tests, bench, demos) use to seed, inspect and steer the simulator. */
export const handleAdmin = async (request: IncomingMessage, response: ServerResponse, url: URL, admin: Admin): Promise<void> => {
  const route = `${request.method ?? 'GET'} ${url.pathname.slice(ADMIN_PREFIX.length)}`;
  const company = url.searchParams.get('company') ?? undefined;
  const withBody = async <S extends z.ZodType>(schema: S, act: (value: z.output<S>) => unknown, status = 200) => {
    const body = await readJson(request, schema);
    if (!body.ok) return sendJson(response, 400, body.body);
    try {
      const result = await act(body.value);
      return sendJson(response, status, status === 204 ? undefined : result);
    } catch (error) {
      if (error instanceof SimulatorError) return sendJson(response, error.status, error.body());
      if (error instanceof RangeError) return sendJson(response, 404, { error: 'not_found', message: error.message });
      throw error;
    }
  };
  try {
    switch (route) {
      case 'GET /orders':
        return sendJson(response, 200, admin.orders(company));
      case 'GET /history':
        return sendJson(response, 200, admin.history(company));
      case 'GET /customers':
        return sendJson(response, 200, admin.customers(company));
      case 'GET /items':
        return sendJson(response, 200, admin.items(company));
      case 'GET /item-warehouses':
        return sendJson(response, 200, admin.itemWarehouses(company));
      case 'GET /invoices':
        return sendJson(response, 200, admin.invoices(company));
      case 'GET /receipts':
        return sendJson(response, 200, admin.receipts(company));
      case 'GET /payment-types':
        return sendJson(response, 200, admin.paymentTypes(company));
      case 'GET /stats':
        return sendJson(response, 200, admin.stats());
      case 'GET /locks':
        return sendJson(response, 200, admin.locks());
      case 'POST /seed':
        return await withBody(seedSchema, (seed) => admin.seed(seed), 204);
      case 'POST /item-warehouses':
        return await withBody(quantitySchema, (row) => admin.setQuantityOnHand(row));
      case 'POST /ship':
        return await withBody(shipSchema, (ship) => admin.ship(ship));
      case 'POST /locks':
        return await withBody(lockSchema, (lock) => admin.lock(lock), 204);
      case 'DELETE /locks':
        return await withBody(lockSchema, (lock) => admin.unlock(lock), 204);
      case 'POST /offline': {
        const body = await readJson(request, offlineSchema);
        if (!body.ok) return sendJson(response, 400, body.body);
        // Answer first: in 'refuse' mode this very connection is about to go.
        const sent = new Promise((resolve) => response.once('finish', resolve));
        sendJson(response, 204);
        await sent;
        return await admin.setOffline(body.value.mode, body.value.forMs === undefined ? {} : { forMs: body.value.forMs });
      }
      case 'DELETE /offline':
        await admin.setOnline();
        return sendJson(response, 204);
      case 'POST /faults':
        return await withBody(faultPlanSchema, (plan) => admin.setFaults(plan), 204);
      case 'DELETE /faults':
        admin.clearFaults();
        return sendJson(response, 204);
      case 'POST /reset':
        admin.reset();
        return sendJson(response, 204);
      default:
        return sendJson(response, 404, { error: `no admin route ${route}` });
    }
  } catch (error) {
    if (error instanceof RangeError) return sendJson(response, 404, { error: 'not_found', message: error.message });
    throw error;
  }
};
