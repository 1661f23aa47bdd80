import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac, randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { Agent, request } from 'undici';
import { topics } from '@tributary/canonical-model';
import { sampleOrders, webhookFor } from '@tributary/simulator-clarity';
import { E2eStack, WEBHOOK_SECRET } from './e2e-stack.js';

/**
 * Hostile webhooks against a running clarity-ingress: every generated body must be refused with a
 * 4xx and a JSON `{ error, message }`, nothing may reach Kafka, and the ingress must still take a
 * valid webhook afterwards. Short in `make test`; `make fuzz` runs FUZZ_RUNS=10000.
 */
const RUNS = Number(process.env['FUZZ_RUNS'] ?? 500);
const SEED = process.env['FUZZ_SEED'] === undefined ? Date.now() % 2_147_483_647 : Number(process.env['FUZZ_SEED']);
const BODY_LIMIT = 1024 * 1024;
const TOLERANCE_S = 300;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
interface Case {
  kind: string;
  body: Buffer;
  /** `sign` signs the body with the right secret and now; otherwise the header to send verbatim (undefined: none). */
  signature: { sign: true; offsetSeconds?: number } | { header: string | undefined };
  expect: readonly number[];
}

/** How fast-check prints a case in a counterexample: never the whole (possibly megabytes) body. */
const described = (c: Case): Case =>
  Object.assign(c, { [fc.toStringMethod]: () => `${c.kind} (${c.body.length} bytes, expect ${c.expect.join('/')}): ${JSON.stringify(c.body.subarray(0, 200).toString())}${c.body.length > 200 ? '…' : ''} signature ${JSON.stringify('header' in c.signature ? String(c.signature.header).slice(0, 120) : c.signature)}` });

const [baseOrder] = sampleOrders(1, { seed: 4242, startNumber: 424_200 });
const base = (): Record<string, Json> => JSON.parse(JSON.stringify(webhookFor(baseOrder!))) as Record<string, Json>;

const sign = (body: Buffer, secret: string, t: number) => `t=${t},v1=${createHmac('sha256', secret).update(`${t}.`).update(body).digest('hex')}`;
const nowS = () => Math.floor(Date.now() / 1000);

/** Required fields of an order webhook, with values of the wrong type for each. */
const stringFields = ['id', 'data.orderId', 'data.customerId', 'data.status', 'data.customer.email', 'data.billingAddress.line1', 'data.shippingAddress.city', 'data.lineItems.0.sku'];
const timeFields = ['createdAt', 'data.orderDate'];
const amountFields = ['data.totalAmount', 'data.lineItems.0.unitPrice', 'data.lineItems.0.tax'];
const objectFields = ['data', 'data.customer', 'data.billingAddress', 'data.shippingAddress', 'data.lineItems.0'];
const requiredFields = [...stringFields, ...timeFields, ...amountFields, ...objectFields, 'type', 'apiVersion', 'data.currency', 'data.lineItems', 'data.lineItems.0.quantity', 'data.shippingAddress.country'];

const segments = (path: string) => path.split('.').map((s) => (/^\d+$/.test(s) ? Number(s) : s));
const setPath = (root: Record<string, Json>, path: string, value: Json | undefined) => {
  const parts = segments(path);
  let node = root as Record<string | number, Json>;
  for (const part of parts.slice(0, -1)) node = node[part] as Record<string | number, Json>;
  const last = parts[parts.length - 1]!;
  if (value === undefined) {
    if (Array.isArray(node) && typeof last === 'number') node.splice(last, 1);
    else delete node[last];
  } else node[last] = value;
};

