import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { INestApplicationContext } from '@nestjs/common';
import { deadLetterTopic, topics, type CustomerEvent, type OrderEvent, type ProductEvent } from '@tributary/canonical-model';
import { AvroEventCodec, createKafkaClient, IsolatedDecoder, readTopicToEnd, retryKafka, SchemaRegistryClient } from '@tributary/kafka-runtime';
import { createLogger } from '@tributary/observability';
import { reconcileSalesforce, salesforceCliEnvSchema } from '@tributary/tributary-cli';
import { loadConfig } from '@tributary/config';
import { createSalesforceSink } from '@tributary/salesforce-sink';
import { startSalesforceSimulator, type SalesforceSimulator } from '@tributary/simulator-salesforce';
import { stackEnv, waitFor } from '@tributary/testing';
import type { Admin, Kafka, Producer } from 'kafkajs';
import { MAPPING_FILE } from './e2e-stack.js';
import { canonicalOrder } from './sage100-stack.js';

const CLIENT = { clientId: 'tributary-e2e-sink', clientSecret: 'sink-secret' };
const EXT = 'Clarity_Customer_Id__c';
const SKUS = [{ sku: 'TRB-MUG-12OZ', price: '14.00' }, { sku: 'TRB-BTL-750', price: '24.00' }, { sku: 'TRB-TEE-M', price: '19.50' }, { sku: 'TRB-CAP-NVY', price: '21.00' }];

/** Kafka access for one test file: its own topic prefix. */
class Bus {
  readonly kafka: Kafka;
  private producer: Producer | undefined;
  private admin: Admin | undefined;
  private readonly decoder = new IsolatedDecoder();
  private readonly codecs = new Map<string, AvroEventCodec<unknown>>();
  constructor(readonly env: Record<string, string>) {
    this.kafka = createKafkaClient({ brokers: env['KAFKA_BROKERS']!.split(','), clientId: 'e2e-salesforce', logger: createLogger('e2e', 'silent') });
  }
  topic(name: string): string {
    return `${this.env['TOPIC_PREFIX']}${name}`;
  }
  private async codec(spec: { name: string; valueSchema: object }): Promise<AvroEventCodec<unknown>> {
    let codec = this.codecs.get(spec.name);
    if (!codec) this.codecs.set(spec.name, (codec = await AvroEventCodec.create({ registry: new SchemaRegistryClient(this.env['SCHEMA_REGISTRY_URL']!), decoder: this.decoder, subject: `${this.topic(spec.name)}-value`, schema: spec.valueSchema })));
    return codec;
  }
  async send(spec: { name: string; valueSchema: object }, messages: Array<{ key: string; value: unknown }>): Promise<void> {
    if (!this.producer) {
      this.producer = this.kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false });
      await this.producer.connect();
    }
    const codec = await this.codec(spec);
    await this.producer.send({ topic: this.topic(spec.name), acks: -1, messages: messages.map(({ key, value }) => ({ key, value: codec.encode(value) })) });
  }
  async headersOf(name: string): Promise<Array<Record<string, string>>> {
    const out: Array<Record<string, string>> = [];
    await readTopicToEnd(this.kafka, this.topic(name), (m) => out.push(Object.fromEntries(Object.entries(m.headers ?? {}).map(([k, v]) => [k, (Array.isArray(v) ? v[0] : v)?.toString() ?? '']))));
    return out;
  }
  async caughtUp(group: string, name: string): Promise<boolean> {
    if (!this.admin) { this.admin = this.kafka.admin(); await this.admin.connect(); }
    const admin = this.admin;
    const [ends, committed] = await Promise.all([
      retryKafka(() => admin.fetchTopicOffsets(this.topic(name))),
      retryKafka(() => admin.fetchOffsets({ groupId: `${this.env['TOPIC_PREFIX']}${group}`, topics: [this.topic(name)] })),
    ]);
    const byPartition = new Map(committed[0]!.partitions.map((p) => [p.partition, BigInt(p.offset)]));
    return ends.every((end) => BigInt(end.high) === 0n || (byPartition.get(end.partition) ?? -1n) >= BigInt(end.high));
  }
  async close(): Promise<void> {
    await this.producer?.disconnect();
    await this.admin?.disconnect();
    await this.decoder.close();
  }
}

