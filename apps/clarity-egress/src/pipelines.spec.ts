import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { CrossReference, CustomerProfile, CustomerProfileEvent, OrderStatusEvent, ShipmentEvent } from '@tributary/canonical-model';
import type { ClarityCustomerPatch, ClarityNewShipment, ClarityOrderStatusChange } from '@tributary/connectors-clarity';
import { ConfigError } from '@tributary/config';
import { IntegrationError } from '@tributary/core';
import type { PipelineDefinition, PipelineMessage } from '@tributary/kafka-runtime';
import { createLogger } from '@tributary/observability';
import { InMemoryLedger } from '@tributary/testing';
import { createClarityEgress } from './clarity-egress.app.js';
import { customerPipeline } from './customer.pipeline.js';
import { OrderDirectory } from './order-directory.js';
import { orderStatusPipeline } from './order-status.pipeline.js';
import { shipmentPipeline } from './shipment.pipeline.js';

const log = createLogger('clarity-egress-test', 'silent');
const at = (minute: number) => Date.UTC(2026, 10, 26, 9, minute);
const envelope = (eventType: string, source: string, id: string) => ({ eventId: id, eventType, occurredAt: at(1), source, correlationId: id, causationId: null, schemaVersion: 1 });
const message = <T>(value: T, key = 'k'): PipelineMessage<T> => ({ topic: 't', partition: 0, offset: '0', key, value, headers: {}, correlationId: 'corr-1' });
const run = <T>(pipeline: PipelineDefinition<T>, value: T, attempt = 1) => pipeline.handle(message(value), { attempt, log });
const unused = undefined as never;
const statusMaps = {
  intacct: { pending: 'Pending', processing: 'Pending', shipped: 'Closed', cancelled: 'Draft' },
  sage100: { pending: 'N', processing: 'O', shipped: 'C', cancelled: 'H' },
  salesforce: { pending: 'Draft', processing: 'Activated', shipped: 'Activated', cancelled: 'Cancelled' },
} as const;

const directoryWith = async (ledger: InMemoryLedger<CrossReference>, pairs: Record<string, string>) => {
  const directory = new OrderDirectory(ledger, () => at(0));
  for (const [number, id] of Object.entries(pairs)) await directory.learn(number, id, { eventId: `order-${id}`, correlationId: `order-${id}` });
  return directory;
};

describe('shipmentPipeline', () => {
  const event = (source = 'sage100'): ShipmentEvent => ({
    ...envelope('shipment.created', source, 'ship-1'),
    shipment: { shipmentId: 'S100-INV-0042', orderId: null, orderNumber: 'CL-10042', carrier: 'FedEx', service: 'Home Delivery', trackingNumber: '794698712345', trackingUrl: null, shippedAt: at(20), warehouseId: 'WH-AUSTIN', lines: [{ lineId: null, sku: 'TRB-MUG-12OZ', quantity: '2.0000' }] },
  });

  it('creates the shipment once (Idempotency-Key = shipment id), resolving the order number', async () => {
    const ledger = new InMemoryLedger<CrossReference>();
    const created: Array<{ shipment: ClarityNewShipment; key: string }> = [];
    const pipeline = shipmentPipeline({
      source: unused, codec: unused, ledger, directory: await directoryWith(ledger, { 'CL-10042': '10042' }), orderLookupAttempts: 3,
      clarity: { createShipment: async (shipment, { idempotencyKey }) => { created.push({ shipment, key: idempotencyKey }); return { shipmentId: shipment.shipmentId, status: 'created', replayed: false }; }, getShipment: async () => null },
    });
    assert.deepEqual(await run(pipeline, event()), { kind: 'done', ref: 'S100-INV-0042' });
    assert.deepEqual(await run(pipeline, event()), { kind: 'duplicate', ref: 'S100-INV-0042' });
    assert.equal(created.length, 1);
    assert.equal(created[0]!.key, 'S100-INV-0042');
    assert.equal(created[0]!.shipment.orderId, '10042');
    assert.equal(ledger.get('clarity:shipment:S100-INV-0042')?.status, 'DONE');
  });

  it('after an unknown outcome looks the shipment up instead of creating it again', async () => {
    const ledger = new InMemoryLedger<CrossReference>();
    let creates = 0;
    const pipeline = shipmentPipeline({
      source: unused, codec: unused, ledger, directory: await directoryWith(ledger, { 'CL-10042': '10042' }), orderLookupAttempts: 3,
      clarity: { createShipment: async () => { creates += 1; throw IntegrationError.transient('CLARITY.TIMEOUT', 'no answer'); }, getShipment: async () => ({ shipmentId: 'S100-INV-0042' }) as never },
    });
    await assert.rejects(run(pipeline, event()), /no answer/);
    assert.deepEqual(await run(pipeline, event(), 2), { kind: 'duplicate', ref: 'S100-INV-0042' });
    assert.equal(creates, 1);
  });

  it('skips Clarity\'s own shipments and retries, then dead-letters, an unknown order number', async () => {
    const ledger = new InMemoryLedger<CrossReference>();
    const pipeline = shipmentPipeline({ source: unused, codec: unused, ledger, directory: new OrderDirectory(ledger), orderLookupAttempts: 2, clarity: unused });
    assert.equal((await run(pipeline, event('clarity'))).kind, 'skipped');
    await assert.rejects(run(pipeline, event(), 1), (e: unknown) => e instanceof IntegrationError && e.transient && e.code === 'CLARITY.ORDER_NOT_YET_KNOWN');
    await assert.rejects(run(pipeline, event(), 2), (e: unknown) => e instanceof IntegrationError && !e.transient && e.code === 'MAPPING.UNKNOWN_ORDER');
  });
});