/** Strings nothing should accept as a timestamp, an id of a known type, a currency or an amount. */
const hostileText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.constantFrom('\u0000', '\u202e\u0041\u0042', '𝔘𝔫𝔦𝔠𝔬𝔡𝔢', '\ud800', 'ﾟ･✿ヾ╲(｡◕‿◕｡)╱✿･ﾟ', 'Ａ'.repeat(3), '${jndi:ldap://x}', "'; DROP TABLE orders; --", '<script>alert(1)</script>', '../../etc/passwd', '%00', 'NaN', 'Infinity', '-0', '1e309', '0x10'),
);
const notATime = hostileText.filter((s) => Number.isNaN(Date.parse(s)) || !/^\d{4}-\d\d-\d\dT/.test(s));
const nonString: fc.Arbitrary<Json> = fc.oneof(fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.constant<Json>([]), fc.constant<Json>({}), fc.array(fc.integer(), { maxLength: 3 }));
const wrongAmount: fc.Arbitrary<Json> = fc.oneof(fc.boolean(), fc.constant(null), fc.constant<Json>([]), fc.constant<Json>({}), fc.integer({ max: -1 }), fc.double({ min: 0.001, max: 0.999, noNaN: true }).map((n) => n + 0.0001), fc.constantFrom('abc', '1,00', '-5', '1.999', '١٢٣', '1e3', ' 1', '9999999999999.00'));
const wrongObject: fc.Arbitrary<Json> = fc.oneof(fc.string({ maxLength: 10 }), fc.integer(), fc.boolean(), fc.constant(null), fc.array(fc.integer(), { maxLength: 3 }));
const wrongQuantity: fc.Arbitrary<Json> = fc.oneof(fc.constant(0), fc.integer({ max: -1 }), fc.constant(1.5), fc.constant(2 ** 31), fc.string({ maxLength: 5 }), fc.constant(null), fc.constant<Json>([1]));

const wrongValueFor = (path: string): fc.Arbitrary<Json> => {
  if (stringFields.includes(path)) return fc.oneof(nonString, fc.constant(''));
  if (timeFields.includes(path)) return fc.oneof(nonString, notATime);
  if (amountFields.includes(path)) return wrongAmount;
  if (objectFields.includes(path)) return wrongObject;
  if (path === 'data.lineItems') return fc.oneof(wrongObject.filter((v) => !Array.isArray(v)), fc.constant<Json>([]), fc.array(nonString, { minLength: 1, maxLength: 5 }));
  if (path === 'data.lineItems.0.quantity') return wrongQuantity;
  if (path === 'data.currency' || path === 'data.shippingAddress.country') return fc.oneof(nonString, hostileText.filter((s) => !/^[A-Za-z]{2,3}$/.test(s)));
  if (path === 'apiVersion') return fc.oneof(nonString, fc.constantFrom('v2', 'V1', 'v1 ', ''));
  // type: anything that is not a type we handle (a string is 422, anything else 400).
  return fc.oneof(nonString, hostileText.filter((s) => !/^(order|payment|return|product|customer|inventory|shipment)\./.test(s)));
};

/** A JSON value with `__proto__` / `constructor` / `prototype` own keys, as JSON.parse builds them. */
const pollutingObject = fc.constantFrom(
  '{"__proto__":{"polluted":"yes","isAdmin":true}}',
  '{"constructor":{"prototype":{"polluted":"yes"}}}',
  '{"__proto__":{"__proto__":{"polluted":"yes"}}}',
  '{"prototype":{"polluted":"yes"},"toString":"x","hasOwnProperty":1,"valueOf":null}',
).map((text) => JSON.parse(text) as Json);

/** Decorations that a valid body might survive, so each is combined with a field that breaks it. */
const decoration = fc.oneof(
  fc.record({ where: fc.constantFrom('', 'data', 'data.customer', 'data.lineItems.0'), key: fc.string({ unit: 'binary', maxLength: 12 }), value: fc.oneof(hostileText, pollutingObject) }),
  fc.record({ where: fc.constantFrom('', 'data'), key: fc.constantFrom('__proto__', 'constructor', 'prototype'), value: pollutingObject }),
);
const decorate = (body: Record<string, Json>, decorations: Array<{ where: string; key: string; value: Json }>) => {
  for (const { where, key, value } of decorations) {
    let node = body as Record<string | number, Json>;
    if (where) for (const part of segments(where)) node = (node?.[part] ?? null) as Record<string | number, Json>;
    if (node && typeof node === 'object' && !Array.isArray(node)) Object.defineProperty(node, key, { value, enumerable: true, writable: true, configurable: true });
  }
  return body;
};

