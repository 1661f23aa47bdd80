import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { INestApplicationContext } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Admin, Producer } from 'kafkajs';
import { createClarityEgress } from '@tributary/clarity-egress';
import { createClarityIngress } from '@tributary/clarity-ingress';
import { topics, type CustomerProfile, type CustomerProfileEvent } from '@tributary/canonical-model';
import { AvroEventCodec, createKafkaClient, IsolatedDecoder, retryKafka, SchemaRegistryClient } from '@tributary/kafka-runtime';
import { createLogger } from '@tributary/observability';
import { sampleShopData, startClaritySimulator, type ClaritySimulator } from '@tributary/simulator-clarity';
import { stackEnv, waitFor } from '@tributary/testing';
import { MAPPING_FILE } from './e2e-stack.js';

const CLIENT = { clientId: 'tributary-egress', clientSecret: 'egress-secret' };
const WEBHOOK_SECRET = 'whsec_egress_echo';

/**
 * The whole loop: clarity-egress writes a Salesforce phone to Clarity, Clarity announces the change
 * (customer.updated, updatedBy integration:tributary) to the real clarity-ingress, which keeps it
 * for audit but does not turn it into a canonical customer event. A person's edit does.
 */
describe('clarity-egress and clarity-ingress together: no echo loop', () => {
  let shop: ClaritySimulator;
  let egress: INestApplicationContext;
  let ingress: NestFastifyApplication;
  let env: Record<string, string>;
  let producer: Producer;
  let admin: Admin;
  const decoder = new IsolatedDecoder();
  const topic = (name: string) => `${env['TOPIC_PREFIX']}${name}`;
  const count = async (name: string) => (await retryKafka(() => admin.fetchTopicOffsets(topic(name)))).reduce((sum, o) => sum + Number(o.high), 0);

  before(async () => {
    shop = await startClaritySimulator({ clients: [CLIENT], data: sampleShopData(2, { seed: 7, startNumber: 30001 }) });
    env = stackEnv({
      CLARITY_WEBHOOK_SECRETS: WEBHOOK_SECRET, HTTP_PORT: '0', HTTP_HOST: '127.0.0.1', MAPPING_FILE,
      CLARITY_API_URL: shop.url, CLARITY_CLIENT_ID: CLIENT.clientId, CLARITY_CLIENT_SECRET: CLIENT.clientSecret, CLARITY_INVENTORY_FLUSH_MS: '500',
    });
    ingress = await createClarityIngress(env);
    shop.setWebhookTarget({ url: `${await ingress.getUrl()}/webhooks/clarity`, secrets: [WEBHOOK_SECRET], maxAttempts: 5, backoffMs: 100 });
    egress = await createClarityEgress(env);
    const kafka = createKafkaClient({ brokers: env['KAFKA_BROKERS']!.split(','), clientId: 'e2e-clarity-echo', logger: createLogger('e2e', 'silent') });
    producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false });
    await producer.connect();
    admin = kafka.admin();
    await admin.connect();
  });

  after(async () => {
    await egress?.close();
    await ingress?.close();
    await producer?.disconnect();
    await admin?.disconnect();
    await shop?.close();
    await decoder.close();
  });

  it('our PATCH comes back as a webhook that is audited but not re-published; a person\'s edit is', async () => {
    const customer = shop.customers()[0]!;
    shop.changeCustomer(customer.customerId, { company: 'Analytical Engines Ltd' }, 'maria');
    await shop.idle();
    await waitFor(async () => (await count(topics.customer.name)) === 1, { what: 'the person\'s edit as a canonical customer event' });
    const webhooksBefore = await count(topics.clarityWebhook.name);

    const codec = await AvroEventCodec.create<CustomerProfileEvent>({ registry: new SchemaRegistryClient(env['SCHEMA_REGISTRY_URL']!), decoder, subject: `${topic(topics.customerProfile.name)}-value`, schema: topics.customerProfile.valueSchema });
    const changedAt = Date.UTC(2026, 10, 26, 10);
    const profile: CustomerProfile = {
      customerId: `CUST-${customer.customerId}`, kind: 'b2c', email: customer.email, firstName: customer.firstName, lastName: customer.lastName, company: 'Analytical Engines Ltd',
      phone: '+44 20 7946 0958', billingAddress: null, shippingAddress: null, accountOwner: null, creditLimit: null, ids: { clarity: customer.customerId, salesforceAccount: '001AE' },
      provenance: { email: { source: 'clarity', changedAt, version: '2' }, company: { source: 'clarity', changedAt, version: '2' }, phone: { source: 'salesforce', changedAt, version: '5' } },
    };
    await producer.send({ topic: topic(topics.customerProfile.name), acks: -1, messages: [{ key: profile.customerId, value: codec.encode({ eventId: 'p-echo', eventType: 'customer.profile-changed', occurredAt: changedAt, source: 'inventory-projector', correlationId: 'p-echo', causationId: null, schemaVersion: 1, profile }) }] });

    const echo = await waitFor(() => shop.deliveries().find((d) => d.type === 'customer.updated' && (d.envelope.data as { updatedBy?: string }).updatedBy === 'integration:tributary'), { what: 'Clarity announcing our change' });
    await shop.idle();
    const delivered = shop.deliveries().find((d) => d.webhookId === echo.webhookId)!;
    assert.equal(delivered.state, 'delivered', 'the ingress acknowledged the echo');
    assert.deepEqual((delivered.envelope.data as { changedFields?: string[] }).changedFields, ['phone']);
    await waitFor(async () => (await count(topics.clarityWebhook.name)) === webhooksBefore + 1, { what: 'the echo kept for audit' });
    assert.equal(await count(topics.customer.name), 1, 'our own change did not become a canonical customer event');
    assert.equal(shop.customers().find((c) => c.customerId === customer.customerId)?.phone, '+44 20 7946 0958');
  });
});
