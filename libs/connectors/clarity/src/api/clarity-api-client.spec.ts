import { afterEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { inspect } from 'node:util';
import { IntegrationError } from '@tributary/core';
import { ClarityApiClient } from './clarity-api-client.js';
import type { ClarityApiClientOptions, ClarityApiRequestEvent } from './clarity-api-types.js';
import { renewalMarginMs } from './token-source.js';
import { invalidToken, sampleOrder, startFakeClarity, tokenAnswer, type FakeClarity, type FakeHandler } from './fake-clarity.fixture.js';

const open: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((thing) => thing.close()));
});

/** A fake Clarity issuing tok-1, tok-2, … and answering the API with `api`. */
const setUp = async (api: FakeHandler, options: Partial<ClarityApiClientOptions> & { token?: FakeHandler } = {}) => {
  let issued = 0;
  const fake = await startFakeClarity((request) =>
    request.path === '/oauth/token' ? (options.token ?? (() => tokenAnswer(`tok-${++issued}`)))(request) : api(request),
  );
  const events: ClarityApiRequestEvent[] = [];
  const client = new ClarityApiClient({ baseUrl: fake.url, clientId: 'tributary', clientSecret: 's3cret', timeoutMs: 500, onRequest: (e) => events.push(e), ...options });
  open.push(client, fake);
  return { fake, client, events };
};

const bearerOf = (fake: FakeClarity) => fake.apiRequests().map((r) => r.headers.authorization);

const rejectsWith = (promise: Promise<unknown>, expected: { code: string; transient: boolean; details?: Record<string, unknown> }) =>
  assert.rejects(promise, (error: unknown) => {
    assert.ok(error instanceof IntegrationError, `expected an IntegrationError, got ${String(error)}`);
    assert.equal(error.code, expected.code, error.message);
    assert.equal(error.transient, expected.transient);
    for (const [key, value] of Object.entries(expected.details ?? {})) assert.deepEqual(error.details[key], value, key);
    return true;
  });

