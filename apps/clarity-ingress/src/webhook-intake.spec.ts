import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { signClarityPayload } from '@tributary/connectors-clarity';
import { createLogger, TributaryMetrics } from '@tributary/observability';
import {
  catalogue,
  paymentCaptureFor,
  paymentRefundFor,
  paymentWebhookFor,
  productFor,
  productWebhookFor,
  returnFor,
  returnWebhookFor,
  sampleOrders,
  webhookFor,
  type ClarityWebhookPayload,
} from '@tributary/simulator-clarity';
import type { OutgoingMessage } from '@tributary/kafka-runtime';
import { ClarityWebhookIntake } from './webhook-intake.js';
import { eventIdFor } from '@tributary/mapping-clarity';
import type { ClarityEntityReader } from './entity-enrichment.js';

const SECRET = 'whsec_spec';
const now = Date.parse('2026-11-28T16:00:00Z');
const json = { encode: (value: unknown) => Buffer.from(JSON.stringify(value)) };

/** The intake with a producer that records what it would have sent to Kafka. */
const intake = (options: { kafkaDown?: boolean; clarity?: ClarityEntityReader } = {}) => {
  const sent: OutgoingMessage[][] = [];
  const metrics = new TributaryMetrics('clarity-ingress', { defaultMetrics: false });
  const subject = new ClarityWebhookIntake({
    secrets: [SECRET],
    toleranceSeconds: 300,
    producer: {
      sendAll: async (messages: readonly OutgoingMessage[]) => {
        if (options.kafkaDown) throw new Error('broker unavailable');
        sent.push([...messages]);
      },
    },
    topics: {
      audit: 'clarity.webhook.v1', order: 'commerce.order.v1', payment: 'commerce.payment.v1', return: 'commerce.return.v1', product: 'commerce.product.v1',
      customer: 'commerce.customer.v1', shipment: 'commerce.shipment.v1', inventoryAdjustment: 'inventory.adjustment.v1',
    },
    auditCodec: json,
    encoders: { order: json, payment: json, return: json, product: json, customer: json, shipment: json, inventoryAdjustment: json },
    clarity: options.clarity,
    metrics,
    log: createLogger('clarity-ingress', 'silent'),
    clock: () => now,
  });
  const post = (envelope: ClarityWebhookPayload | string, headers: Record<string, string> = {}) => {
    const rawBody = Buffer.from(typeof envelope === 'string' ? envelope : JSON.stringify(envelope));
    const type = typeof envelope === 'string' ? 'order.created' : envelope.type;
    return subject.receive({ rawBody, headers: { 'x-clarity-signature': signClarityPayload(rawBody, SECRET, now / 1000), 'x-clarity-event': type, ...headers } });
  };
  const counted = async (type: string, outcome: string) => {
    const metric = await metrics.webhooks.get();
    return metric.values.find((v) => v.labels['type'] === type && v.labels['outcome'] === outcome)?.value ?? 0;
  };
  return { post, sent, counted };
};

const [order] = sampleOrders(1, { seed: 44, startNumber: 70_001 });
const orderReturn = returnFor(order!, { scope: 'all' });
const decoded = (message: OutgoingMessage | undefined) => JSON.parse(String(message?.value)) as Record<string, any>;

