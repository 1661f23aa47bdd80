import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ChangeBus } from './cdc/change-bus.js';
import { seededRandom } from './cdc/seeded-random.js';
import { BayeuxServer } from './cometd/bayeux.js';
import { ADMIN_PREFIX, handleAdmin } from './http/admin-routes.js';
import { readBody, sendJson } from './http/http-io.js';
import { TokenStore, tokenOf } from './oauth/token-store.js';
import { RestApi } from './rest/rest-api.js';
import { SalesforceError, notFound } from './rest/sf-error.js';
import { DEFAULT_PRODUCTS, seedOrg, type SeededOrg } from './seed-org.js';
import { salesforceId } from './store/ids.js';
import { canonicalType, OBJECTS } from './store/objects.js';
import { DEFAULT_EXTERNAL_IDS, OrgStore, type Fields, type WriteContext } from './store/org-store.js';
import type { SalesforceFaults, SalesforceSimulator, SalesforceSimulatorOptions } from './simulator-types.js';

const DAY_MS = 24 * 60 * 60 * 1000;
const ORG_ID = '00D5g000004SIMUEAW';
const DEFAULT_CDC = ['Account', 'Contact', 'Order', 'OrderItem', 'Product2', 'Opportunity', 'OpportunityLineItem'];

const reachableHost = (host: string) => (host === '0.0.0.0' ? '127.0.0.1' : host === '::' ? '[::1]' : host.includes(':') ? `[${host}]` : host);

/** `client=<name>` of a `Sforce-Call-Options` header (pairs separated by commas). */
const callOptionsClient = (header: string | undefined): string | undefined => {
  for (const pair of (header ?? '').split(',')) {
    const [name, value] = pair.split('=').map((s) => s.trim());
    if (name === 'client' && value) return value;
  }
  return undefined;
};