const encode = (value: unknown) => Buffer.from(JSON.stringify(value), 'utf8');
const signed = (kind: string, body: Buffer, expect: readonly number[], offsetSeconds?: number): Case => ({ kind, body, signature: { sign: true, ...(offsetSeconds === undefined ? {} : { offsetSeconds }) }, expect });

const nested = (depth: number, open: string, close: string, inner = '1') => `${open.repeat(depth)}${inner}${close.repeat(depth)}`;

const cases: fc.Arbitrary<Case> = fc.oneof<fc.WeightedArbitrary<Case>[]>(
  // Not JSON, truncated JSON, binary, empty.
  { weight: 3, arbitrary: fc.oneof(
    fc.string({ unit: 'binary', maxLength: 200 }).map((s) => Buffer.from(s)),
    fc.uint8Array({ maxLength: 300 }).map((bytes) => Buffer.from(bytes)),
    fc.integer({ min: 0, max: 2000 }).map((cut) => { const full = encode(base()); return full.subarray(0, Math.min(cut, full.length - 1)); }),
    fc.constantFrom('', ' ', 'null', 'true', '[]', '"order.created"', '{}', '{"type":"order.created"}', '\ufeff{}', '{"a":1,"a":2}', 'NaN', '[1,]', "{'id':1}").map((s) => Buffer.from(s)),
  ).map((body) => signed('not-a-webhook', body, [400])) },
  // One required field of the wrong type (plus hostile decorations).
  { weight: 5, arbitrary: fc.constantFrom(...requiredFields).chain((path) =>
    fc.tuple(fc.constant(path), wrongValueFor(path), fc.array(decoration, { maxLength: 3 })),
  ).map(([path, value, decorations]) => {
    const body = base();
    setPath(body, path, value);
    return signed(`wrong-type:${path}`, encode(decorate(body, decorations)), path === 'type' ? [400, 422] : [400]);
  }) },
  // One required field missing.
  { weight: 3, arbitrary: fc.tuple(fc.constantFrom(...requiredFields), fc.array(decoration, { maxLength: 3 })).map(([path, decorations]) => {
    const body = base();
    setPath(body, path, undefined);
    return signed(`missing:${path}`, encode(decorate(body, decorations)), [400]);
  }) },
  // Huge arrays: of garbage as the lines, or alongside a broken field; over the limit → 413.
  { weight: 2, arbitrary: fc.tuple(fc.integer({ min: 1_000, max: 200_000 }), fc.constantFrom<Json>(0, null, 'x', {}, [], { sku: 1 })).map(([n, item]) => {
    const body = base();
    (body['data'] as Record<string, Json>)['lineItems'] = new Array<Json>(n).fill(item);
    const bytes = encode(body);
    return signed('huge-array', bytes, bytes.length > BODY_LIMIT ? [413] : [400]);
  }) },
  // Deep nesting: as the whole body, as `data`, or as an extra field next to a broken one.
  { weight: 2, arbitrary: fc.tuple(fc.integer({ min: 100, max: 100_000 }), fc.constantFrom('[', '{"a":'), fc.constantFrom('body', 'data', 'extra')).map(([depth, open, where]) => {
    const close = open === '[' ? ']' : '}';
    const deep = nested(depth, open, close);
    const envelope = JSON.stringify({ ...base(), data: '__DEEP__' });
    const text = where === 'body' ? deep
      : where === 'data' ? envelope.replace('"__DEEP__"', deep)
      : JSON.stringify({ ...base(), apiVersion: 2, extra: '__DEEP__' }).replace('"__DEEP__"', deep);
    const bytes = Buffer.from(text);
    return signed(`deep-nesting:${where}`, bytes, bytes.length > BODY_LIMIT ? [413] : [400]);
  }) },
  // Unicode in the fields that carry meaning, and as keys.
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom('type', 'createdAt', 'data.currency', 'data.orderDate', 'apiVersion'), hostileText, fc.array(decoration, { minLength: 1, maxLength: 4 })).filter(([path, text]) =>
    path === 'type' ? !/^(order|payment|return|product|customer|inventory|shipment)\./.test(text) : path === 'data.currency' ? !/^[A-Z]{3}$/.test(text) : path === 'apiVersion' ? text !== 'v1' : true,
  ).map(([path, text, decorations]) => {
    const body = base();
    setPath(body, path, text);
    return signed(`unicode:${path}`, encode(decorate(body, decorations)), path === 'type' ? [400, 422] : [400]);
  }) },
  // Prototype keys carrying an otherwise valid envelope or order: nothing may be read through them.
  { weight: 2, arbitrary: fc.constantFrom('root-proto', 'data-proto', 'root-constructor', 'both').map((variant) => {
    const valid = JSON.stringify(base());
    const data = JSON.stringify(base()['data']);
    const text = variant === 'root-proto' ? `{"__proto__":${valid}}`
      : variant === 'data-proto' ? JSON.stringify({ ...base(), data: '__D__' }).replace('"__D__"', `{"__proto__":${data}}`)
      : variant === 'root-constructor' ? `{"constructor":{"prototype":${valid}}}`
      : `{"__proto__":${valid},"constructor":{"prototype":${valid}},"prototype":${valid}}`;
    return signed(`proto-keys:${variant}`, Buffer.from(text), [400]);
  }) },
  // Over the body limit: a valid envelope padded past it.
  { weight: 1, arbitrary: fc.integer({ min: BODY_LIMIT + 1, max: 3 * BODY_LIMIT }).map((size) => {
    const body = base();
    const skeleton = encode({ ...body, padding: '' }).length;
    return signed('oversized', encode({ ...body, padding: 'x'.repeat(Math.max(0, size - skeleton)) }), [413]);
  }) },
  // Bad signatures on a perfectly valid body.
  { weight: 4, arbitrary: fc.oneof(
    fc.constant<string | undefined>(undefined),
    fc.constantFrom('', ' ', 't=', 'v1=', 't=1,v1=', 'garbage', 't=abc,v1=00', `t=${'9'.repeat(400)},v1=${'0'.repeat(64)}`, `t=1,v1=${'a'.repeat(100_000)}`),
    // Any header a client can send: printable ASCII (undici refuses control characters, as servers would).
    fc.string({ unit: 'binary-ascii', maxLength: 200 }).map((s) => s.replace(/[^\x20-\x7e]/g, '')),
    fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: 64, maxLength: 64 }).map((hex) => `t=${nowS()},v1=${hex}`),
    fc.string({ minLength: 1, maxLength: 30 }).filter((s) => s !== WEBHOOK_SECRET).map((secret) => `__WRONG_SECRET__${secret}`),
    fc.constant('__OTHER_BODY__'),
    fc.constant('__V0_ONLY__'),
  ).map((header): Case => {
    const body = encode(base());
    const t = nowS();
    const resolved = header === undefined ? undefined
      : header.startsWith('__WRONG_SECRET__') ? sign(body, header.slice('__WRONG_SECRET__'.length), t)
      : header === '__OTHER_BODY__' ? sign(encode({ ...base(), id: 'evt_other' }), WEBHOOK_SECRET, t)
      : header === '__V0_ONLY__' ? sign(body, WEBHOOK_SECRET, t).replace('v1=', 'v0=')
      : header;
    return { kind: 'bad-signature', body, signature: { header: resolved }, expect: resolved !== undefined && resolved.length > 16_000 ? [431] : [401] };
  }) },
  // Correctly signed, but stale or from the future: a replay from outside the window.
  { weight: 2, arbitrary: fc.oneof(fc.integer({ min: TOLERANCE_S + 2, max: 1_000_000_000 }).map((s) => -s), fc.integer({ min: TOLERANCE_S + 2, max: 10_000_000 })).map((offset) =>
    signed(offset < 0 ? 'stale-timestamp' : 'future-timestamp', encode(base()), [401], offset),
  ) },
).map(described);

