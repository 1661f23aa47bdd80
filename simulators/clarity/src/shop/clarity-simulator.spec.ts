import { after, afterEach, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { sampleShopData } from './sample-shop.js';
import { startClaritySimulator } from './start-clarity-simulator.js';
import type { ClaritySimulator } from './shop-types.js';
import { startWebhookReceiver, type WebhookReceiver } from './webhook-receiver.js';

// Raw HTTP on purpose: the simulator is checked against the OpenAPI document, not the connector.

const CLIENT = { clientId: 'tributary', clientSecret: 'sim-secret' };
const SECRET = 'whsec_sim';
const data = sampleShopData(6, { seed: 7 });
const order = data.orders![0]!;
const customer = data.customers!.find((c) => c.customerId === order.customerId)!;

let sim: ClaritySimulator;
let receiver: WebhookReceiver;

before(async () => {
  receiver = await startWebhookReceiver();
  sim = await startClaritySimulator({ clients: [CLIENT], webhooks: { url: receiver.url, secrets: [SECRET], backoffMs: 10 }, seed: 3 });
});
after(async () => {
  await sim.close();
  await receiver.close();
});
beforeEach(() => {
  sim.reset();
  sim.setWebhookTarget({ url: receiver.url, secrets: [SECRET], backoffMs: 10 });
  sim.upsertOrder(order);
  sim.upsertCustomer(customer);
  for (const product of data.products!) sim.upsertProduct(product);
  for (const payment of data.payments!) sim.upsertPayment(payment);
  for (const orderReturn of data.returns!) sim.upsertReturn(orderReturn);
  receiver.received.length = 0;
  receiver.answer();
});
afterEach(() => sim.idle());

const basic = (id: string, secret: string) => `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;

const token = async (): Promise<string> => {
  const response = await fetch(sim.tokenUrl, {
    method: 'POST',
    headers: { authorization: basic(CLIENT.clientId, CLIENT.clientSecret), 'content-type': 'application/x-www-form-urlencoded' },
    body: 'grant_type=client_credentials',
  });
  assert.equal(response.status, 200);
  return ((await response.json()) as { access_token: string }).access_token;
};

const api = async (method: string, path: string, init: { body?: unknown; headers?: Record<string, string>; bearer?: string } = {}) => {
  const response = await fetch(`${sim.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${init.bearer ?? (await token())}`, ...(init.body === undefined ? {} : { 'content-type': 'application/json' }), ...init.headers },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? (JSON.parse(text) as Record<string, unknown>) : undefined };
};

const admin = async (method: string, path: string, body?: unknown) => {
  const response = await fetch(`${sim.adminUrl}${path}`, { method, headers: { 'content-type': 'application/json' }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as unknown) : undefined };
};

describe('Clarity simulator: OAuth', () => {
  it('issues bearer tokens for Basic or form credentials, no-store', async () => {
    const viaForm = await fetch(sim.tokenUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'client_credentials', client_id: CLIENT.clientId, client_secret: CLIENT.clientSecret, scope: 'orders:read' }).toString(),
    });
    assert.equal(viaForm.status, 200);
    assert.equal(viaForm.headers.get('cache-control'), 'no-store');
    const body = (await viaForm.json()) as Record<string, unknown>;
    assert.deepEqual({ ...body, access_token: typeof body['access_token'] }, { access_token: 'string', token_type: 'Bearer', expires_in: 3600, scope: 'orders:read' });
  });

  it('refuses a wrong secret with 401 invalid_client, and other grants with 400', async () => {
    const wrong = await fetch(sim.tokenUrl, { method: 'POST', headers: { authorization: basic('tributary', 'nope') }, body: 'grant_type=client_credentials' });
    assert.equal(wrong.status, 401);
    assert.deepEqual(((await wrong.json()) as { error: string }).error, 'invalid_client');
    const password = await fetch(sim.tokenUrl, { method: 'POST', headers: { authorization: basic(CLIENT.clientId, CLIENT.clientSecret) }, body: 'grant_type=password' });
    assert.equal(password.status, 400);
    assert.equal(sim.stats().tokenRequestsRefused, 2);
  });

  it('answers 401 invalid_token with WWW-Authenticate for no, unknown and expired tokens', async () => {
    const good = await token();
    for (const bearer of ['', 'clr_unknown']) {
      const reply = await api('GET', `/api/v1/orders/${order.orderId}`, { bearer });
      assert.equal(reply.status, 401);
      assert.equal(reply.body?.['error'], 'invalid_token');
      assert.match(reply.headers.get('www-authenticate') ?? '', /^Bearer .*error="invalid_token"/);
    }
    assert.equal((await api('GET', `/api/v1/orders/${order.orderId}`, { bearer: good })).status, 200);
    sim.expireTokens();
    assert.equal((await api('GET', `/api/v1/orders/${order.orderId}`, { bearer: good })).status, 401);
  });

  it('lets tokens run out after tokenTtlSeconds', async () => {
    const short = await startClaritySimulator({ clients: [CLIENT], tokenTtlSeconds: 1 });
    try {
      const reply = await fetch(short.tokenUrl, { method: 'POST', headers: { authorization: basic(CLIENT.clientId, CLIENT.clientSecret) }, body: 'grant_type=client_credentials' });
      const { access_token: bearer, expires_in: ttl } = (await reply.json()) as { access_token: string; expires_in: number };
      assert.equal(ttl, 1);
      await new Promise((resolve) => setTimeout(resolve, 1100));
      const late = await fetch(`${short.url}/api/v1/orders/1`, { headers: { authorization: `Bearer ${bearer}` } });
      assert.equal(late.status, 401);
    } finally {
      await short.close();
    }
  });
});

describe('Clarity simulator: entity API', () => {
  it('answers every route of the OpenAPI document (none is 404 for want of a route)', async () => {
    const document = parse(readFileSync(new URL('../../../../libs/connectors/clarity/openapi/clarity-api.v1.yaml', import.meta.url), 'utf8')) as {
      paths: Record<string, Record<string, unknown>>;
    };
    const bearer = await token();
    for (const [path, item] of Object.entries(document.paths)) {
      for (const method of Object.keys(item).filter((key) => ['get', 'put', 'post', 'patch'].includes(key))) {
        if (path === '/oauth/token') continue;
        const concrete = path.replace(/\{\w+\}/g, 'x-unknown');
        const reply = await api(method.toUpperCase(), concrete, { bearer, body: method === 'get' ? undefined : {}, headers: { 'idempotency-key': 'k' } });
        assert.notEqual(reply.status, 405, `${method} ${path}`);
        assert.ok(reply.status === 404 ? reply.body?.['error'] === 'not_found' && !String(reply.body?.['message']).startsWith('no route') : true, `${method} ${path}: ${JSON.stringify(reply.body)}`);
        assert.ok([200, 400, 404, 422].includes(reply.status), `${method} ${path} → ${reply.status}`);
      }
    }
  });

  it('reads each kind of entity, and answers 404 not_found for an unknown one', async () => {
    const bearer = await token();
    const reads: Array<[string, string]> = [
      [`/api/v1/orders/${order.orderId}`, 'orderId'],
      [`/api/v1/customers/${customer.customerId}`, 'customerId'],
      [`/api/v1/products/${encodeURIComponent(data.products![0]!.sku)}`, 'sku'],
      [`/api/v1/payments/${data.payments![0]!.paymentId}`, 'paymentId'],
      [`/api/v1/returns/${data.returns![0]!.returnId}`, 'returnId'],
    ];
    for (const [path, key] of reads) {
      const reply = await api('GET', path, { bearer });
      assert.equal(reply.status, 200, path);
      assert.ok(reply.body?.[key], path);
    }
    const missing = await api('GET', '/api/v1/shipments/shp-none', { bearer });
    assert.deepEqual([missing.status, missing.body?.['error']], [404, 'not_found']);
  });

  it('keeps the newest sequence per sku@location, counts stale ones, and records every push with its time', async () => {
    const put = (levels: unknown[]) => api('PUT', '/api/v1/inventory', { body: { levels } });
    assert.deepEqual((await put([{ sku: 'TRB-MUG-12OZ', locationId: 'AUS-01', available: '12', sequence: 5 }, { sku: 'TRB-MUG-12OZ', locationId: 'SEA-01', available: '3', sequence: 1 }])).body, { accepted: 2, ignoredStale: 0 });
    assert.deepEqual((await put([{ sku: 'TRB-MUG-12OZ', locationId: 'AUS-01', available: '99', sequence: 4 }, { sku: 'TRB-MUG-12OZ', locationId: 'AUS-01', available: '11', sequence: 6 }])).body, { accepted: 1, ignoredStale: 1 });
    const levels = Object.fromEntries(sim.inventory().map((l) => [`${l.sku}@${l.locationId}`, [l.available, l.sequence]]));
    assert.deepEqual(levels, { 'TRB-MUG-12OZ@AUS-01': ['11', 6], 'TRB-MUG-12OZ@SEA-01': ['3', 1] });
    const pushes = sim.inventoryPushes();
    assert.deepEqual(pushes.map((p) => [p.levels.length, p.accepted, p.ignoredStale, p.clientId]), [[2, 2, 0, 'tributary'], [2, 1, 1, 'tributary']]);
    assert.ok(pushes[0]!.atMs <= pushes[1]!.atMs && !Number.isNaN(Date.parse(pushes[0]!.at)));
    const tooMany = await put(Array.from({ length: 101 }, (_, i) => ({ sku: `S${i}`, locationId: 'L', available: '1', sequence: 1 })));
    assert.equal(tooMany.status, 400);
    assert.equal(tooMany.body?.['error'], 'invalid_request');
  });

  it('creates a shipment once per Idempotency-Key: 201, then 200 with the same body; unknown order 422', async () => {
    const shipment = { shipmentId: 'shp-1', orderId: order.orderId, carrier: 'UPS', service: 'Ground', trackingNumber: '1Z999AA10123456784', shippedAt: '2026-11-26T15:38:00Z', lines: [{ sku: order.lineItems[0]!.sku, quantity: 1 }] };
    const first = await api('POST', '/api/v1/shipments', { body: shipment, headers: { 'idempotency-key': 'shp-1' } });
    const again = await api('POST', '/api/v1/shipments', { body: shipment, headers: { 'idempotency-key': 'shp-1' } });
    assert.deepEqual([first.status, again.status], [201, 200]);
    assert.deepEqual(again.body, first.body);
    assert.deepEqual(first.body, { shipmentId: 'shp-1', status: 'created' });
    assert.equal(sim.shipments().length, 1);
    assert.equal(sim.shipments()[0]?.orderNumber, order.orderNumber);
    const read = await api('GET', '/api/v1/shipments/shp-1');
    assert.equal(read.body?.['trackingNumber'], '1Z999AA10123456784');
    const otherKey = await api('POST', '/api/v1/shipments', { body: shipment, headers: { 'idempotency-key': 'another' } });
    assert.equal(otherKey.status, 409);
    const unknown = await api('POST', '/api/v1/shipments', { body: { ...shipment, shipmentId: 'shp-2', orderId: 'nope' }, headers: { 'idempotency-key': 'shp-2' } });
    assert.deepEqual([unknown.status, unknown.body?.['error']], [422, 'unknown_order']);
    const noKey = await api('POST', '/api/v1/shipments', { body: { ...shipment, shipmentId: 'shp-3' } });
    assert.equal(noKey.status, 400);
  });

  it('changes an order status idempotently and refuses to reopen a cancelled order', async () => {
    const change = (status: string, key: string) => api('PATCH', `/api/v1/orders/${order.orderId}/status`, { body: { status, note: 'from the ERP' }, headers: { 'idempotency-key': key } });
    const shipped = await change('shipped', 'k1');
    assert.equal(shipped.status, 200);
    assert.equal(shipped.body?.['previousStatus'], order.status);
    assert.deepEqual((await change('shipped', 'k1')).body, shipped.body);
    assert.equal(sim.orderStatuses().length, 1, 'the replay changed nothing');
    assert.equal((await change('cancelled', 'k2')).status, 200);
    const reopen = await change('processing', 'k3');
    assert.deepEqual([reopen.status, reopen.body?.['error']], [422, 'invalid_transition']);
    assert.equal((await change('bogus', 'k4')).status, 400);
    assert.deepEqual(sim.orderStatuses().map((s) => s.to), ['shipped', 'cancelled']);
  });
});

describe('Clarity simulator: customers and their webhooks', () => {
  it('a PATCH bumps version and modifiedAt and emits customer.updated with updatedBy integration:<origin>', async () => {
    const reply = await api('PATCH', `/api/v1/customers/${customer.customerId}`, { body: { phone: '+1 512 555 0199' }, headers: { 'x-change-origin': 'salesforce-sync' } });
    assert.equal(reply.status, 200);
    assert.equal(reply.body?.['version'], 2);
    assert.deepEqual(reply.body?.['changedFields'], ['phone']);
    assert.ok(Date.parse(String(reply.body?.['modifiedAt'])) > Date.parse(customer.modifiedAt));
    const [webhook] = await receiver.waitFor(1);
    assert.equal(webhook!.body.type, 'customer.updated');
    assert.equal(webhook!.body.data['updatedBy'], 'integration:salesforce-sync');
    assert.equal(webhook!.body.data['phone'], '+1 512 555 0199');
    const { t, v1 } = Object.fromEntries(String(webhook!.headers['x-clarity-signature']).split(',').map((part) => part.split('=') as [string, string]));
    assert.equal(v1, createHmac('sha256', SECRET).update(`${t}.${webhook!.rawBody}`).digest('hex'));
  });

  it('a PATCH that changes nothing is answered as is, with no new version and no webhook', async () => {
    const reply = await api('PATCH', `/api/v1/customers/${customer.customerId}`, { body: { email: customer.email }, headers: { 'x-change-origin': 'tributary' } });
    assert.equal(reply.status, 200);
    assert.equal(reply.body?.['version'], 1);
    await sim.idle();
    assert.equal(sim.deliveries().length, 0);
  });

  it('refuses unknown fields in a PATCH, and an unknown customer with 404', async () => {
    assert.equal((await api('PATCH', `/api/v1/customers/${customer.customerId}`, { body: { creditLimit: 5 } })).status, 400);
    assert.equal((await api('PATCH', '/api/v1/customers/nobody', { body: { phone: '1' } })).status, 404);
  });

  it('a user edit in the admin carries updatedBy user:<name>', async () => {
    const changed = sim.changeCustomer(customer.customerId, { lastName: 'Okafor-Nguyen' }, 'maria.alvarez');
    assert.equal(changed.updatedBy, 'user:maria.alvarez');
    const [webhook] = await receiver.waitFor(1);
    assert.equal(webhook!.body.data['updatedBy'], 'user:maria.alvarez');
  });
});

describe('Clarity simulator: webhook emitter', () => {
  it('sends a thin webhook as data: { id }', async () => {
    const [delivery] = await sim.emit('order.updated', order.orderId, { thin: true });
    assert.equal(delivery!.state, 'delivered');
    const [webhook] = await receiver.waitFor(1);
    assert.deepEqual(webhook!.body.data, { id: order.orderId });
    assert.equal(webhook!.headers['x-clarity-event'], 'order.updated');
    assert.equal(webhook!.headers['x-clarity-event-id'], webhook!.body.id);
  });

  it('retries a failing receiver with back-off and records the attempts', async () => {
    receiver.answer(500, 503);
    const [delivery] = await sim.emit('product.updated', data.products![0]!);
    assert.deepEqual([delivery!.state, delivery!.status, delivery!.attempts], ['delivered', 200, 3]);
    assert.deepEqual(receiver.received.map((r) => r.answeredWith), [500, 503, 200]);
    assert.equal(new Set(receiver.received.map((r) => r.body.id)).size, 1, 'one webhook id across retries');
    assert.equal(new Set(receiver.received.map((r) => r.headers['x-clarity-delivery-id'])).size, 3, 'a new delivery id per attempt');
  });

  it('gives up after maxAttempts and records the failure', async () => {
    sim.setWebhookTarget({ url: receiver.url, secrets: [SECRET], backoffMs: 1, maxAttempts: 2 });
    receiver.answer(500, 500);
    const [delivery] = await sim.emit('order.created', order);
    assert.deepEqual([delivery!.state, delivery!.status, delivery!.attempts], ['failed', 500, 2]);
  });

  it('delivers a duplicate with the same webhook id, and older versions after newer ones on request', async () => {
    const deliveries = await sim.emit('order.updated', order, { duplicate: true });
    assert.equal(deliveries.length, 2);
    const older = { ...order, status: 'pending', modifiedAt: '2026-01-01T00:00:00Z' };
    await sim.emit('order.updated', { ...order, status: 'shipped' });
    await sim.emit('order.updated', older);
    const received = await receiver.waitFor(4);
    assert.equal(received[0]!.body.id, received[1]!.body.id);
    assert.deepEqual(received.slice(2).map((r) => r.body.data['status']), ['shipped', 'pending']);
  });

  it('records emits as skipped when no receiver is configured', async () => {
    sim.setWebhookTarget(null);
    const [delivery] = await sim.emit('order.created', order);
    assert.equal(delivery!.state, 'skipped');
    assert.equal(receiver.received.length, 0);
  });
});

describe('Clarity simulator: faults', () => {
  it('failNext answers 503 to the next n API requests, then serves again', async () => {
    const bearer = await token();
    sim.setFaults({ failNext: 2 });
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await api('GET', `/api/v1/orders/${order.orderId}`, { bearer })).status);
    assert.deepEqual(statuses, [503, 503, 200]);
  });

  it('rate429 throttles with Retry-After; latency delays answers; a reset clears both', async () => {
    const bearer = await token();
    sim.setFaults({ rate429: 1, retryAfterSeconds: 3, latencyMs: 120 });
    const started = Date.now();
    const throttled = await api('GET', `/api/v1/orders/${order.orderId}`, { bearer });
    assert.equal(throttled.status, 429);
    assert.equal(throttled.headers.get('retry-after'), '3');
    assert.ok(Date.now() - started >= 110);
    sim.clearFaults();
    assert.equal((await api('GET', `/api/v1/orders/${order.orderId}`, { bearer })).status, 200);
  });

  it('rate5xx fails about that share of requests, the same way for the same seed', async () => {
    const bearer = await token();
    sim.setFaults({ rate5xx: 0.5 });
    const statuses = [];
    for (let i = 0; i < 40; i++) statuses.push((await api('GET', `/api/v1/orders/${order.orderId}`, { bearer })).status);
    const failed = statuses.filter((s) => s === 503).length;
    assert.ok(failed > 8 && failed < 32, `${failed} of 40`);
  });
});

describe('Clarity simulator: admin API', () => {
  it('upserts, lists and refuses bad bodies with 400 and the issues', async () => {
    assert.equal((await admin('POST', '/orders', { ...order, orderId: '777' })).status, 200);
    assert.ok(((await admin('GET', '/orders')).body as Array<{ orderId: string }>).some((o) => o.orderId === '777'));
    const bad = await admin('POST', '/orders', { orderNumber: 'CL-1' });
    assert.equal(bad.status, 400);
    assert.ok(((bad.body as { issues: Array<{ path: string }> }).issues).some((i) => i.path === 'orderId'));
    assert.equal((await admin('POST', '/faults', { rate5xx: 2 })).status, 400);
  });

  it('steers faults, tokens, webhooks, customers and emits over HTTP', async () => {
    const bearer = await token();
    assert.equal((await admin('POST', '/faults', { failNext: 1 })).status, 204);
    assert.equal((await api('GET', `/api/v1/orders/${order.orderId}`, { bearer })).status, 503);
    assert.equal((await admin('POST', '/expire-tokens')).status, 204);
    assert.equal((await api('GET', `/api/v1/orders/${order.orderId}`, { bearer })).status, 401);
    const emitted = await admin('POST', '/emit', { type: 'order.updated', id: order.orderId, thin: true, duplicate: true });
    assert.equal(emitted.status, 202);
    const received = await receiver.waitFor(2);
    assert.equal(received[0]!.body.id, received[1]!.body.id);
    assert.equal((await admin('POST', '/emit', { type: 'order.updated', id: 'nope' })).status, 404);
    const changed = await admin('POST', `/customers/${customer.customerId}/change`, { user: 'ops.jane', patch: { phone: '+1 206 555 0100' } });
    assert.equal((changed.body as { updatedBy: string }).updatedBy, 'user:ops.jane');
    await admin('POST', '/idle');
    assert.equal(((await admin('GET', '/deliveries')).body as unknown[]).length, 3);
    const seeded = await admin('POST', '/seed', { count: 3, seed: 9, startNumber: 50001 });
    assert.deepEqual((seeded.body as Record<string, number>)['orders'], 3);
    assert.ok(sim.orders().some((o) => o.orderId === '50001'));
  });
});