describe('ClarityWebhookIntake: each type to its canonical topic, with its audit record', () => {
  const cases = [
    { name: 'order.created', envelope: webhookFor(order!), topic: 'commerce.order.v1', key: order!.orderId, subject: { orderId: order!.orderId } },
    { name: 'payment.captured', envelope: paymentWebhookFor(paymentCaptureFor(order!)), topic: 'commerce.payment.v1', key: `pay_${order!.orderId}_1`, subject: { paymentId: `pay_${order!.orderId}_1`, orderId: order!.orderId } },
    { name: 'payment.refunded', envelope: paymentWebhookFor(paymentRefundFor(order!, orderReturn), { type: 'payment.refunded' }), topic: 'commerce.payment.v1', key: `pay_${orderReturn.returnId}`, subject: { paymentId: `pay_${orderReturn.returnId}`, orderId: order!.orderId } },
    { name: 'return.created', envelope: returnWebhookFor(orderReturn), topic: 'commerce.return.v1', key: orderReturn.returnId, subject: { returnId: orderReturn.returnId, orderId: order!.orderId } },
    { name: 'product.updated', envelope: productWebhookFor(productFor(catalogue[3]!)), topic: 'commerce.product.v1', key: catalogue[3]!.sku, subject: { sku: catalogue[3]!.sku } },
  ] as const;

  for (const { name, envelope, topic, key, subject } of cases) {
    it(`${name} → 202 after one send of the audit record and the ${topic} record`, async () => {
      const { post, sent, counted } = intake();
      const result = await post(envelope as ClarityWebhookPayload);
      const eventId = eventIdFor(envelope.id);
      assert.equal(result.status, 202, JSON.stringify(result.body));
      assert.deepEqual(result.body, { status: 'accepted', eventId, ...subject });
      assert.equal(sent.length, 1, 'one send: audit and canonical together');
      const [audit, canonical] = sent[0]!;
      assert.deepEqual([audit?.topic, audit?.key], ['clarity.webhook.v1', envelope.id]);
      assert.equal(decoded(audit)['body'], JSON.stringify(envelope));
      assert.deepEqual([canonical?.topic, canonical?.key], [topic, key]);
      assert.equal(decoded(canonical)['eventId'], eventId);
      assert.equal(decoded(canonical)['eventType'], name);
      assert.equal(canonical?.headers?.['event-type'], name);
      assert.equal(await counted(name, 'accepted'), 1);
    });
  }

  it('carries the amounts of a return through exactly', async () => {
    const { post, sent } = intake();
    await post(returnWebhookFor(orderReturn));
    const value = decoded(sent[0]![1]);
    assert.equal(value['return']['refundTotal'], Number(orderReturn.refundTotal).toFixed(2));
  });
});

describe('ClarityWebhookIntake: refusals produce nothing and say why', () => {
  it('400 with the mapping error when a return does not add up', async () => {
    const { post, sent, counted } = intake();
    const bad = returnWebhookFor({ ...orderReturn, refundTotal: '1.00' });
    const result = await post(bad);
    assert.equal(result.status, 400);
    assert.equal(result.body['error'], 'invalid_payload');
    assert.equal(result.body['code'], 'MAPPING.RETURN_TOTALS_MISMATCH');
    assert.match(String(result.body['message']), /add up to .*, Clarity refunds 1\.00/);
    assert.deepEqual((result.body['issues'] as Array<{ path: string }>).map((i) => i.path), ['data.refundTotal']);
    assert.equal(sent.length, 0);
    assert.equal(await counted('return.created', 'invalid'), 1);
  });

  it('400 naming each bad field of a payment', async () => {
    const { post, sent } = intake();
    const payment = paymentWebhookFor(paymentCaptureFor(order!));
    const result = await post({ ...payment, data: { ...payment.data, amount: 0.1 + 0.2, currency: 'dollars' } });
    assert.equal(result.status, 400);
    assert.equal(result.body['message'], 'the webhook body is not a valid Clarity payment.captured event');
    assert.deepEqual((result.body['issues'] as Array<{ path: string }>).map((i) => i.path), ['data.amount', 'data.currency']);
    assert.equal(sent.length, 0);
  });

  it('422 for a type no route handles, labelled "other" in the metric', async () => {
    const { post, sent, counted } = intake();
    const result = await post({ id: 'evt_x', type: 'coupon.created', createdAt: '2026-11-28T16:00:00Z', apiVersion: 'v1', data: { code: 'X' } }, { 'x-clarity-event': 'coupon.created' });
    assert.equal(result.status, 422);
    assert.equal(result.body['error'], 'unsupported_event_type');
    assert.equal(sent.length, 0);
    assert.equal(await counted('other', 'unsupported'), 1);
  });

  it('400 for malformed JSON and for a body without an envelope', async () => {
    const { post, sent } = intake();
    assert.equal((await post('{"id":')).body['error'], 'malformed_json');
    const noEnvelope = await post(JSON.stringify({ data: {} }));
    assert.equal(noEnvelope.status, 400);
    assert.equal(noEnvelope.body['error'], 'invalid_payload');
    assert.equal(sent.length, 0);
  });

  it('401 for a bad signature, whatever the type', async () => {
    const { post, sent } = intake();
    const result = await post(productWebhookFor(productFor(catalogue[0]!)), { 'x-clarity-signature': `t=${now / 1000},v1=${'00'.repeat(32)}` });
    assert.equal(result.status, 401);
    assert.equal(sent.length, 0);
  });

  it('503 when Kafka does not acknowledge, so Clarity retries', async () => {
    const { post, counted } = intake({ kafkaDown: true });
    const result = await post(paymentWebhookFor(paymentCaptureFor(order!)));
    assert.equal(result.status, 503);
    assert.equal(await counted('payment.captured', 'error'), 1);
  });
});