describe(`fuzz: ${RUNS} hostile webhooks against clarity-ingress (seed ${SEED})`, () => {
  let stack: E2eStack;
  const agent = new Agent({ connections: 8, keepAliveTimeout: 10_000 });
  const canonical = [topics.clarityWebhook, topics.order, topics.payment, topics.return, topics.product].map((t) => t.name);
  const counts = async () => Object.fromEntries(await Promise.all(canonical.map(async (t) => [t, await stack.messageCount(t)] as const)));
  const post = async (body: Buffer, header: string | undefined) => {
    const response = await request(stack.webhookUrl, {
      method: 'POST',
      body,
      dispatcher: agent,
      headersTimeout: 15_000,
      bodyTimeout: 15_000,
      headers: {
        'content-type': 'application/json',
        'x-clarity-event': 'order.created',
        'x-clarity-delivery-id': randomBytes(8).toString('hex'),
        ...(header === undefined ? {} : { 'x-clarity-signature': header }),
      },
    });
    const text = await response.body.text();
    return { status: response.statusCode, contentType: String(response.headers['content-type'] ?? ''), text };
  };
  const byKind = new Map<string, number>();

  // The per-address rate limit is not under test here: 10,000 requests from one address would trip it.
  before(async () => { stack = await E2eStack.start({ withSink: false, sinkEnv: { WEBHOOK_RATE_LIMIT_PER_MINUTE: '100000000' } }); });
  after(async () => {
    await agent.close();
    await stack.stop();
  });

  it('the harness signs like Clarity: a valid webhook is accepted (202)', async () => {
    const body = encode(base());
    const reply = await post(body, sign(body, WEBHOOK_SECRET, nowS()));
    assert.equal(reply.status, 202, reply.text);
  });

  it('every hostile body is refused with a 4xx and a JSON { error, message }, and nothing reaches Kafka', async () => {
    const before = await counts();
    await fc.assert(
      fc.asyncProperty(cases, async (c) => {
        const header = 'sign' in c.signature ? sign(c.body, WEBHOOK_SECRET, nowS() + (c.signature.offsetSeconds ?? 0)) : c.signature.header;
        const reply = await post(c.body, header);
        byKind.set(c.kind.split(':')[0]!, (byKind.get(c.kind.split(':')[0]!) ?? 0) + 1);
        const context = `${c.kind} (${c.body.length} bytes): ${reply.status} ${reply.text.slice(0, 300)}`;
        assert.ok(c.expect.includes(reply.status), `expected ${c.expect.join('/')} for ${context}`);
        assert.match(reply.contentType, /json/, context);
        const parsed = JSON.parse(reply.text) as { error?: unknown; message?: unknown };
        assert.equal(typeof parsed.error, 'string', context);
        assert.equal(typeof parsed.message, 'string', context);
        assert.ok(String(parsed.message).length > 0 && String(parsed.message).length < 20_000, `a clear, bounded message: ${context}`);
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: false, interruptAfterTimeLimit: Number(process.env['FUZZ_TIME_LIMIT_MS'] ?? 1_800_000) },
    );
    const after = await counts();
    assert.deepEqual(after, before, 'no record was produced on the audit or canonical topics');
    assert.equal(({} as Record<string, unknown>)['polluted'], undefined, 'Object.prototype was not polluted');
    assert.equal(({} as Record<string, unknown>)['isAdmin'], undefined, 'Object.prototype was not polluted');
    console.log(`fuzz cases by kind: ${JSON.stringify(Object.fromEntries(byKind))}`);
  });

  it('the ingress did not crash: it still accepts a valid webhook afterwards', async () => {
    const body = encode({ ...base(), id: `evt_after_fuzz_${randomBytes(4).toString('hex')}` });
    const reply = await post(body, sign(body, WEBHOOK_SECRET, nowS()));
    assert.equal(reply.status, 202, reply.text);
  });
});