describe('ClarityApiClient: OAuth token', () => {
  it('asks for a client credentials token with Basic auth, and reuses it for later calls', async () => {
    const { fake, client } = await setUp(() => ({ status: 200, body: sampleOrder() }));
    await client.getOrder('10045');
    await client.getOrder('10045');
    assert.equal(fake.tokenRequests().length, 1);
    const tokenRequest = fake.tokenRequests()[0]!;
    assert.equal(tokenRequest.headers.authorization, `Basic ${Buffer.from('tributary:s3cret').toString('base64')}`);
    assert.equal(new URLSearchParams(tokenRequest.body).get('grant_type'), 'client_credentials');
    assert.deepEqual(bearerOf(fake), ['Bearer tok-1', 'Bearer tok-1']);
  });

  it('form-encodes credentials before Basic (RFC 6749 §2.3.1) and sends the scope', async () => {
    const { fake, client } = await setUp(() => ({ status: 200, body: sampleOrder() }), { clientId: 'a b:c', clientSecret: 'p@ss/word', scope: 'orders:read inventory:write' });
    await client.getOrder('10045');
    const decoded = Buffer.from(String(fake.tokenRequests()[0]!.headers.authorization).slice(6), 'base64').toString();
    assert.equal(decoded, 'a+b%3Ac:p%40ss%2Fword');
    assert.equal(new URLSearchParams(fake.tokenRequests()[0]!.body).get('scope'), 'orders:read inventory:write');
  });

  it('renews the token shortly before it expires: 10 % of its life, at least 30 s, at most half', async () => {
    assert.equal(renewalMarginMs(3600), 360_000);
    assert.equal(renewalMarginMs(120), 30_000);
    assert.equal(renewalMarginMs(40), 20_000);
    let now = 1_000_000;
    const { fake, client } = await setUp(() => ({ status: 200, body: sampleOrder() }), { now: () => now });
    await client.getOrder('10045');
    now += (3600 - 360) * 1000 - 1;
    await client.getOrder('10045');
    assert.equal(fake.tokenRequests().length, 1, 'still inside its useful life');
    now += 2;
    await client.getOrder('10045');
    assert.equal(fake.tokenRequests().length, 2, 'renewed within the margin');
    assert.deepEqual(bearerOf(fake), ['Bearer tok-1', 'Bearer tok-1', 'Bearer tok-2']);
  });

  it('lets concurrent callers share one token request', async () => {
    let issued = 0;
    const { fake, client } = await setUp(() => ({ status: 200, body: sampleOrder() }), { token: () => ({ ...tokenAnswer(`tok-${++issued}`), delayMs: 50 }) });
    await Promise.all(Array.from({ length: 8 }, () => client.getOrder('10045')));
    assert.equal(fake.tokenRequests().length, 1);
    assert.equal(fake.apiRequests().length, 8);
  });

  it('on 401 invalid_token fetches a new token once and retries the call once', async () => {
    const { fake, client } = await setUp((request) => (request.headers.authorization === 'Bearer tok-1' ? invalidToken : { status: 200, body: sampleOrder() }));
    const order = await client.getOrder('10045');
    assert.equal(order?.orderId, '10045');
    assert.equal(fake.tokenRequests().length, 2);
    assert.deepEqual(bearerOf(fake), ['Bearer tok-1', 'Bearer tok-2']);
  });

  it('a token refused again after the refresh is a transient CLARITY.AUTH, after exactly one retry', async () => {
    const { fake, client } = await setUp(() => invalidToken);
    await rejectsWith(client.getOrder('10045'), { code: 'CLARITY.AUTH', transient: true });
    assert.equal(fake.tokenRequests().length, 2);
    assert.equal(fake.apiRequests().length, 2);
  });

  it('does not cache a failed token request: the next call asks again', async () => {
    let attempt = 0;
    const { fake, client } = await setUp(() => ({ status: 200, body: sampleOrder() }), {
      token: () => (++attempt === 1 ? { status: 503, body: { error: 'unavailable' } } : tokenAnswer('tok-ok')),
    });
    await rejectsWith(client.getOrder('10045'), { code: 'CLARITY.UNAVAILABLE', transient: true, details: { operation: 'token' } });
    assert.equal((await client.getOrder('10045'))?.orderId, '10045');
    assert.equal(fake.tokenRequests().length, 2);
  });

  it('refused client credentials are a transient CLARITY.AUTH (they may be mid-rotation)', async () => {
    const { client, fake } = await setUp(() => ({ status: 200, body: sampleOrder() }), { token: () => ({ status: 401, body: { error: 'invalid_client' } }) });
    await rejectsWith(client.getOrder('10045'), { code: 'CLARITY.AUTH', transient: true, details: { clarityError: 'invalid_client' } });
    assert.equal(fake.apiRequests().length, 0);
  });

  it('never puts the secret or a token in errors, details or metrics, even when Clarity echoes them', async () => {
    const secret = 'CANARY-SECRET-7f3a9c';
    const token = 'CANARY-TOKEN-2b8e4d';
    const echo = (request: { headers: Record<string, unknown>; body: string }) => ({ error: 'echo', message: `you sent ${String(request.headers['authorization'])} ${request.body}` });
    let mode = 'ok';
    const { client, events } = await setUp(
      (request) => {
        switch (mode) {
          case '500': return { status: 500, body: echo(request) };
          case '422': return { status: 422, body: { error: 'bad', message: 'rejected' }, headers: { 'x-echo': String(request.headers.authorization) } };
          case 'unreadable': return { status: 200, body: { ...sampleOrder(), lineItems: String(request.headers.authorization) } };
          case 'slow': return { status: 200, body: sampleOrder(), delayMs: 800 };
          case 'auth': return { ...invalidToken, body: echo(request) };
          default: return { status: 200, body: sampleOrder() };
        }
      },
      {
        clientSecret: secret,
        token: (request) =>
          mode === 'token-refused'
            ? { status: 401, body: { error: 'invalid_client', error_description: `bad ${String(request.headers.authorization)}` } }
            : mode === 'token-garbled'
              ? { status: 200, body: { access_token: token, token_type: 'mac', expires_in: 3600 } }
              : tokenAnswer(token),
      },
    );
    const errors: unknown[] = [];
    for (const next of ['500', '422', 'unreadable', 'slow', 'auth', 'token-refused', 'token-garbled']) {
      mode = next;
      if (next.startsWith('token')) client['tokens'].invalidate(token);
      errors.push(await client.getOrder('10045').then(() => assert.fail(`${next} should fail`), (error: unknown) => error));
    }
    const basic = Buffer.from(`tributary:${secret}`).toString('base64');
    for (const error of errors) {
      assert.ok(error instanceof IntegrationError);
      const seen = [error.message, JSON.stringify(error.details), inspect(error, { depth: Infinity, showHidden: true }), String(error.stack)].join('\n');
      for (const canary of [secret, token, basic]) assert.ok(!seen.includes(canary), `${error.code} leaks ${canary}: ${seen}`);
    }
    assert.ok(!JSON.stringify(events).includes(token) && !JSON.stringify(events).includes(secret));
  });
});