// Customer, stock and shipment webhooks, in the shape of the connector's contract.
const customerWebhook = (overrides: { id?: string; type?: string; data?: Record<string, unknown> } = {}) => ({
  id: overrides.id ?? 'evt_cust_1',
  type: overrides.type ?? 'customer.updated',
  createdAt: '2026-11-28T15:59:00Z',
  apiVersion: 'v1',
  data: {
    customerId: 'cust-77', email: 'maria.alvarez@lonestar-outfitters.com', firstName: 'María', lastName: 'Álvarez',
    company: 'Lone Star Outfitters LLC', phone: '+1 512 555 0148', modifiedAt: '2026-11-28T15:58:00Z', version: 4,
    changedFields: ['phone'],
    ...overrides.data,
  },
});
const inventoryWebhook = (id = 'evt_inv_1', data: Record<string, unknown> = {}) => ({
  id, type: 'inventory.changed', createdAt: '2026-11-28T15:59:00Z', apiVersion: 'v1',
  data: { sku: 'TRB-MUG-12OZ', locationId: 'AUS-01', onHand: '142', modifiedAt: '2026-11-28T15:58:30Z', ...data },
});
const shipmentWebhook = () => ({
  id: 'evt_shp_1', type: 'shipment.created', createdAt: '2026-11-28T15:59:00Z', apiVersion: 'v1',
  data: {
    shipmentId: 'shp_901', orderId: '70001', orderNumber: 'CL-70001', carrier: 'UPS', service: 'Ground', trackingNumber: '1Z999AA10123456784',
    shippedAt: '2026-11-28T15:30:00Z', status: 'shipped', lines: [{ lineId: '1', sku: 'TRB-MUG-12OZ', quantity: 2 }],
  },
});
const headerOf = (message: OutgoingMessage | undefined, name: string) => message?.headers?.[name]?.toString();

describe('ClarityWebhookIntake: customers, stock and shipments', () => {
  const cases = [
    { name: 'customer.created', envelope: customerWebhook({ type: 'customer.created' }), topic: 'commerce.customer.v1', key: 'cust-77', subject: { customerId: 'cust-77' } },
    { name: 'customer.updated', envelope: customerWebhook(), topic: 'commerce.customer.v1', key: 'cust-77', subject: { customerId: 'cust-77' } },
    { name: 'inventory.changed', envelope: inventoryWebhook(), topic: 'inventory.adjustment.v1', key: 'TRB-MUG-12OZ@AUS-01', subject: { sku: 'TRB-MUG-12OZ', locationId: 'AUS-01' } },
    { name: 'shipment.created', envelope: shipmentWebhook(), topic: 'commerce.shipment.v1', key: 'shp_901', subject: { shipmentId: 'shp_901', orderNumber: 'CL-70001' } },
  ] as const;
  for (const { name, envelope, topic, key, subject } of cases) {
    it(`${name} → 202 and one ${topic} record keyed ${key}`, async () => {
      const { post, sent, counted } = intake();
      const result = await post(envelope as ClarityWebhookPayload);
      assert.equal(result.status, 202, JSON.stringify(result.body));
      assert.deepEqual(result.body, { status: 'accepted', eventId: eventIdFor(envelope.id), ...subject });
      const [audit, canonical] = sent[0]!;
      assert.equal(headerOf(audit, 'outcome'), 'accepted');
      assert.deepEqual([canonical?.topic, canonical?.key], [topic, key]);
      assert.equal(await counted(name, 'accepted'), 1);
    });
  }

  it('a customer with a company is b2b, with the changed fields Clarity listed', async () => {
    const { post, sent } = intake();
    await post(customerWebhook() as ClarityWebhookPayload);
    const { customer } = decoded(sent[0]![1]);
    assert.deepEqual([customer.kind, customer.changedFields, customer.version.slice(0, 24)], ['b2b', ['phone'], '2026-11-28T15:58:00.000Z']);
  });
});

