import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import type { SalesforceSimulator } from '../simulator-types.js';
import { readBody, sendJson } from './http-io.js';

export const ADMIN_PREFIX = '/_sim';

const fieldsSchema = z.record(z.string(), z.unknown());
const recordChangeSchema = z.object({ id: z.string().min(15).optional(), fields: fieldsSchema });
const seedSchema = z.object({ fields: fieldsSchema });
const gapSchema = z.object({
  type: z.string().min(1),
  ids: z.array(z.string().min(15)).min(1),
  changeType: z.enum(['GAP_CREATE', 'GAP_UPDATE', 'GAP_DELETE', 'GAP_UNDELETE']).optional(),
});
const overflowSchema = z.object({ type: z.string().min(1) });
const faultsSchema = z.object({
  expireTokens: z.boolean().optional(),
  unknownClient: z.boolean().optional(),
  rate5xx: z.number().min(0).max(1).optional(),
  duplicateEvents: z.number().int().min(0).optional(),
  reorderEvents: z.number().int().min(0).optional(),
  upsertRace: z.number().int().min(0).optional(),
});
const dailyLimitSchema = z.object({ limit: z.number().int().min(0) });

type Admin = Omit<SalesforceSimulator, 'close' | 'url' | 'instanceUrl' | 'adminUrl'>;

const parse = async <T>(request: IncomingMessage, schema: z.ZodType<T>): Promise<{ ok: true; value: T } | { ok: false; issues: unknown }> => {
  let json: unknown;
  try {
    const body = await readBody(request);
    json = body.trim() === '' ? {} : JSON.parse(body);
  } catch {
    return { ok: false, issues: [{ message: 'body must be JSON' }] };
  }
  const parsed = schema.safeParse(json);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, issues: parsed.error.issues };
};

/** The admin API other processes (e2e tests, bench) use to inspect and steer the simulator. */
export const handleAdmin = async (request: IncomingMessage, response: ServerResponse, path: string, admin: Admin): Promise<void> => {
  const route = path.slice(ADMIN_PREFIX.length);
  const method = request.method ?? 'GET';
  const bad = (issues: unknown) => sendJson(response, 400, { error: 'invalid body', issues });
  const records = /^\/records\/([A-Za-z0-9_]+)$/.exec(route);
  const seed = /^\/seed\/([A-Za-z0-9_]+)$/.exec(route);
  try {
    if (records && method === 'GET') return sendJson(response, 200, admin.records(records[1]!));
    if (records && method === 'POST') {
      const body = await parse(request, recordChangeSchema);
      if (!body.ok) return bad(body.issues);
      const id = admin.changeAsSalesRep(records[1]!, body.value.id, body.value.fields);
      return sendJson(response, 200, { id });
    }
    if (seed && method === 'POST') {
      const body = await parse(request, seedSchema);
      if (!body.ok) return bad(body.issues);
      return sendJson(response, 200, { id: admin.seedRecord(seed[1]!, body.value.fields) });
    }
    switch (`${method} ${route}`) {
      case 'GET /info':
        return sendJson(response, 200, {
          orgId: admin.orgId, standardPricebookId: admin.standardPricebookId, recordTypes: admin.recordTypes,
          integrationUsers: admin.integrationUsers, salesRepUserId: admin.salesRepUserId,
        });
      case 'POST /gap': {
        const body = await parse(request, gapSchema);
        if (!body.ok) return bad(body.issues);
        return sendJson(response, 200, { replayId: admin.emitGap(body.value.type, body.value.ids, body.value.changeType) });
      }
      case 'POST /overflow': {
        const body = await parse(request, overflowSchema);
        if (!body.ok) return bad(body.issues);
        return sendJson(response, 200, { replayId: admin.emitOverflow(body.value.type) });
      }
      case 'POST /faults': {
        const body = await parse(request, faultsSchema);
        if (!body.ok) return bad(body.issues);
        admin.setFaults(body.value);
        return sendJson(response, 204);
      }
      case 'DELETE /faults':
        admin.clearFaults();
        return sendJson(response, 204);
      case 'POST /daily-limit': {
        const body = await parse(request, dailyLimitSchema);
        if (!body.ok) return bad(body.issues);
        admin.setDailyLimit(body.value.limit);
        return sendJson(response, 204);
      }
      case 'GET /api-usage':
        return sendJson(response, 200, admin.apiUsage());
      case 'GET /cdc-events':
        return sendJson(response, 200, admin.cdcEvents());
      case 'GET /stats':
        return sendJson(response, 200, { apiUsage: admin.apiUsage(), tokensIssued: admin.tokensIssued(), cometdClients: admin.cometdClients() });
      case 'POST /reset':
        admin.reset();
        return sendJson(response, 204);
      case 'POST /expire-tokens':
        admin.setFaults({ expireTokens: true });
        return sendJson(response, 204);
      default:
        return sendJson(response, 404, { error: `no admin route ${method} ${route}` });
    }
  } catch (error) {
    return sendJson(response, 400, { error: error instanceof Error ? error.message : String(error) });
  }
};