describe('ClarityApiClient: failures', () => {
  it('answers null for an entity Clarity does not have', async () => {
    const { client } = await setUp(() => ({ status: 404, body: { error: 'not_found' } }));
    assert.equal(await client.getOrder('404'), null);
    assert.equal(await client.getCustomer('404'), null);
    assert.equal(await client.getShipment('404'), null);
  });

  it('429 is transient THROTTLED with retryAfterMs', async () => {
    const { client } = await setUp(() => ({ status: 429, headers: { 'retry-after': '2' }, body: { error: 'rate_limited' } }));
    await rejectsWith(client.getProduct('TRB-MUG-12OZ'), { code: 'CLARITY.THROTTLED', transient: true, details: { retryAfterMs: 2000, httpStatus: 429 } });
  });

  it('5xx is transient UNAVAILABLE; for a write its outcome is unknown', async () => {
    const { client } = await setUp(() => ({ status: 502, body: '<html>bad gateway</html>' }));
    await rejectsWith(client.getOrder('1'), { code: 'CLARITY.UNAVAILABLE', transient: true, details: { outcomeUnknown: false, httpStatus: 502 } });
    await rejectsWith(client.updateOrderStatus('1', { status: 'shipped' }, { idempotencyKey: 'k' }), { code: 'CLARITY.UNAVAILABLE', transient: true, details: { outcomeUnknown: true } });
  });

  it('a timeout is transient TIMEOUT with an unknown outcome', async () => {
    const { client } = await setUp(() => ({ status: 200, body: { accepted: 1, ignoredStale: 0 }, delayMs: 300 }), { timeoutMs: 100 });
    await rejectsWith(client.putInventory([{ sku: 'A', locationId: 'L', available: '1', sequence: 1 }]), {
      code: 'CLARITY.TIMEOUT',
      transient: true,
      details: { outcomeUnknown: true },
    });
  });

  it('a refused connection is transient UNAVAILABLE, nothing sent', async () => {
    const client = new ClarityApiClient({ baseUrl: 'http://127.0.0.1:9', clientId: 'x', clientSecret: 'y', timeoutMs: 500 });
    open.push(client);
    await rejectsWith(client.getOrder('1'), { code: 'CLARITY.UNAVAILABLE', transient: true, details: { outcomeUnknown: false, networkCode: 'ECONNREFUSED' } });
  });

  it('other 4xx are permanent with Clarity’s message; 404 on a write is NOT_FOUND', async () => {
    const { client } = await setUp((request) =>
      request.method === 'POST' ? { status: 422, body: { error: 'unknown_order', message: 'no order 999' } } : { status: 404, body: { error: 'not_found', message: 'no customer c-9' } },
    );
    const shipment = { shipmentId: 's-1', orderId: '999', carrier: 'UPS', trackingNumber: '1Z', shippedAt: '2026-11-26T10:00:00Z', lines: [{ sku: 'A', quantity: 1 }] };
    await assert.rejects(client.createShipment(shipment, { idempotencyKey: 's-1' }), (error: IntegrationError) =>
      error.code === 'CLARITY.REJECTED' && !error.transient && /no order 999/.test(error.message) && error.details['clarityError'] === 'unknown_order');
    await rejectsWith(client.updateCustomer('c-9', { phone: '+1 512 555 0100' }), { code: 'CLARITY.NOT_FOUND', transient: false });
  });

  it('a reply that breaks the contract is transient UNREADABLE, with the paths at fault', async () => {
    const { client } = await setUp(() => ({ status: 200, body: { ...sampleOrder(), lineItems: [] } }));
    await assert.rejects(client.getOrder('10045'), (error: IntegrationError) => {
      assert.equal(error.code, 'CLARITY.UNREADABLE');
      assert.equal(error.transient, true);
      assert.deepEqual((error.details['issues'] as Array<{ path: string }>).map((i) => i.path), ['lineItems']);
      return true;
    });
  });

  it('refuses invalid input before sending it, as a permanent REJECTED', async () => {
    const { client, fake } = await setUp(() => ({ status: 200, body: {} }));
    await rejectsWith(client.updateCustomer('c-1', {}), { code: 'CLARITY.REJECTED', transient: false });
    await rejectsWith(client.putInventory([{ sku: 'A', locationId: 'L', available: 'lots', sequence: 1 }]), { code: 'CLARITY.REJECTED', transient: false });
    assert.equal(fake.apiRequests().length, 0);
  });

  it('reports every exchange to onRequest, token included', async () => {
    const { client, events } = await setUp(() => ({ status: 200, body: sampleOrder() }));
    await client.getOrder('10045');
    assert.deepEqual(events.map((e) => [e.operation, e.status]), [['token', '200'], ['getOrder', '200']]);
  });
});

