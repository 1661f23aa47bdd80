import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { INestApplicationContext } from '@nestjs/common';
import { topics, type CustomerEvent } from '@tributary/canonical-model';
import { AvroEventCodec, createKafkaClient, IsolatedDecoder, readTopicToEnd, retryKafka, SchemaRegistryClient } from '@tributary/kafka-runtime';
import { createLogger } from '@tributary/observability';
import { createSalesforceSink } from '@tributary/salesforce-sink';
import { startSalesforceSimulator, type SalesforceSimulator } from '@tributary/simulator-salesforce';
import { sleep, stackEnv, waitFor } from '@tributary/testing';
import type { Admin, Kafka, Producer } from 'kafkajs';
import { MAPPING_FILE } from './e2e-stack.js';

const root = join(fileURLToPath(import.meta.url), '../../../..');
const sourceMain = join(root, 'apps/salesforce-cdc-source/dist/main.js');
const CLIENT = { clientId: 'tributary-e2e-cdc', clientSecret: 'cdc-secret' };
const EXT = 'Clarity_Customer_Id__c';

/** The customer topic of this file's prefix: send Clarity changes, read what the CDC source emitted. */
class CustomerBus {
  readonly kafka: Kafka;
  private producer: Producer | undefined;
  private admin: Admin | undefined;
  private readonly decoder = new IsolatedDecoder();
  private codec: AvroEventCodec<CustomerEvent> | undefined;
  constructor(readonly env: Record<string, string>) {
    this.kafka = createKafkaClient({ brokers: env['KAFKA_BROKERS']!.split(','), clientId: 'e2e-salesforce-cdc', logger: createLogger('e2e', 'silent') });
  }
  topic(): string {
    return `${this.env['TOPIC_PREFIX']}${topics.customer.name}`;
  }
  private async customerCodec(): Promise<AvroEventCodec<CustomerEvent>> {
    this.codec ??= await AvroEventCodec.create<CustomerEvent>({ registry: new SchemaRegistryClient(this.env['SCHEMA_REGISTRY_URL']!), decoder: this.decoder, subject: `${this.topic()}-value`, schema: topics.customer.valueSchema });
    return this.codec;
  }
  async send(events: readonly CustomerEvent[]): Promise<void> {
    if (!this.producer) {
      this.producer = this.kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false });
      await this.producer.connect();
    }
    const codec = await this.customerCodec();
    await this.producer.send({ topic: this.topic(), acks: -1, messages: events.map((e) => ({ key: e.customer.customerId, value: codec.encode(e) })) });
  }
  /** Events the CDC source emitted (source salesforce). */
  async fromSalesforce(): Promise<CustomerEvent[]> {
    const raw: Array<Buffer | null> = [];
    await readTopicToEnd(this.kafka, this.topic(), (m) => raw.push(m.value));
    const codec = await this.customerCodec();
    return (await codec.decodeMany(raw)).flatMap((d) => (d.ok && d.value.source === 'salesforce' ? [d.value] : []));
  }
  async caughtUp(group: string): Promise<boolean> {
    if (!this.admin) { this.admin = this.kafka.admin(); await this.admin.connect(); }
    const admin = this.admin;
    const [ends, committed] = await Promise.all([
      retryKafka(() => admin.fetchTopicOffsets(this.topic())),
      retryKafka(() => admin.fetchOffsets({ groupId: `${this.env['TOPIC_PREFIX']}${group}`, topics: [this.topic()] })),
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

/** Versions emitted per Salesforce record: every record once per state, never twice. */
const perRecord = (events: readonly CustomerEvent[]) => {
  const counts = new Map<string, number>();
  for (const e of events) counts.set(e.customer.version, (counts.get(e.customer.version) ?? 0) + 1);
  return counts;
};

describe('salesforce-cdc-source: Salesforce changes back to commerce.customer.v1 (real broker and registry, jsforce unmodified)', () => {
  let sim: SalesforceSimulator;
  let bus: CustomerBus;
  let sink: INestApplicationContext | undefined;
  let source: ChildProcess | undefined;
  let env: Record<string, string>;
  let subscriptions = 0;

  const startSource = async () => {
    const before = subscriptions;
    source = spawn(process.execPath, [sourceMain], { env: { ...process.env, ...env, LOG_LEVEL: 'info' }, stdio: ['ignore', 'pipe', 'inherit'] });
    source.stdout!.on('data', (chunk: Buffer) => { subscriptions += (chunk.toString().match(/subscribed to change events/g) ?? []).length; });
    await waitFor(() => subscriptions > before, { what: 'the CDC source subscribed', timeoutMs: 30_000 });
  };
  const kill = async () => {
    const child = source;
    if (!child || child.exitCode !== null) return;
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));
  };

  before(async () => {
    sim = await startSalesforceSimulator({ port: 0, clients: [CLIENT], cometdTimeoutMs: 800, seed: 21 });
    env = stackEnv({
      MAPPING_FILE, SALESFORCE_LOGIN_URL: sim.url, SALESFORCE_CLIENT_ID: CLIENT.clientId, SALESFORCE_CLIENT_SECRET: CLIENT.clientSecret, SALESFORCE_TIMEOUT_MS: '5000',
      RETRY_INITIAL_DELAY_MS: '50', RETRY_MAX_DELAY_MS: '400', CIRCUIT_PROBE_INTERVAL_MS: '500', SALESFORCE_CDC_RESTART_DELAY_MS: '300',
    });
    bus = new CustomerBus(env);
    sink = await createSalesforceSink(env);
    await startSource();
  });
  after(async () => {
    await kill();
    await sink?.close();
    await bus.close();
    await sim.close();
  });

  it("round trip: a Clarity profile change reaches Salesforce and its echo is suppressed; a sales rep's change comes back once and not back to Salesforce", async () => {
    const customer: CustomerEvent['customer'] = {
      customerId: 'rt-1', clarityId: 'rt-1', salesforceAccountId: null, salesforceContactId: null, kind: 'b2b', email: 'ada@analytical.example', firstName: 'Ada', lastName: 'Lovelace',
      company: 'Analytical Engines Ltd', phone: '+44 20 7946 0000', billingAddress: { name: null, line1: '1 Engine St', line2: null, city: 'London', region: null, postalCode: 'ec1a 1bb', country: 'GB' },
      shippingAddress: null, marketingOptIn: false, accountOwner: null, modifiedAt: Date.now(), version: 'r1', changedFields: [],
    };
    await bus.send([{ eventId: 'rt-evt-1', eventType: 'customer.created', occurredAt: customer.modifiedAt, source: 'clarity', correlationId: 'rt-corr-1', causationId: null, schemaVersion: 1, customer }]);
    const account = await waitFor(() => sim.records('Account').find((a) => a[EXT] === 'rt-1'), { what: 'the Account in Salesforce', timeoutMs: 20_000 });
    assert.equal(account['BillingPostalCode'], 'EC1A 1BB', 'address standardised');
    await waitFor(() => sim.records('Contact').find((c) => c[EXT] === 'rt-1'), { what: 'the Contact' });
    const echoes = sim.cdcEvents().filter((e) => e.data.payload.ChangeEventHeader.changeOrigin.includes('client=tributary'));
    assert.ok(echoes.length >= 2, 'our writes produced CDC events carrying our client name');
    await sleep(2500);
    assert.equal((await bus.fromSalesforce()).filter((e) => e.customer.customerId === 'rt-1').length, 0, 'the echo of our own write is not re-emitted');

    const ourEventsBefore = sim.cdcEvents().filter((e) => e.data.payload.ChangeEventHeader.changeOrigin.includes('client=tributary')).length;
    sim.changeAsSalesRep('Account', String(account['Id']), { Phone: '+44 20 7946 0999' });
    const back = await waitFor(async () => { const found = (await bus.fromSalesforce()).filter((e) => e.customer.customerId === 'rt-1'); return found.length > 0 ? found : undefined; }, { what: "the rep's change on commerce.customer.v1", timeoutMs: 20_000 });
    assert.equal(back.length, 1);
    assert.equal(back[0]!.customer.phone, '+44 20 7946 0999');
    assert.equal(back[0]!.customer.salesforceAccountId, account['Id']);
    assert.deepEqual(back[0]!.customer.changedFields, ['phone']);
    await waitFor(() => bus.caughtUp('salesforce-sink'), { what: 'the sink consumed the change from Salesforce', timeoutMs: 20_000 });
    await sleep(1500);
    assert.equal((await bus.fromSalesforce()).filter((e) => e.customer.customerId === 'rt-1').length, 1, 'exactly once');
    assert.equal(sim.cdcEvents().filter((e) => e.data.payload.ChangeEventHeader.changeOrigin.includes('client=tributary')).length, ourEventsBefore, 'the change did not go back to Salesforce');

    // The Contact channel too: a rep renames the contact.
    const contact = sim.records('Contact').find((c) => c[EXT] === 'rt-1')!;
    sim.changeAsSalesRep('Contact', String(contact['Id']), { LastName: 'King' });
    const renamed = await waitFor(async () => (await bus.fromSalesforce()).find((e) => e.customer.salesforceContactId === contact['Id']), { what: 'the contact change', timeoutMs: 20_000 });
    assert.equal(renamed.customer.customerId, 'rt-1');
    assert.equal(renamed.customer.lastName, 'King');
    assert.equal(renamed.customer.company, 'Analytical Engines Ltd');
    assert.deepEqual(renamed.customer.changedFields, ['lastName']);
  });

  it('duplicate and reordered events change nothing; several changes each come once', async () => {
    sim.setFaults({ duplicateEvents: 10, reorderEvents: 5 });
    const ids = Array.from({ length: 8 }, (_, i) => sim.changeAsSalesRep('Account', undefined, { Name: `Dup Co ${i}`, Phone: `+1 206 555 01${i}0` }));
    await waitFor(async () => { const mine = (await bus.fromSalesforce()).filter((e) => ids.includes(e.customer.salesforceAccountId ?? '')); return mine.length >= 8 ? mine : undefined; }, { what: '8 changes', timeoutMs: 20_000 });
    await sleep(2000);
    const mine = (await bus.fromSalesforce()).filter((e) => ids.includes(e.customer.salesforceAccountId ?? ''));
    assert.equal(mine.length, 8, 'duplicates and reordering emitted nothing twice');
    sim.clearFaults();
  });

  it('a gap event and an overflow event each recover without loss', async () => {
    const gapId = sim.seedRecord('Account', { Name: 'Gap Co', Phone: '+1 555 0100', LastModifiedById: sim.salesRepUserId });
    sim.emitGap('Account', [gapId], 'GAP_CREATE');
    await waitFor(async () => (await bus.fromSalesforce()).find((e) => e.customer.salesforceAccountId === gapId), { what: 'the gap record re-read', timeoutMs: 20_000 });
    const overflowIds = Array.from({ length: 3 }, (_, i) => sim.seedRecord('Account', { Name: `Overflow Co ${i}`, LastModifiedById: sim.salesRepUserId }));
    sim.emitOverflow('Account');
    await waitFor(async () => { const all = await bus.fromSalesforce(); return overflowIds.every((id) => all.some((e) => e.customer.salesforceAccountId === id)); }, { what: 'the overflowed records resynced', timeoutMs: 20_000 });
    const all = await bus.fromSalesforce();
    for (const [version, count] of perRecord(all)) assert.equal(count, 1, `${version} once`);
  });

  it('SIGKILLed mid-stream and restarted: no change missed, none doubled', async () => {
    const ids: string[] = [];
    const writer = (async () => {
      for (let i = 0; i < 40; i++) {
        ids.push(sim.changeAsSalesRep('Account', undefined, { Name: `Kill Co ${i}`, Phone: `+1 303 555 ${String(1000 + i)}` }));
        await sleep(40);
      }
    })();
    await waitFor(async () => (await bus.fromSalesforce()).filter((e) => ids.includes(e.customer.salesforceAccountId ?? '')).length >= 8, { what: 'some changes before the kill', timeoutMs: 20_000 });
    await kill();
    await sleep(500);
    await startSource();
    await writer;
    await waitFor(async () => { const mine = (await bus.fromSalesforce()).filter((e) => ids.includes(e.customer.salesforceAccountId ?? '')); return new Set(mine.map((e) => e.customer.salesforceAccountId)).size === 40; }, { what: 'all 40 changes', timeoutMs: 40_000, intervalMs: 300 });
    await sleep(1500);
    const mine = (await bus.fromSalesforce()).filter((e) => ids.includes(e.customer.salesforceAccountId ?? ''));
    assert.equal(mine.length, 40, 'no change doubled');
  });
});
