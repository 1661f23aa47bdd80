import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { KafkaMessage } from 'kafkajs';
import type { ClarityWebhookReceived, CustomerEvent, InventoryAdjustmentEvent, ShipmentEvent } from '@tributary/canonical-model';
import { eventIdFor } from '@tributary/clarity-ingress';
import { compileAvroType, readSchemaHeader, readTopicToEnd, SchemaRegistryClient } from '@tributary/kafka-runtime';
import { customerOf, sampleOrders, startClaritySimulator, type ClarityCustomerRecordPayload, type ClaritySimulator, type ClarityWebhookPayload } from '@tributary/simulator-clarity';
import { sleep } from '@tributary/testing';
import { E2eStack, WEBHOOK_SECRET } from './e2e-stack.js';

interface Decoded<T> {
  readonly key: string | undefined;
  readonly headers: Record<string, string | undefined>;
  readonly value: T;
}
type Reply = { status?: string; error?: string; message?: string; eventId?: string; duplicate?: boolean; stale?: boolean; echo?: boolean };

const client = { clientId: 'tributary-ingress-e2e', clientSecret: 'ingress-e2e-secret' };

describe('clarity-ingress: customers, stock and shipments; duplicates, older states, echoes and thin webhooks', () => {
  let stack: E2eStack;
  let clarity: ClaritySimulator;
  let registry: SchemaRegistryClient;
  before(async () => {
    clarity = await startClaritySimulator({ clients: [client] });
    stack = await E2eStack.start({
      withSink: false,
      sinkEnv: { CLARITY_API_URL: clarity.url, CLARITY_TOKEN_URL: clarity.tokenUrl, CLARITY_CLIENT_ID: client.clientId, CLARITY_CLIENT_SECRET: client.clientSecret, CLARITY_API_TIMEOUT_MS: '2000' },
    });
    clarity.setWebhookTarget({ url: stack.webhookUrl, secrets: [WEBHOOK_SECRET], maxAttempts: 6, backoffMs: 100 });
    registry = new SchemaRegistryClient(stack.env['SCHEMA_REGISTRY_URL']!);
  });
  after(async () => {
    await stack.stop();
    await clarity.close();
  });

  const records = async <T>(topic: string): Promise<Array<Decoded<T>>> => {
    const messages: KafkaMessage[] = [];
    await readTopicToEnd(stack.kafka, stack.topic(topic), (message) => messages.push(message));
    return Promise.all(messages.map(async (message) => {
      const { schemaId, body } = readSchemaHeader(message.value);
      const type = compileAvroType(await registry.writerSchema(schemaId));
      const headers = Object.fromEntries(Object.entries(message.headers ?? {}).map(([name, value]) => [name, value?.toString()]));
      return { key: message.key?.toString(), headers, value: type.fromBuffer(body) as T };
    }));
  };
  const send = async (webhook: ClarityWebhookPayload): Promise<{ status: number; body: Reply }> => {
    const result = await stack.sender({ maxAttempts: 1 }).send(webhook);
    return { status: result.status, body: result.body as Reply };
  };
  const envelope = (type: string, data: object, id = `evt_${type.replace('.', '_')}_${Math.random().toString(36).slice(2, 10)}`): ClarityWebhookPayload =>
    ({ id, type, createdAt: new Date().toISOString(), apiVersion: 'v1', data });

  const [order, other] = sampleOrders(2, { seed: 91, startNumber: 91_001 });
  const customer: ClarityCustomerRecordPayload = { ...customerOf(order!), company: 'Bluebonnet Supply Co.', version: 3, modifiedAt: '2026-11-26T09:00:00Z', changedFields: ['phone'] };

  it('customer.created and customer.updated → commerce.customer.v1 keyed by the Clarity id, b2b with a company, versioned', async () => {
    const created = envelope('customer.created', { ...customer, version: 1, modifiedAt: '2026-11-26T08:00:00Z', changedFields: [] });
    assert.equal((await send(created)).status, 202);
    const updated = envelope('customer.updated', customer);
    const reply = await send(updated);
    assert.deepEqual([reply.status, reply.body.status, reply.body.eventId], [202, 'accepted', eventIdFor(updated.id)]);
    const mine = (await records<CustomerEvent>('commerce.customer.v1')).filter((r) => r.key === customer.customerId);
    assert.deepEqual(mine.map((r) => r.value.eventType), ['customer.created', 'customer.updated']);
    const latest = mine[1]!.value;
    assert.deepEqual([latest.eventId, latest.source, latest.customer.kind, latest.customer.clarityId, latest.customer.email], [eventIdFor(updated.id), 'clarity', 'b2b', customer.customerId, customer.email]);
    assert.deepEqual(latest.customer.changedFields, ['phone']);
    assert.match(latest.customer.version, /^2026-11-26T09:00:00\.000Z#[0-9a-f]{12}$/);
    assert.equal(latest.customer.modifiedAt, Date.parse('2026-11-26T09:00:00Z'));
  });

  it('inventory.changed → inventory.adjustment.v1 keyed SKU@location, exact quantities, Clarity as the source', async () => {
    const webhook = envelope('inventory.changed', { sku: 'TRB-MUG-12OZ', locationId: 'AUS-01', onHand: '142.5', onOrder: 48, onHold: null, modifiedAt: '2026-11-26T11:02:00Z' });
    assert.equal((await send(webhook)).status, 202);
    const [row] = (await records<InventoryAdjustmentEvent>('inventory.adjustment.v1')).filter((r) => r.key === 'TRB-MUG-12OZ@AUS-01');
    assert.deepEqual({ ...row!.value.adjustment }, { sku: 'TRB-MUG-12OZ', erpItemId: 'TRB-MUG-12OZ', locationId: 'AUS-01', onHand: '142.5000', onOrder: '48.0000', onHold: null, erpVersion: '2026-11-26T11:02:00.000Z#142.5000' });
    assert.deepEqual([row!.value.source, row!.value.eventType], ['clarity', 'inventory.adjusted']);
  });

  it('shipment.created → commerce.shipment.v1 keyed by shipment id with carrier, tracking and lines', async () => {
    const shipment = {
      shipmentId: `shp_${order!.orderId}`, orderId: order!.orderId, orderNumber: order!.orderNumber, carrier: 'FedEx', service: 'Home Delivery', trackingNumber: '794644790132',
      trackingUrl: 'https://www.fedex.com/fedextrack/?trknbr=794644790132', shippedAt: '2026-11-26T15:38:00Z', warehouseId: 'AUS-01', status: 'shipped',
      lines: order!.lineItems.map((line) => ({ lineId: line.lineId, sku: line.sku, quantity: line.quantity })),
    };
    assert.equal((await send(envelope('shipment.created', shipment))).status, 202);
    const [record] = (await records<ShipmentEvent>('commerce.shipment.v1')).filter((r) => r.key === shipment.shipmentId);
    assert.deepEqual([record!.value.shipment.carrier, record!.value.shipment.trackingNumber, record!.value.shipment.orderNumber], ['FedEx', '794644790132', order!.orderNumber]);
    assert.deepEqual(record!.value.shipment.lines.map((l) => [l.sku, l.quantity]), order!.lineItems.map((l) => [l.sku, `${l.quantity}.0000`]));
  });

  it('the same webhook id 3 times → 202 each time, one canonical record, one audit record', async () => {
    const webhook = envelope('customer.updated', { ...customerOf(other!), version: 2, modifiedAt: '2026-11-26T10:00:00Z' });
    const replies = [await send(webhook), await send(webhook), await send(webhook)];
    assert.deepEqual(replies.map((r) => r.status), [202, 202, 202]);
    assert.deepEqual(replies.map((r) => r.body.duplicate ?? false), [false, true, true]);
    await sleep(300);
    assert.equal((await records<CustomerEvent>('commerce.customer.v1')).filter((r) => r.key === other!.customerId).length, 1);
    assert.equal((await records<ClarityWebhookReceived>('clarity.webhook.v1')).filter((r) => r.key === webhook.id).length, 1);
  });

  it('an older state delivered after a newer one → 202 stale, audited, no canonical record', async () => {
    const sku = { sku: 'TRB-TEA-EARL-100G', locationId: 'DAL-02' };
    const newer = envelope('inventory.changed', { ...sku, onHand: 40, modifiedAt: '2026-11-26T12:00:00Z' });
    const older = envelope('inventory.changed', { ...sku, onHand: 55, modifiedAt: '2026-11-26T11:00:00Z' });
    assert.equal((await send(newer)).body.status, 'accepted');
    const late = await send(older);
    assert.deepEqual([late.status, late.body.stale], [202, true]);
    await sleep(300);
    const rows = (await records<InventoryAdjustmentEvent>('inventory.adjustment.v1')).filter((r) => r.key === 'TRB-TEA-EARL-100G@DAL-02');
    assert.deepEqual(rows.map((r) => r.value.adjustment.onHand), ['40.0000'], 'only the newer quantity');
    const audit = (await records<ClarityWebhookReceived>('clarity.webhook.v1')).find((r) => r.key === older.id);
    assert.equal(audit?.headers['outcome'], 'out_of_order');
  });

  it('our own change echoed back (updatedBy integration:tributary) → 202 echo, audited, no canonical record', async () => {
    const before = (await records<CustomerEvent>('commerce.customer.v1')).length;
    const echo = envelope('customer.updated', { ...customer, version: 4, modifiedAt: '2026-11-26T09:30:00Z', phone: '+1 512 555 0199', updatedBy: 'integration:tributary' });
    const reply = await send(echo);
    assert.deepEqual([reply.status, reply.body.echo], [202, true]);
    await sleep(300);
    assert.equal((await records<CustomerEvent>('commerce.customer.v1')).length, before);
    assert.equal((await records<ClarityWebhookReceived>('clarity.webhook.v1')).find((r) => r.key === echo.id)?.headers['outcome'], 'echo');
  });

  it('thin webhooks are enriched from Clarity\'s API, across a token expiry, with one token refresh', async () => {
    const [first, second] = sampleOrders(2, { seed: 92, startNumber: 92_001 }).map((o) => ({ ...customerOf(o), modifiedAt: '2026-11-26T13:00:00Z', version: 1 }));
    clarity.upsertCustomer(first!);
    clarity.upsertCustomer(second!);
    const [one] = await clarity.emit('customer.created', first!.customerId, { thin: true });
    assert.deepEqual([one!.state, one!.status, one!.thin], ['delivered', 202, true]);
    const issued = clarity.stats().tokensIssued;
    assert.equal(issued, 1);
    clarity.expireTokens();
    const [two] = await clarity.emit('customer.created', second!.customerId, { thin: true });
    assert.deepEqual([two!.state, two!.status], ['delivered', 202]);
    assert.equal(clarity.stats().tokensIssued, 2, 'one refresh after the expiry');

    const events = (await records<CustomerEvent>('commerce.customer.v1')).filter((r) => r.key === first!.customerId || r.key === second!.customerId);
    assert.deepEqual(events.map((e) => [e.key, e.value.customer.email, e.value.eventId]).sort(), [
      [first!.customerId, first!.email, eventIdFor(one!.webhookId)],
      [second!.customerId, second!.email, eventIdFor(two!.webhookId)],
    ].sort());
    const audit = (await records<ClarityWebhookReceived>('clarity.webhook.v1')).find((r) => r.key === one!.webhookId);
    assert.deepEqual(JSON.parse(audit!.value.body).data, { id: first!.customerId }, 'the thin body is stored verbatim');
    assert.equal(JSON.parse(audit!.headers['clarity-entity']!).customerId, first!.customerId, 'with the entity it was mapped from');
  });

  it('a thin webhook while Clarity\'s API is down → 503 enrichment_unavailable (Clarity retries); an unknown entity → 422', async () => {
    clarity.setFaults({ rate5xx: 1 });
    try {
      const down = await send(envelope('customer.updated', { id: customer.customerId }));
      assert.deepEqual([down.status, down.body.error], [503, 'enrichment_unavailable']);
    } finally {
      clarity.clearFaults();
    }
    const missing = await send(envelope('customer.updated', { id: 'cust-does-not-exist' }));
    assert.deepEqual([missing.status, missing.body.error], [422, 'entity_not_found']);
  });
});
