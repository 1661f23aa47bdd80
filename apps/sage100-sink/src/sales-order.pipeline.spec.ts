import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CrossReference, OrderEvent } from '@tributary/canonical-model';
import { Sage100Client } from '@tributary/connectors-sage100';
import { IntegrationError } from '@tributary/core';
import type { AvroEventCodec, PipelineMessage } from '@tributary/kafka-runtime';
import { ItemResolver, loadMappingConfig, type MappingConfig } from '@tributary/mapping-core';
import { createLogger } from '@tributary/observability';
import { startSage100Simulator, type Sage100Simulator } from '@tributary/simulator-sage100';
import { InMemoryLedger } from '@tributary/testing';
import { HeldOrders } from './held-orders.js';
import { salesOrderPipeline, type SalesOrderPipelineDeps } from './sales-order.pipeline.js';

const mapping = loadMappingConfig(join(fileURLToPath(import.meta.url), '../../../../config/mappings/default.yaml'));
const log = createLogger('spec', 'silent');

const orderEvent = (orderNumber: string, overrides: { customerId?: string; email?: string; quantity?: number } = {}): OrderEvent => ({
  eventId: `evt-${orderNumber}`, eventType: 'order.created', occurredAt: Date.UTC(2026, 10, 25, 9, 30), source: 'clarity', correlationId: `evt-${orderNumber}`, causationId: null, schemaVersion: 1,
  order: {
    orderId: orderNumber.replace('CL-', ''), orderNumber, status: 'pending', orderedAt: Date.UTC(2026, 10, 25, 9, 29), currency: 'USD', storeId: 'store-us-1', channel: 'web',
    customer: { customerId: overrides.customerId ?? 'cust-77', email: overrides.email ?? 'jane.roe@example.com', firstName: 'Jane', lastName: 'Roe', company: null, phone: '+1 512 555 0142' },
    billingAddress: { name: 'Jane Roe', line1: '500 Congress Ave', line2: 'Suite 210', city: 'Austin', region: 'TX', postalCode: '78701', country: 'US' },
    shippingAddress: { name: 'Jane Roe', line1: '500 Congress Ave', line2: 'Suite 210', city: 'Austin', region: 'TX', postalCode: '78701', country: 'US' },
    lines: [
      { lineId: '1', sku: 'TRB-MUG-12OZ', description: 'Ceramic mug 12 oz', quantity: overrides.quantity ?? 2, unitPrice: '19.99', discount: '0.00', tax: '0.00', lineTotal: ((overrides.quantity ?? 2) * 19.99).toFixed(2) },
    ],
    shipping: { method: 'UPS Ground', amount: '9.95' },
    payment: { method: 'visa', transactionId: 'ch_3P', amount: '0', status: 'captured' },
    couponCode: null,
    totals: { subtotal: '0', discountTotal: '0.00', taxTotal: '0.00', shippingTotal: '9.95', grandTotal: ((overrides.quantity ?? 2) * 19.99 + 9.95).toFixed(2) },
  },
});
const message = (event: OrderEvent, offset = '0'): PipelineMessage<OrderEvent> => ({ topic: 'commerce.order.v1', partition: 0, offset, key: event.order.orderId, value: event, headers: {}, correlationId: event.correlationId });