let version = 0;
const customerEvent = (i: number, overrides: Partial<CustomerEvent['customer']> = {}): CustomerEvent => {
  version++;
  const b2b = i % 2 === 0;
  const customer: CustomerEvent['customer'] = {
    customerId: `sf-e2e-${i}`, clarityId: `sf-e2e-${i}`, salesforceAccountId: null, salesforceContactId: null, kind: b2b ? 'b2b' : 'b2c',
    email: `customer${i}@example.com`, firstName: `First${i}`, lastName: `Last${i}`, company: b2b ? `Company ${i} LLC` : null, phone: `+1 512 555 ${String(1000 + i)}`,
    billingAddress: { name: null, line1: `${i} Congress Ave`, line2: null, city: 'Austin', region: 'TX', postalCode: '78701', country: 'US' },
    shippingAddress: null, marketingOptIn: true, accountOwner: null, modifiedAt: Date.parse('2026-11-25T10:00:00Z') + version, version: `v${version}`, changedFields: [], ...overrides,
  };
  return { eventId: `cust-evt-${i}-${version}`, eventType: 'customer.updated', occurredAt: customer.modifiedAt, source: 'clarity', correlationId: `corr-${i}-${version}`, causationId: null, schemaVersion: 1, customer };
};

describe('salesforce-sink: customers, orders and products into Salesforce (real broker and registry, jsforce unmodified)', () => {
  let sim: SalesforceSimulator;
  let bus: Bus;
  let sink: INestApplicationContext | undefined;
  let env: Record<string, string>;

  before(async () => {
    sim = await startSalesforceSimulator({ port: 0, clients: [CLIENT], cometdTimeoutMs: 1000, seed: 11 });
    env = stackEnv({
      MAPPING_FILE, SALESFORCE_LOGIN_URL: sim.url, SALESFORCE_CLIENT_ID: CLIENT.clientId, SALESFORCE_CLIENT_SECRET: CLIENT.clientSecret, SALESFORCE_TIMEOUT_MS: '5000',
      SINK_CONCURRENCY: '6', SALESFORCE_LIMIT_RETRY_AFTER_MS: '1000', RETRY_INITIAL_DELAY_MS: '50', RETRY_MAX_DELAY_MS: '400', CIRCUIT_PROBE_INTERVAL_MS: '500',
    });
    bus = new Bus(env);
    sink = await createSalesforceSink(env);
  });
  after(async () => {
    await sink?.close();
    await bus.close();
    await sim.close();
  });

  const accounts = () => sim.records('Account').filter((a) => String(a[EXT] ?? '').startsWith('sf-e2e-'));
  const contacts = () => sim.records('Contact').filter((c) => String(c[EXT] ?? '').startsWith('sf-e2e-'));

  it('100 customers (B2B and B2C) become the right Accounts and Contacts; the same events again change nothing', async () => {
    const usageBefore = sim.apiUsage().used;
    const events = Array.from({ length: 100 }, (_, i) => customerEvent(i));
    await bus.send(topics.customer, events.map((e) => ({ key: e.customer.customerId, value: e })));
    await waitFor(() => accounts().length === 100 && contacts().length === 50, { what: '100 accounts and 50 contacts', timeoutMs: 40_000, intervalMs: 200 });
    await waitFor(() => bus.caughtUp('salesforce-sink', topics.customer.name), { what: 'the sink caught up', timeoutMs: 20_000 });
    const used = sim.apiUsage().used - usageBefore;
    console.log(`API calls for 100 customers: ${used} (${(used * 10).toFixed(0)} per 1,000)`);
    const b2b = accounts().find((a) => a[EXT] === 'sf-e2e-4')!;
    assert.equal(b2b['Name'], 'Company 4 LLC');
    assert.equal(b2b['RecordTypeId'], sim.recordTypes.business);
    assert.equal(b2b['BillingCountry'], 'United States', 'ISO country standardised to the org name');
    assert.equal(b2b['AccountSource'], 'Web', 'picklist from the mapping file');
    const contact = contacts().find((c) => c[EXT] === 'sf-e2e-4')!;
    assert.equal(contact['AccountId'], b2b['Id']);
    assert.equal(contact['LastName'], 'Last4');
    const person = accounts().find((a) => a[EXT] === 'sf-e2e-5')!;
    assert.equal(person['RecordTypeId'], sim.recordTypes.person);
    assert.equal(person['IsPersonAccount'], true);
    assert.equal(person['PersonEmail'], 'customer5@example.com');

    const cdcBefore = sim.cdcEvents().length;
    await bus.send(topics.customer, events.map((e) => ({ key: e.customer.customerId, value: e })));
    await waitFor(() => bus.caughtUp('salesforce-sink', topics.customer.name), { what: 'the replay consumed', timeoutMs: 20_000 });
    assert.equal(accounts().length, 100);
    assert.equal(contacts().length, 50);
    assert.equal(sim.cdcEvents().length, cdcBefore, 'no record changed');
  });

  it('a customer without a last name waits for review (DLQ, not parked) and flows after its next update', async () => {
    const held = customerEvent(501, { lastName: null, kind: 'b2b', company: 'Nameless Corp' });
    const other = customerEvent(502);
    await bus.send(topics.customer, [held, other].map((e) => ({ key: e.customer.customerId, value: e })));
    await waitFor(() => accounts().some((a) => a[EXT] === 'sf-e2e-502'), { what: 'the other customer is not blocked', timeoutMs: 20_000 });
    await waitFor(async () => (await bus.headersOf(deadLetterTopic('salesforce-sink').name)).some((h) => h['x-error-code'] === 'REVIEW.MISSING_LAST_NAME' || Object.values(h).includes('REVIEW.MISSING_LAST_NAME')), { what: 'the review entry in the DLQ', timeoutMs: 20_000 });
    assert.equal(accounts().some((a) => a[EXT] === 'sf-e2e-501'), false, 'nothing written without a last name');
    const next = customerEvent(501, { lastName: 'Found', kind: 'b2b', company: 'Nameless Corp' });
    await bus.send(topics.customer, [{ key: next.customer.customerId, value: next }]);
    await waitFor(() => contacts().some((c) => c[EXT] === 'sf-e2e-501' && c['LastName'] === 'Found'), { what: 'the reviewed customer flows after its update', timeoutMs: 20_000 });
  });

  it('50 orders become Orders with the right items and totals; an unknown SKU is explained in the DLQ', async () => {
    const usageBefore = sim.apiUsage().used;
    const orders: OrderEvent[] = Array.from({ length: 50 }, (_, i) => canonicalOrder({
      orderNumber: `SFO-${1000 + i}`, customerId: `sf-e2e-${i}`,
      lines: [{ sku: SKUS[i % 4]!.sku, quantity: 1 + (i % 3), unitPrice: SKUS[i % 4]!.price }, { sku: SKUS[(i + 1) % 4]!.sku, quantity: 1, unitPrice: SKUS[(i + 1) % 4]!.price }],
    }));
    const bad = canonicalOrder({ orderNumber: 'SFO-BAD', customerId: 'sf-e2e-1', lines: [{ sku: 'NO-SUCH-SKU', quantity: 1, unitPrice: '5.00' }] });
    await bus.send(topics.order, [...orders, bad].map((e) => ({ key: e.order.orderId, value: e })));
    const sfOrders = () => sim.records('Order').filter((o) => String(o['Clarity_Order_Id__c'] ?? '').startsWith('SFO-'));
    await waitFor(() => sfOrders().length === 50, { what: '50 orders in Salesforce', timeoutMs: 40_000, intervalMs: 200 });
    await waitFor(() => bus.caughtUp('salesforce-sink', topics.order.name), { what: 'orders consumed', timeoutMs: 20_000 });
    const used = sim.apiUsage().used - usageBefore;
    console.log(`API calls for 50 orders: ${used} (${(used * 20).toFixed(0)} per 1,000)`);
    const items = sim.records('OrderItem');
    for (const event of orders) {
      const sfOrder = sfOrders().find((o) => o['Clarity_Order_Id__c'] === event.order.orderId)!;
      const expected = event.order.lines.reduce((s, l) => s + l.quantity * Number(l.unitPrice), 0);
      assert.equal(Number(sfOrder['TotalAmount']).toFixed(2), expected.toFixed(2), `${event.order.orderNumber} total`);
      assert.equal(items.filter((it) => it['OrderId'] === sfOrder['Id']).length, event.order.lines.length, `${event.order.orderNumber} items`);
      assert.equal(sfOrder['Status'], 'Activated');
    }
    const dlq = await bus.headersOf(deadLetterTopic('salesforce-sink').name);
    const unknown = dlq.find((h) => Object.values(h).includes('MAPPING.UNKNOWN_SKU'));
    assert.ok(unknown, 'the unknown SKU is dead-lettered');
    assert.match(Object.values(unknown).join(' '), /NO-SUCH-SKU/);
  });

  it('token expiry mid-batch and a daily-limit breach: nothing in the DLQ, everything lands', async () => {
    const dlqBefore = (await bus.headersOf(deadLetterTopic('salesforce-sink').name)).length;
    const events = Array.from({ length: 40 }, (_, i) => customerEvent(600 + i));
    await bus.send(topics.customer, events.slice(0, 20).map((e) => ({ key: e.customer.customerId, value: e })));
    sim.setFaults({ expireTokens: true });
    await waitFor(() => accounts().filter((a) => Number(String(a[EXT]).split('-')[2]) >= 600).length >= 20, { what: 'the first half lands after re-authorising', timeoutMs: 30_000 });
    sim.setDailyLimit(sim.apiUsage().used + 3);
    await bus.send(topics.customer, events.slice(20).map((e) => ({ key: e.customer.customerId, value: e })));
    await waitFor(() => sim.apiUsage().used >= sim.apiUsage().max, { what: 'the daily limit reached', timeoutMs: 20_000 });
    await new Promise((resolve) => setTimeout(resolve, 2000));
    sim.setDailyLimit(1_000_000);
    await waitFor(() => accounts().filter((a) => Number(String(a[EXT]).split('-')[2]) >= 600).length === 40, { what: 'every customer lands once the budget allows', timeoutMs: 40_000 });
    await waitFor(() => bus.caughtUp('salesforce-sink', topics.customer.name), { what: 'caught up', timeoutMs: 20_000 });
    assert.equal((await bus.headersOf(deadLetterTopic('salesforce-sink').name)).length, dlqBefore, 'no error reached the DLQ');
  });
  it('a product becomes a Product2 with its standard price, and a b2b-portal order becomes an Opportunity with line items', async () => {
    const product: ProductEvent = {
      eventId: 'prod-evt-1', eventType: 'product.updated', occurredAt: Date.now(), source: 'clarity', correlationId: 'prod-corr-1', causationId: null, schemaVersion: 1,
      product: { sku: 'TRB-KETTLE-1L', erpItemId: null, name: 'Gooseneck kettle 1 l', description: 'Pour-over kettle', price: '49.00', currency: 'USD', status: 'active', version: 'p1' },
    };
    await bus.send(topics.product, [{ key: product.product.sku, value: product }]);
    const p2 = await waitFor(() => sim.records('Product2').find((p) => p['ProductCode'] === 'TRB-KETTLE-1L'), { what: 'the Product2', timeoutMs: 20_000 });
    await waitFor(() => sim.records('PricebookEntry').find((e) => e['Product2Id'] === p2['Id'] && e['Pricebook2Id'] === sim.standardPricebookId && Number(e['UnitPrice']) === 49), { what: 'its standard price', timeoutMs: 20_000 });
    const order = canonicalOrder({ orderNumber: 'SFO-OPP-1', customerId: 'sf-e2e-2', lines: [{ sku: 'TRB-KETTLE-1L', quantity: 2, unitPrice: '49.00' }, { sku: 'TRB-MUG-12OZ', quantity: 1, unitPrice: '14.00' }] });
    const portal: OrderEvent = { ...order, order: { ...order.order, channel: 'b2b-portal' } };
    await bus.send(topics.order, [{ key: portal.order.orderId, value: portal }]);
    const opportunity = await waitFor(() => sim.records('Opportunity').find((o) => o['Clarity_Order_Id__c'] === portal.order.orderId), { what: 'the Opportunity', timeoutMs: 20_000 });
    assert.equal(Number(opportunity['Amount']), 112);
    assert.equal(opportunity['StageName'], 'Closed Won');
    assert.equal(sim.records('OpportunityLineItem').filter((l) => l['OpportunityId'] === opportunity['Id']).length, 2);
  });

  it('tributary reconcile salesforce: customers and orders agree, the unknown-SKU order is missing', async () => {
    await waitFor(async () => (await bus.caughtUp('salesforce-sink', topics.order.name)) && (await bus.caughtUp('salesforce-sink', topics.customer.name)), { what: 'caught up', timeoutMs: 20_000 });
    const report = await reconcileSalesforce(loadConfig(salesforceCliEnvSchema, env), createLogger('e2e', 'silent'), { fromMs: 0, toMs: Date.now() + 60_000, requeueMissing: false, progress: () => undefined });
    assert.deepEqual(report.counts, { missing: 1, duplicate: 0, mismatched: 0, orphan: 0 }, JSON.stringify(report.findings.slice(0, 5)));
    assert.equal(report.findings[0]!.kind, 'missing');
    assert.equal(report.findings[0]!.reference, 'SFO-BAD-id');
    assert.equal(report.sections.account?.matched, 142, '100 + the reviewed one + its neighbour + 40 under faults');
    assert.equal(report.sections.order?.matched, 51, 'the 50 orders and the opportunity');

    // A person account deleted by hand in Salesforce: missing, and --requeue-missing writes it again.
    const victim = accounts().find((a) => a[EXT] === 'sf-e2e-5')!;
    const token = await (await fetch(`${sim.url}/services/oauth2/token`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ grant_type: 'client_credentials', client_id: CLIENT.clientId, client_secret: CLIENT.clientSecret }) })).json() as { access_token: string };
    const deleted = await fetch(`${sim.instanceUrl}/services/data/v62.0/sobjects/Account/${String(victim['Id'])}`, { method: 'DELETE', headers: { authorization: `Bearer ${token.access_token}` } });
    assert.equal(deleted.status, 204);
    const again = await reconcileSalesforce(loadConfig(salesforceCliEnvSchema, env), createLogger('e2e', 'silent'), { fromMs: 0, toMs: Date.now() + 60_000, requeueMissing: true, progress: () => undefined });
    assert.ok(again.findings.some((f) => f.kind === 'missing' && f.record === 'account' && f.reference === 'sf-e2e-5'));
    assert.equal(again.requeued, 2, 'the customer and the unknown-SKU order');
    await waitFor(() => accounts().some((a) => a[EXT] === 'sf-e2e-5'), { what: 'the re-enqueued customer written again', timeoutMs: 20_000 });
  });

  it('an upsert race (DUPLICATE_VALUE) is retried as an update; several matches (HTTP 300) go to review with every id', async () => {
    sim.setFaults({ upsertRace: 2 });
    const racing = [customerEvent(701), customerEvent(703)];
    await bus.send(topics.customer, racing.map((e) => ({ key: e.customer.customerId, value: e })));
    await waitFor(() => ['sf-e2e-701', 'sf-e2e-703'].every((id) => accounts().some((a) => a[EXT] === id)), { what: 'the racing customers', timeoutMs: 20_000 });
    sim.clearFaults();
    const ids = [sim.seedRecord('Account', { Name: 'Legacy A', [EXT]: 'sf-e2e-dup' }), sim.seedRecord('Account', { Name: 'Legacy B', [EXT]: 'sf-e2e-dup' })];
    const dup = customerEvent(0, { customerId: 'sf-e2e-dup', clarityId: 'sf-e2e-dup' });
    await bus.send(topics.customer, [{ key: 'sf-e2e-dup', value: dup }]);
    const entry = await waitFor(async () => (await bus.headersOf(deadLetterTopic('salesforce-sink').name)).find((h) => Object.values(h).includes('REVIEW.MULTIPLE_MATCHES')), { what: 'the review entry', timeoutMs: 20_000 });
    const text = Object.values(entry).join(' ');
    for (const id of ids) assert.match(text, new RegExp(id));
  });
});
