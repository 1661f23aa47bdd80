import type { IncomingMessage, ServerResponse } from 'node:http';
import { faultPlanSchema } from '../faults/fault-plan-schema.js';
import type { IntacctSimulator } from '../simulator-types.js';
import { handleDocumentState } from './document-state-route.js';
import { readBody, sendJson } from './http-io.js';
import { handleItemUpsert } from './item-route.js';
import { stockUpdateSchema } from './stock-schema.js';

export const ADMIN_PREFIX = '/_sim';

type Admin = Pick<IntacctSimulator, 'documents' | 'arInvoices' | 'customers' | 'contacts' | 'payments' | 'inventory' | 'setStock' | 'stats' | 'setFaults' | 'clearFaults' | 'reset' | 'expireSessions' | 'setDocumentState' | 'glBatches' | 'items' | 'setItem'>;

/** The admin API other processes (e2e tests, bench) use to inspect and steer the simulator. */
export const handleAdmin = async (request: IncomingMessage, response: ServerResponse, path: string, admin: Admin): Promise<void> => {
  const route = `${request.method ?? 'GET'} ${path.slice(ADMIN_PREFIX.length)}`;
  switch (route) {
    case 'GET /documents':
      return sendJson(response, 200, admin.documents());
    case 'POST /documents/state':
      return handleDocumentState(request, response, admin);
    case 'GET /ar-invoices':
      return sendJson(response, 200, admin.arInvoices());
    case 'GET /customers':
      return sendJson(response, 200, admin.customers());
    case 'GET /contacts':
      return sendJson(response, 200, admin.contacts());
    case 'GET /payments':
      return sendJson(response, 200, admin.payments());
    case 'GET /inventory':
      return sendJson(response, 200, admin.inventory());
    case 'POST /inventory': {
      let json: unknown;
      try {
        json = JSON.parse(await readBody(request));
      } catch {
        return sendJson(response, 400, { error: 'body must be JSON { itemId, warehouseId, qtyOnHand }' });
      }
      const stock = stockUpdateSchema.safeParse(json);
      if (!stock.success) return sendJson(response, 400, { error: 'invalid stock row', issues: stock.error.issues });
      admin.setStock(stock.data.itemId, stock.data.warehouseId, stock.data.qtyOnHand);
      const row = admin.inventory().find((r) => r.itemId === stock.data.itemId && r.warehouseId === stock.data.warehouseId);
      return sendJson(response, 200, row);
    }
    case 'GET /gl-batches':
      return sendJson(response, 200, admin.glBatches());
    case 'GET /items':
      return sendJson(response, 200, admin.items());
    case 'POST /items':
      return handleItemUpsert(request, response, admin);
    case 'GET /stats':
      return sendJson(response, 200, admin.stats());
    case 'POST /faults': {
      let json: unknown;
      try {
        const body = await readBody(request);
        json = body.trim() === '' ? {} : JSON.parse(body);
      } catch {
        return sendJson(response, 400, { error: 'body must be a JSON FaultPlan' });
      }
      const plan = faultPlanSchema.safeParse(json);
      if (!plan.success) return sendJson(response, 400, { error: 'invalid FaultPlan', issues: plan.error.issues });
      admin.setFaults(plan.data);
      return sendJson(response, 204);
    }
    case 'DELETE /faults':
      admin.clearFaults();
      return sendJson(response, 204);
    case 'POST /reset':
      admin.reset();
      return sendJson(response, 204);
    case 'POST /expire-sessions':
      admin.expireSessions();
      return sendJson(response, 204);
    default:
      return sendJson(response, 404, { error: `no admin route ${route}` });
  }
};