describe('salesOrderPipeline against the Sage 100 simulator (in memory ledger)', () => {
  let sim: Sage100Simulator;
  let sage: Sage100Client;
  before(async () => {
    sim = await startSage100Simulator({
      port: 0, apiKeys: ['k'], companies: [{ code: 'ABC', divisions: ['01'] }],
      customers: [{ ARDivisionNo: '01', CustomerNo: 'STRICT', CustomerName: 'Strict Credit', EmailAddress: 'strict@example.com', ZipCode: '78701', CreditLimit: 10 }],
      items: [{ ItemCode: 'MUG-12OZ', ItemType: '1', description: 'Mug', warehouses: [{ WarehouseCode: '000', QuantityOnHand: 100 }] }],
    });
    sage = new Sage100Client({ apiUrl: sim.url, apiKey: 'k', companyCode: 'ABC', timeoutMs: 1000 });
  });
  after(async () => { await sage.close(); await sim.close(); });

  const pipeline = (rules: Partial<MappingConfig['sage100']> = {}) => {
    const ledger = new InMemoryLedger<CrossReference>();
    const configured = { ...mapping, sage100: { ...mapping.sage100, ...rules } };
    const deps: SalesOrderPipelineDeps = {
      source: { name: 'commerce.order.v1' } as never, codec: {} as AvroEventCodec<OrderEvent>, sage: () => sage, ledger,
      company: { mapping: configured, items: new ItemResolver(configured.items) }, held: new HeldOrders(ledger),
    };
    return { ledger, deps, definition: salesOrderPipeline(deps) };
  };

  it('creates once when the create was stored but its answer lost: the retry finds the PO before creating again', async () => {
    const { definition } = pipeline();
    assert.equal((await definition.handle(message(orderEvent('CL-20000')), { attempt: 1, log })).kind, 'done', 'the customer exists now');
    sim.setFaults({ commitThenFail: 1 });
    const event = orderEvent('CL-20001');
    await assert.rejects(definition.handle(message(event), { attempt: 1, log }), (e: IntegrationError) => e.transient);
    const retry = await definition.handle(message(event), { attempt: 2, log });
    assert.equal(retry.kind, 'duplicate');
    assert.equal(sim.orders().filter((o) => o.CustomerPONo === 'CL-20001').length, 1);
    assert.equal(sim.customers().filter((c) => c.EmailAddress === 'jane.roe@example.com').length, 1);
  });

  it('another sink instance (empty ledger) finds the order by its PO instead of creating it again', async () => {
    const first = pipeline();
    const event = orderEvent('CL-20002');
    assert.equal((await first.definition.handle(message(event), { attempt: 1, log })).kind, 'done');
    const second = pipeline();
    assert.equal((await second.definition.handle(message(event), { attempt: 1, log })).kind, 'duplicate');
    assert.equal(sim.orders().filter((o) => o.CustomerPONo === 'CL-20002').length, 1);
  });

  it('holds for review when the credit rule says so, and when customers must not be created', async () => {
    const review = pipeline({ credit: { onProblem: 'review' } });
    await assert.rejects(review.definition.handle(message(orderEvent('CL-20003', { customerId: 'strict', email: 'strict@example.com' })), { attempt: 1, log }), (e: IntegrationError) => e.code === 'REVIEW.CREDIT_HOLD' && !e.transient);
    assert.equal(review.deps.held.get('20003')?.kind, 'credit');
    const noCreate = pipeline({ autoCreateCustomers: false });
    await assert.rejects(noCreate.definition.handle(message(orderEvent('CL-20004', { customerId: 'someone-new', email: 'new.person@example.com' })), { attempt: 1, log }), (e: IntegrationError) => e.code === 'REVIEW.CUSTOMER_NOT_FOUND');
    assert.equal(noCreate.deps.held.get('20004')?.kind, 'customer');
    assert.equal(sim.orders().filter((o) => ['CL-20003', 'CL-20004'].includes(o.CustomerPONo)).length, 0);
  });

  it('a record lock (409) is a transient failure, a BOI refusal (422) a permanent one with its message', async () => {
    const { definition } = pipeline();
    sim.setFaults({ locked: 1 });
    await assert.rejects(definition.handle(message(orderEvent('CL-20005')), { attempt: 1, log }), (e: IntegrationError) => e.code === 'SAGE100.LOCKED' && e.transient);
    assert.equal((await definition.handle(message(orderEvent('CL-20005')), { attempt: 2, log })).kind, 'done');
    sim.clearFaults();
    const retired = orderEvent('CL-20006');
    retired.order.lines = [{ ...retired.order.lines[0]!, sku: 'TRB-LEGACY-BUNDLE' }];
    await assert.rejects(definition.handle(message(retired), { attempt: 1, log }), (e: IntegrationError) => e.code === 'SAGE100.VALIDATION' && !e.transient && /Item code LEGACY-BUNDLE is invalid/.test(e.message));
  });
});