describe('customerPipeline', () => {
  const profile = (phone: string, phoneSource: string): CustomerProfile => ({
    customerId: 'CUST-7', kind: 'b2c', email: 'grace.hopper@example.com', firstName: 'Grace', lastName: 'Hopper', company: null, phone, billingAddress: null, shippingAddress: null,
    accountOwner: null, creditLimit: null, ids: { clarity: 'cust-77' },
    provenance: { email: { source: 'clarity', changedAt: at(1), version: '2' }, phone: { source: phoneSource, changedAt: at(5), version: '9' } },
  });
  const event = (p: CustomerProfile, id: string): CustomerProfileEvent => ({ ...envelope('customer.profile-changed', 'inventory-projector', id), profile: p });

  it('patches a Salesforce phone once; the echo and Clarity\'s own changes write nothing', async () => {
    const ledger = new InMemoryLedger<CrossReference>();
    const patches: Array<[string, ClarityCustomerPatch]> = [];
    const pipeline = customerPipeline({ source: unused, codec: unused, ledger, clarity: { updateCustomer: async (id, patch) => { patches.push([id, patch]); return {} as never; } } });
    assert.equal((await run(pipeline, event(profile('+1 512 555 0142', 'salesforce'), 'p1'))).kind, 'done');
    assert.equal((await run(pipeline, event(profile('+1 512 555 0142', 'salesforce'), 'p2'))).kind, 'skipped', 'the same values again (our echo merged back)');
    assert.equal((await run(pipeline, event(profile('+1 512 555 0199', 'clarity'), 'p3'))).kind, 'skipped', 'a phone Clarity set is not written back');
    assert.deepEqual(patches, [['cust-77', { phone: '+1 512 555 0142' }]]);
  });
});

describe('orderStatusPipeline', () => {
  const event = (status: string, erpState: string, minute: number): OrderStatusEvent => ({
    ...envelope('order.status-changed', 'intacct', `st-${minute}`),
    orderStatus: { orderNumber: 'CL-10042', system: 'intacct', documentType: 'Sales Order', documentId: 'Sales Order-SO0042', erpState, status, total: null, currency: null, erpVersion: `${new Date(at(minute)).toISOString()}#${erpState}` },
  });

  it('moves forward, skips backwards and replays, with an Idempotency-Key from the erpVersion', async () => {
    const ledger = new InMemoryLedger<CrossReference>();
    let shown = 'pending';
    const calls: Array<[string, ClarityOrderStatusChange, string]> = [];
    const pipeline = orderStatusPipeline({
      source: unused, codec: unused, ledger, directory: await directoryWith(ledger, { 'CL-10042': '10042' }), statusMaps, orderLookupAttempts: 3,
      clarity: {
        getOrder: async () => ({ status: shown }) as never,
        updateOrderStatus: async (orderId, change, { idempotencyKey }) => { calls.push([orderId, change, idempotencyKey]); shown = change.status; return {} as never; },
      },
    });
    assert.equal((await run(pipeline, event('invoiced', 'Converted', 10))).kind, 'done');
    assert.equal((await run(pipeline, event('invoiced', 'Converted', 10))).kind, 'duplicate');
    assert.equal((await run(pipeline, event('open', 'Pending', 11))).kind, 'skipped');
    assert.equal((await run(pipeline, event('closed', 'Closed', 12))).kind, 'done');
    assert.deepEqual(calls.map(([id, change, key]) => [id, change.status, key]), [
      ['10042', 'invoiced', 'Sales Order-SO0042@2026-11-26T09:10:00.000Z#Converted'],
      ['10042', 'shipped', 'Sales Order-SO0042@2026-11-26T09:12:00.000Z#Closed'],
    ]);
  });

  it('skips an order Clarity does not know after the lookup attempts (entered in the ERP)', async () => {
    const ledger = new InMemoryLedger<CrossReference>();
    const pipeline = orderStatusPipeline({ source: unused, codec: unused, ledger, directory: new OrderDirectory(ledger), statusMaps, orderLookupAttempts: 2, clarity: unused });
    await assert.rejects(run(pipeline, event('invoiced', 'Converted', 10), 1), /not yet|no Clarity order id/);
    assert.equal((await run(pipeline, event('invoiced', 'Converted', 10), 2)).kind, 'skipped');
  });
});

describe('clarity-egress start-up checks (before anything connects)', () => {
  it('refuses a missing Clarity client secret, naming the variable', async () => {
    await assert.rejects(
      createClarityEgress({ CLARITY_API_URL: 'http://127.0.0.1:1', CLARITY_CLIENT_ID: 'tributary', KAFKA_BROKERS: '127.0.0.1:1', LOG_LEVEL: 'silent' }),
      (error: unknown) => error instanceof ConfigError && /CLARITY_CLIENT_SECRET/.test(error.message),
    );
  });
  it('refuses a flush interval that is not a positive integer', async () => {
    await assert.rejects(
      createClarityEgress({ CLARITY_API_URL: 'http://127.0.0.1:1', CLARITY_CLIENT_ID: 'tributary', CLARITY_CLIENT_SECRET: 's', CLARITY_INVENTORY_FLUSH_MS: 'soon', LOG_LEVEL: 'silent' }),
      (error: unknown) => error instanceof ConfigError && /CLARITY_INVENTORY_FLUSH_MS/.test(error.message),
    );
  });
});