const sessionExpired = [{ message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' }];

/** Starts an HTTP server that behaves like a Salesforce org (OAuth, REST, CometD/CDC), plus an admin API under /_sim. */
export const startSalesforceSimulator = async (options: SalesforceSimulatorOptions): Promise<SalesforceSimulator> => {
  const host = options.host ?? '127.0.0.1';
  const apiVersion = options.apiVersion ?? '62.0';
  const random = seededRandom(options.seed ?? 1);
  let dailyLimit = options.dailyApiLimit ?? 15_000;
  let apiUsed = 0;
  let rate5xx = 0;

  const integrationUsers: Record<string, string> = {};
  options.clients.forEach((client, index) => {
    integrationUsers[client.clientId] = client.userId ?? salesforceId('005', 100 + index);
  });
  const tokens = new TokenStore(ORG_ID, options.tokenTtlMs);
  const bus = new ChangeBus({ retentionMs: options.replayRetentionMs ?? 3 * DAY_MS, entities: new Set(options.cdcEntities ?? DEFAULT_CDC), random });
  const store = new OrgStore(options.externalIds ?? DEFAULT_EXTERNAL_IDS, (changes, context) => bus.publishChanges(changes, context), Object.values(integrationUsers)[0] ?? salesforceId('005', 100));
  const products = options.products ?? DEFAULT_PRODUCTS;
  let org: SeededOrg = seedOrg(store, products, integrationUsers);
  const rest = new RestApi(store, options.queryPageSize ?? 2000, () => ({ used: apiUsed, max: dailyLimit }));
  const bayeux = new BayeuxServer(bus, tokens, options.cometdTimeoutMs ?? 110_000);

  let baseUrl = '';
  const publicBase = (request: IncomingMessage) => options.publicUrl ?? (request.headers.host ? `http://${request.headers.host}` : baseUrl);
  const limitHeader = () => ({ 'sforce-limit-info': `api-usage=${apiUsed}/${dailyLimit}` });

  const repContext = (): WriteContext => ({ userId: org.salesRepUserId, changeOrigin: '' });
  const typeOrThrow = (name: string) => {
    const type = canonicalType(name);
    if (!type) throw new Error(`unknown sObject type ${name}`);
    return type;
  };

  const handleToken = async (request: IncomingMessage, response: ServerResponse) => {
    const form = new URLSearchParams(await readBody(request));
    const grant = form.get('grant_type');
    const client = options.clients.find((c) => c.clientId === form.get('client_id'));
    if (grant !== 'client_credentials' && grant !== 'password') {
      return sendJson(response, 400, { error: 'unsupported_grant_type', error_description: 'grant type not supported' });
    }
    if (!client) return sendJson(response, 400, { error: 'invalid_client_id', error_description: 'client identifier invalid' });
    if (client.clientSecret !== form.get('client_secret')) return sendJson(response, 400, { error: 'invalid_client', error_description: 'invalid client credentials' });
    if (grant === 'password' && (!client.username || client.username !== form.get('username') || client.password !== form.get('password'))) {
      return sendJson(response, 400, { error: 'invalid_grant', error_description: 'authentication failure' });
    }
    const userId = integrationUsers[client.clientId]!;
    const session = tokens.issue(client.clientId, userId);
    const base = publicBase(request);
    const id = `${base}/id/${ORG_ID}/${userId}`;
    const issuedAt = String(session.issuedAt);
    return sendJson(response, 200, {
      access_token: session.token,
      signature: createHmac('sha256', client.clientSecret).update(id + issuedAt).digest('base64'),
      scope: 'api',
      instance_url: base,
      id,
      token_type: 'Bearer',
      issued_at: issuedAt,
    });
  };

  const handleRest = async (request: IncomingMessage, response: ServerResponse, version: string, rawRest: string, query: URLSearchParams) => {
    const session = tokens.verify(tokenOf(request.headers.authorization));
    if (!session) return sendJson(response, 401, sessionExpired, limitHeader());
    if (Number(version) > Number(apiVersion) || Number(version) < 20) return sendJson(response, 404, [notFound().entry()], limitHeader());
    if (apiUsed >= dailyLimit) {
      return sendJson(response, 403, [{ message: 'TotalRequests Limit exceeded.', errorCode: 'REQUEST_LIMIT_EXCEEDED' }], limitHeader());
    }
    if (rate5xx > 0 && random() < rate5xx) {
      response.writeHead(503, { 'content-type': 'text/html', ...limitHeader() }).end('<html><body><h1>Service Unavailable</h1><p>The server is temporarily unable to service your request.</p></body></html>');
      return;
    }
    apiUsed += 1;
    const text = await readBody(request);
    let body: unknown;
    try {
      body = text.trim() === '' ? undefined : JSON.parse(text);
    } catch {
      return sendJson(response, 400, [new SalesforceError(400, 'JSON_PARSER_ERROR', 'The request body is not valid JSON').entry()], limitHeader());
    }
    const client = callOptionsClient(request.headers['sforce-call-options'] as string | undefined);
    const context: WriteContext = { userId: session.userId, changeOrigin: `com/salesforce/api/rest/${version}${client ? `;client=${client}` : ''}` };
    const batch = /batchSize=(\d+)/.exec(String(request.headers['sforce-query-options'] ?? ''));
    const segments = rawRest.split('/').slice(1).map((s) => decodeURIComponent(s));
    const reply = rest.handle({ method: request.method ?? 'GET', segments, query, body, version, batchSize: batch ? Number(batch[1]) : undefined }, context);
    return sendJson(response, reply.status, reply.body, limitHeader());
  };

  const handleCometd = async (request: IncomingMessage, response: ServerResponse, version: string) => {
    if (request.method !== 'POST') {
      // faye probes the endpoint (a WebSocket upgrade attempt) before the handshake POST.
      return sendJson(response, 400, [{ successful: false, error: '400::Only long-polling POST is supported' }], { connection: 'close' });
    }
    if (Number(version) > Number(apiVersion) || Number(version) < 36) {
      return sendJson(response, 400, [{ successful: false, error: `400::API version ${version} is not supported` }]);
    }
    let messages: Record<string, unknown>[];
    try {
      const parsed: unknown = JSON.parse(await readBody(request));
      messages = (Array.isArray(parsed) ? parsed : [parsed]) as Record<string, unknown>[];
    } catch {
      return sendJson(response, 400, [{ successful: false, error: '400::Bad request' }]);
    }
    const replies = await bayeux.handle(messages, tokenOf(request.headers.authorization));
    if (!response.destroyed) sendJson(response, 200, replies);
  };

  const simulator: Omit<SalesforceSimulator, 'url' | 'instanceUrl' | 'adminUrl' | 'close'> = {
    orgId: ORG_ID,
    get standardPricebookId() {
      return org.standardPricebookId;
    },
    get recordTypes() {
      return org.recordTypes;
    },
    integrationUsers,
    get salesRepUserId() {
      return org.salesRepUserId;
    },
    reset: () => {
      store.clear();
      org = seedOrg(store, products, integrationUsers);
      rest.queries.clear();
      bus.clear();
      bayeux.forgetClients();
      tokens.expireAll();
      apiUsed = 0;
      dailyLimit = options.dailyApiLimit ?? 15_000;
      simulator.clearFaults();
    },
    records: (type) => store.all(typeOrThrow(type)).map((r) => ({ ...r.fields })),
    setRecord: (type, id, fields) => simulator.changeAsSalesRep(type, id, fields),
    changeAsSalesRep: (type, id, fields: Fields) => {
      const sobject = typeOrThrow(type);
      const context = repContext();
      try {
        return store.transaction(context, () => (id ? store.update(sobject, id, fields, context) : store.create(sobject, fields, context))).id;
      } catch (error) {
        if (error instanceof SalesforceError) throw new Error(`${error.errorCode}: ${error.message}`);
        throw error;
      }
    },
    seedRecord: (type, fields) => store.seed(typeOrThrow(type), fields),
    emitGap: (type, ids, changeType = 'GAP_UPDATE') => bus.publishHeaderOnly(typeOrThrow(type), changeType, ids, org.salesRepUserId).replayId,
    emitOverflow: (type) => {
      const sobject = typeOrThrow(type);
      return bus.publishHeaderOnly(sobject, 'GAP_OVERFLOW', [`${OBJECTS[sobject]!.prefix}*`], org.salesRepUserId).replayId;
    },
    setFaults: (faults: SalesforceFaults) => {
      if (faults.rate5xx !== undefined) rate5xx = faults.rate5xx;
      if (faults.duplicateEvents !== undefined) bayeux.faults.duplicateEvents = faults.duplicateEvents;
      if (faults.reorderEvents !== undefined) bayeux.faults.reorderEvents = faults.reorderEvents;
      if (faults.upsertRace !== undefined) rest.faults.upsertRace = faults.upsertRace;
      if (faults.expireTokens) {
        tokens.expireAll();
        // Held connects answer now, so each client's next connect meets the expired token.
        bayeux.releaseAll();
      }
      if (faults.unknownClient) bayeux.forgetClients();
    },
    clearFaults: () => {
      rate5xx = 0;
      bayeux.faults.duplicateEvents = 0;
      bayeux.faults.reorderEvents = 0;
      rest.faults.upsertRace = 0;
    },
    setDailyLimit: (limit) => {
      dailyLimit = limit;
    },
    apiUsage: () => ({ used: apiUsed, max: dailyLimit }),
    cdcEvents: () => bus.all().map((e) => structuredClone(e.message)),
    cometdClients: () => bayeux.clientCount(),
    tokensIssued: () => tokens.issuedCount(),
  };

  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://simulator');
    const path = url.pathname;
    const data = /^\/services\/data\/v(\d+\.\d)(\/.*)?$/.exec(path);
    const cometd = /^\/cometd\/(\d+\.\d)\/?$/.exec(path);
    const handled: Promise<void> = (async () => {
      if (path === '/services/oauth2/token' && request.method === 'POST') return handleToken(request, response);
      if (path === '/services/oauth2/revoke' && request.method === 'POST') {
        const form = new URLSearchParams(await readBody(request));
        tokens.revoke(form.get('token') ?? '');
        return sendJson(response, 200);
      }
      if (path === '/services/data' || path === '/services/data/') {
        const versions = [];
        for (let v = 31; v <= Number(apiVersion); v += 1) versions.push({ label: `v${v}.0`, url: `/services/data/v${v}.0`, version: `${v}.0` });
        return sendJson(response, 200, versions);
      }
      if (data) return handleRest(request, response, data[1]!, data[2] ?? '', url.searchParams);
      if (cometd) return handleCometd(request, response, cometd[1]!);
      if (path.startsWith(`${ADMIN_PREFIX}/`)) return handleAdmin(request, response, path, simulator);
      return sendJson(response, 404, [notFound().entry()]);
    })();
    handled.catch((error: unknown) => {
      if (!response.headersSent) sendJson(response, 500, [{ message: error instanceof Error ? error.message : String(error), errorCode: 'UNKNOWN_EXCEPTION' }]);
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
    get standardPricebookId() {
      return org.standardPricebookId;
    },
    get recordTypes() {
      return org.recordTypes;
    },
    get salesRepUserId() {
      return org.salesRepUserId;
    },
    url: baseUrl,
    instanceUrl: options.publicUrl ?? baseUrl,
    adminUrl: `${baseUrl}${ADMIN_PREFIX}`,
    close: async () => {
      bayeux.close();
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
};