describe('ClarityWebhookIntake: duplicates, older states and our own echoes produce no canonical event', () => {
  it('the same webhook id 3 times → one send; the others are 202 duplicate', async () => {
    const { post, sent, counted } = intake();
    const webhook = customerWebhook() as ClarityWebhookPayload;
    const results = [await post(webhook), await post(webhook), await post(webhook)];
    assert.deepEqual(results.map((r) => r.status), [202, 202, 202]);
    assert.deepEqual(results.map((r) => r.body['duplicate'] ?? false), [false, true, true]);
    assert.equal(results[1]!.body['eventId'], eventIdFor(webhook.id));
    assert.equal(sent.length, 1);
    assert.equal(await counted('customer.updated', 'duplicate'), 2);
  });

  it('three concurrent deliveries of one webhook → one send', async () => {
    const { post, sent } = intake();
    const webhook = inventoryWebhook() as ClarityWebhookPayload;
    const results = await Promise.all([post(webhook), post(webhook), post(webhook)]);
    assert.deepEqual(results.map((r) => r.status), [202, 202, 202]);
    assert.equal(sent.length, 1);
  });

  it('an older state after a newer one → 202 stale, kept for audit only', async () => {
    const { post, sent, counted } = intake();
    await post(customerWebhook({ id: 'evt_new', data: { modifiedAt: '2026-11-28T15:58:00Z', version: 5 } }) as ClarityWebhookPayload);
    const late = await post(customerWebhook({ id: 'evt_old', data: { modifiedAt: '2026-11-28T15:50:00Z', version: 4, phone: '+1 000' } }) as ClarityWebhookPayload);
    assert.equal(late.status, 202);
    assert.equal(late.body['stale'], true);
    assert.equal(sent.length, 2);
    assert.deepEqual(sent[1]!.map((m) => m.topic), ['clarity.webhook.v1'], 'the older state is audited, not produced');
    assert.equal(headerOf(sent[1]![0], 'outcome'), 'out_of_order');
    assert.equal(await counted('customer.updated', 'out_of_order'), 1);
  });

  it('orders are ordered by their updatedAt or webhook time; stock rows by modifiedAt', async () => {
    const { post, sent } = intake();
    await post(webhookFor(order!, { type: 'order.updated', createdAt: '2026-11-28T15:00:00Z' }));
    const older = await post(webhookFor(order!, { type: 'order.updated', createdAt: '2026-11-28T14:00:00Z' }));
    assert.equal(older.body['stale'], true);
    await post(inventoryWebhook('evt_inv_a', { modifiedAt: '2026-11-28T15:00:00Z', onHand: 5 }) as ClarityWebhookPayload);
    const olderStock = await post(inventoryWebhook('evt_inv_b', { modifiedAt: '2026-11-28T14:00:00Z', onHand: 9 }) as ClarityWebhookPayload);
    assert.equal(olderStock.body['stale'], true);
    const otherLocation = await post(inventoryWebhook('evt_inv_c', { modifiedAt: '2026-11-28T14:00:00Z', locationId: 'DAL-02' }) as ClarityWebhookPayload);
    assert.equal(otherLocation.body['status'], 'accepted', 'another location is another entity');
    assert.deepEqual(sent.map((batch) => batch.length), [2, 1, 2, 1, 2]);
  });

  it('our own write echoed back (updatedBy integration:tributary) → 202 echo, audit only', async () => {
    const { post, sent, counted } = intake();
    const result = await post(customerWebhook({ data: { updatedBy: 'integration:tributary' } }) as ClarityWebhookPayload);
    assert.deepEqual([result.status, result.body['echo']], [202, true]);
    assert.deepEqual(sent[0]!.map((m) => m.topic), ['clarity.webhook.v1']);
    assert.equal(await counted('customer.updated', 'echo'), 1);
    const person = await post(customerWebhook({ id: 'evt_person', data: { updatedBy: 'user:maria', version: 6, modifiedAt: '2026-11-28T15:59:00Z' } }) as ClarityWebhookPayload);
    assert.equal(person.body['status'], 'accepted');
  });

  it('a delivery Kafka did not take is not remembered: the retry is produced', async () => {
    let down = true;
    const sent: OutgoingMessage[][] = [];
    const subject = new ClarityWebhookIntake({
      secrets: [SECRET], toleranceSeconds: 300,
      producer: { sendAll: async (messages) => { if (down) throw new Error('broker unavailable'); sent.push([...messages]); } },
      topics: { audit: 'a', order: 'o', payment: 'p', return: 'r', product: 'pr', customer: 'c', shipment: 's', inventoryAdjustment: 'i' },
      auditCodec: json, encoders: { order: json, payment: json, return: json, product: json, customer: json, shipment: json, inventoryAdjustment: json },
      metrics: new TributaryMetrics('clarity-ingress', { defaultMetrics: false }), log: createLogger('clarity-ingress', 'silent'), clock: () => now,
    });
    const rawBody = Buffer.from(JSON.stringify(customerWebhook()));
    const delivery = { rawBody, headers: { 'x-clarity-signature': signClarityPayload(rawBody, SECRET, now / 1000) } };
    assert.equal((await subject.receive(delivery)).status, 503);
    down = false;
    assert.equal((await subject.receive(delivery)).body['status'], 'accepted');
    assert.equal(sent.length, 1);
  });
});