describe('ClarityApiClient: writes', () => {
  it('putInventory sends at most 100 levels per call and adds up the results', async () => {
    const { client, fake } = await setUp((request) => {
      const { levels } = JSON.parse(request.body) as { levels: unknown[] };
      return { status: 200, body: { accepted: levels.length - 1, ignoredStale: 1 } };
    });
    const levels = Array.from({ length: 250 }, (_, i) => ({ sku: `SKU-${i}`, locationId: 'AUS-01', available: String(i), sequence: i + 1 }));
    assert.deepEqual(await client.putInventory(levels), { accepted: 247, ignoredStale: 3 });
    const sent = fake.apiRequests().map((r) => (JSON.parse(r.body) as { levels: Array<{ sku: string }> }).levels);
    assert.deepEqual(sent.map((chunk) => chunk.length), [100, 100, 50]);
    assert.deepEqual(sent.flat().map((level) => level.sku), levels.map((level) => level.sku), 'in order, none lost');
    assert.ok(fake.apiRequests().every((r) => r.method === 'PUT' && r.path === '/api/v1/inventory'));
    assert.deepEqual(await client.putInventory([]), { accepted: 0, ignoredStale: 0 });
    assert.equal(fake.apiRequests().length, 3, 'nothing to send, no call');
  });

  it('createShipment sends the Idempotency-Key and tells a replay (200) from a creation (201)', async () => {
    const seen = new Set<string>();
    const { client, fake } = await setUp((request) => {
      const key = String(request.headers['idempotency-key']);
      const status = seen.has(key) ? 200 : 201;
      seen.add(key);
      return { status, body: { shipmentId: 'shp-1', status: 'created' } };
    });
    const shipment = { shipmentId: 'shp-1', orderId: '10045', carrier: 'UPS', service: 'Ground', trackingNumber: '1Z999AA10123456784', shippedAt: '2026-11-26T15:38:00Z', lines: [{ sku: 'TRB-MUG-12OZ', quantity: 2 }] };
    assert.deepEqual(await client.createShipment(shipment, { idempotencyKey: 'shp-1' }), { shipmentId: 'shp-1', status: 'created', replayed: false });
    assert.deepEqual(await client.createShipment(shipment, { idempotencyKey: 'shp-1' }), { shipmentId: 'shp-1', status: 'created', replayed: true });
    assert.deepEqual(JSON.parse(fake.apiRequests()[0]!.body), shipment);
  });

  it('updateCustomer sends X-Change-Origin; updateOrderStatus the Idempotency-Key', async () => {
    const { client, fake } = await setUp((request) =>
      request.path.endsWith('/status')
        ? { status: 200, body: { orderId: '10045', status: 'shipped', previousStatus: 'processing', modifiedAt: '2026-11-26T15:40:00Z' } }
        : { status: 200, body: { customerId: 'cust-77', email: 'm@example.com', phone: '+1 512 555 0199', modifiedAt: '2026-11-26T15:40:00Z', updatedBy: 'integration:salesforce-sync' } },
      { changeOrigin: 'salesforce-sync' },
    );
    const customer = await client.updateCustomer('cust-77', { phone: '+1 512 555 0199' });
    assert.equal(customer.updatedBy, 'integration:salesforce-sync');
    const patch = fake.apiRequests()[0]!;
    assert.equal(patch.method, 'PATCH');
    assert.equal(patch.headers['x-change-origin'], 'salesforce-sync');
    assert.deepEqual(JSON.parse(patch.body), { phone: '+1 512 555 0199' });
    const result = await client.updateOrderStatus('10045', { status: 'shipped', note: 'UPS 1Z999' }, { idempotencyKey: 'ord-10045-shipped' });
    assert.deepEqual(result, { orderId: '10045', status: 'shipped', previousStatus: 'processing', modifiedAt: '2026-11-26T15:40:00Z' });
    const change = fake.apiRequests()[1]!;
    assert.equal(change.path, '/api/v1/orders/10045/status');
    assert.equal(change.headers['idempotency-key'], 'ord-10045-shipped');
  });

  it('percent-encodes path parameters', async () => {
    const { client, fake } = await setUp(() => ({ status: 404, body: { error: 'not_found' } }));
    await client.getProduct('TRB/MUG 12?');
    assert.equal(fake.apiRequests()[0]?.path, '/api/v1/products/TRB%2FMUG%2012%3F');
  });
});