describe('ClarityWebhookIntake: thin webhooks are enriched from Clarity\'s API', () => {
  const full = customerWebhook().data;
  const reader = (getCustomer: (id: string) => Promise<unknown>): ClarityEntityReader => {
    const none = async () => null;
    return { getOrder: none, getCustomer, getProduct: none, getReturn: none, getPayment: none, getShipment: none } as unknown as ClarityEntityReader;
  };
  const thin = (id = 'evt_thin') => ({ id, type: 'customer.updated', createdAt: '2026-11-28T15:59:00Z', apiVersion: 'v1', data: { id: 'cust-77' } }) as ClarityWebhookPayload;

  it('fetches the entity, maps it like a full webhook, and keeps what was fetched on the audit record', async () => {
    const asked: string[] = [];
    const { post, sent } = intake({ clarity: reader(async (id) => { asked.push(id); return full; }) });
    const result = await post(thin());
    assert.equal(result.status, 202, JSON.stringify(result.body));
    assert.deepEqual(asked, ['cust-77']);
    const [audit, canonical] = sent[0]!;
    assert.equal(decoded(audit)['body'], JSON.stringify(thin()), 'the audit body stays verbatim');
    assert.deepEqual(JSON.parse(headerOf(audit, 'clarity-entity')!), full);
    assert.equal(decoded(canonical)['customer']['email'], full.email);
  });

  it('503 enrichment_unavailable when the API fails, without the token in the answer', async () => {
    const { post, sent, counted } = intake({ clarity: reader(async () => { throw Object.assign(new Error('Clarity getCustomer could not be reached: bearer abc.def'), { code: 'CLARITY.UNAVAILABLE' }); }) });
    const result = await post(thin());
    assert.deepEqual([result.status, result.body['error']], [503, 'enrichment_unavailable']);
    assert.doesNotMatch(JSON.stringify(result.body), /abc\.def/);
    assert.equal(sent.length, 0);
    assert.equal(await counted('customer.updated', 'enrichment_unavailable'), 1);
  });

  it('422 when Clarity has no such entity, when no API is configured, and for a thin stock change', async () => {
    const missing = await intake({ clarity: reader(async () => null) }).post(thin());
    assert.deepEqual([missing.status, missing.body['error']], [422, 'entity_not_found']);
    const unconfigured = await intake().post(thin());
    assert.equal(unconfigured.status, 422);
    assert.match(String(unconfigured.body['message']), /thin webhook but no Clarity API configured/);
    const stock = await intake({ clarity: reader(async () => full) }).post({ ...inventoryWebhook(), data: { id: 'TRB-MUG-12OZ@AUS-01' } } as ClarityWebhookPayload);
    assert.deepEqual([stock.status, stock.body['error']], [422, 'enrichment_not_supported']);
  });

  it('an entity that does not validate is refused like a bad body', async () => {
    const { post, sent } = intake({ clarity: reader(async () => ({ ...full, modifiedAt: 'soon' })) });
    const result = await post(thin());
    assert.equal(result.status, 400);
    assert.deepEqual((result.body['issues'] as Array<{ path: string }>).map((i) => i.path), ['data.modifiedAt']);
    assert.equal(sent.length, 0);
  });
});
