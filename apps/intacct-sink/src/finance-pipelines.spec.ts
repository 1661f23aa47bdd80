import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { IntegrationError } from '@tributary/core';
import type { CrossReference, PaymentEvent, ProductEvent, ReturnEvent, SettlementEvent } from '@tributary/canonical-model';
import type { IntacctArPayment, IntacctGlBatch, IntacctItemUpdate, IntacctSalesDocumentRef, IntacctSalesOrder } from '@tributary/connectors-intacct';
import type { AvroEventCodec, PipelineDefinition, PipelineMessage } from '@tributary/kafka-runtime';
import { ItemResolver, loadMappingConfig } from '@tributary/mapping-core';
import { createLogger } from '@tributary/observability';
import { InMemoryLedger } from '@tributary/testing';
import { paymentPipeline } from './payment.pipeline.js';
import { productPipeline } from './product.pipeline.js';
import { returnPipeline } from './return.pipeline.js';
import { settlementPipeline } from './settlement.pipeline.js';

const mapping = loadMappingConfig(join(fileURLToPath(import.meta.url), '../../../../config/mappings/default.yaml'));
const company = { mapping, items: new ItemResolver(mapping.items) };
const topic = { name: 't', partitions: 1, cleanupPolicy: 'delete' as const, retentionMs: 1 };
const envelope = { occurredAt: Date.UTC(2026, 10, 27, 9), source: 'clarity', correlationId: 'corr', causationId: null, schemaVersion: 1 };

/** Intacct as the finance pipelines see it: documents by reference, receipts, memos, journals, items. */
class FakeIntacct {
  readonly documents = new Map<string, IntacctSalesDocumentRef>();
  readonly created: Array<{ document: IntacctSalesOrder; controlId: string }> = [];
  readonly payments: Array<{ payment: IntacctArPayment; controlId: string }> = [];
  readonly batches: Array<{ batch: IntacctGlBatch; controlId: string }> = [];
  readonly items: Array<{ item: IntacctItemUpdate; controlId: string }> = [];
  lookups: string[] = [];
  failNextCreate: IntegrationError | undefined;
  async findSalesDocumentByReference(type: string, reference: string) {
    this.lookups.push(`${type}:${reference}`);
    const found = this.documents.get(reference);
    return found && found.key.startsWith(`${type}-`) ? found : null;
  }
  async createSalesOrder(document: IntacctSalesOrder, { controlId }: { controlId: string }) {
    if (this.failNextCreate) { const error = this.failNextCreate; this.failNextCreate = undefined; this.created.push({ document, controlId }); this.store(document); throw error; }
    this.created.push({ document, controlId });
    return { key: this.store(document) };
  }
  private store(document: IntacctSalesOrder) {
    const key = `${document.transactionType}-CM${this.created.length}`;
    this.documents.set(document.referenceNo, { key, recordNo: String(this.created.length), docNo: `CM${this.created.length}`, state: 'Pending', total: '0', referenceNo: document.referenceNo, customerId: document.customerId });
    return key;
  }
  async createArPayment(payment: IntacctArPayment, { controlId }: { controlId: string }) { this.payments.push({ payment, controlId }); return { recordNo: `P${this.payments.length}` }; }
  async findArPaymentByDocNumber(docNumber: string) {
    const index = this.payments.findIndex((p) => p.payment.docNumber === docNumber);
    return index < 0 ? null : { recordNo: `P${index + 1}`, amount: this.payments[index]!.payment.amount, customerId: this.payments[index]!.payment.customerId };
  }
  async createGlBatch(batch: IntacctGlBatch, { controlId }: { controlId: string }) { this.batches.push({ batch, controlId }); return { recordNo: `GL${this.batches.length}` }; }
  async findGlBatchByReference(referenceNo: string) {
    const index = this.batches.findIndex((b) => b.batch.referenceNo === referenceNo);
    return index < 0 ? null : { recordNo: `GL${index + 1}`, batchNo: String(index + 1), referenceNo, state: 'Posted' };
  }
  async updateItem(item: IntacctItemUpdate, { controlId }: { controlId: string }) { this.items.push({ item, controlId }); }
}

const run = <T>(pipeline: PipelineDefinition<T>, value: T, attempt = 1) =>
  pipeline.handle({ topic: 't', partition: 0, offset: '1', key: 'k', value, headers: {}, correlationId: 'corr' } satisfies PipelineMessage<T>, { attempt, log: createLogger('test', 'silent') });

const invoice: IntacctSalesDocumentRef = { key: 'Sales Invoice-INV0042', recordNo: '42', docNo: 'INV0042', state: 'Pending', total: '92.47', referenceNo: 'CL-10045', prRecordKey: 'AR-42', customerId: 'CL-CUST-77' };

describe('paymentPipeline', () => {
  const capture = (overrides: Partial<PaymentEvent['payment']> = {}): PaymentEvent => ({
    ...envelope, eventId: 'e-pay', eventType: 'payment.captured',
    payment: { paymentId: 'pay_1', orderId: '10045', orderNumber: 'CL-10045', customerId: 'cust-77', kind: 'captured', method: 'visa', gateway: 'stripe', transactionId: 'ch_3P', amount: '92.47', fee: '2.98', currency: 'USD', processedAt: Date.UTC(2026, 10, 27, 9), ...overrides },
  });
  const setup = () => {
    const ledger = new InMemoryLedger<CrossReference>();
    const intacct = new FakeIntacct();
    const pipeline = paymentPipeline({ source: topic, codec: {} as AvroEventCodec<PaymentEvent>, intacct: () => intacct, ledger, mapping, defaultTransactionType: 'Sales Order', clock: () => 1 });
    return { ledger, intacct, pipeline };
  };

  it('applies a capture to the order\'s AR invoice (PRRECORDKEY) once, under the invoice\'s customer', async () => {
    const { intacct, pipeline, ledger } = setup();
    intacct.documents.set('CL-10045', invoice);
    assert.deepEqual(await run(pipeline, capture()), { kind: 'done', ref: 'P1' });
    const payment = intacct.payments[0]!.payment;
    assert.deepEqual(payment.applyTo, [{ recordKey: 'AR-42', amount: '92.47' }]);
    assert.equal(payment.customerId, 'CL-CUST-77');
    assert.equal(payment.docNumber, 'PAY-CL-10045-ch_3P');
    assert.equal(payment.undepositedAccountNo, '1210');
    assert.equal(ledger.get('intacct:cash-receipt:PAY-CL-10045-ch_3P')?.status, 'DONE');
    assert.deepEqual(await run(pipeline, capture()), { kind: 'duplicate', ref: 'P1' });
    assert.equal(intacct.payments.length, 1);
  });

  it('is the same receipt as the checkout payment the order flow already recorded', async () => {
    const { intacct, pipeline, ledger } = setup();
    await ledger.record({ key: 'intacct:cash-receipt:PAY-CL-10045-ch_3P', system: 'intacct', entity: 'cash-receipt', sourceId: 'PAY-CL-10045-ch_3P', status: 'DONE', externalId: 'P9', externalReference: null, eventId: 'x', correlationId: 'x', attempt: 1, detail: null, updatedAt: 1 });
    assert.deepEqual(await run(pipeline, capture()), { kind: 'duplicate', ref: 'P9' });
    assert.equal(intacct.payments.length, 0);
  });

  it('refuses a capture for an order Intacct holds only as a Sales Order, explaining the replay', async () => {
    const { intacct, pipeline } = setup();
    intacct.documents.set('CL-10045', { ...invoice, key: 'Sales Order-SO0042', prRecordKey: undefined } as unknown as IntacctSalesDocumentRef);
    await assert.rejects(run(pipeline, capture()), (e: unknown) => e instanceof IntegrationError && e.code === 'INTACCT.NO_AR_INVOICE' && !e.transient && /replay this message once the order is invoiced/.test(e.message));
  });

  it('waits (transient) for an order not in Intacct yet, and skips refunds', async () => {
    const { pipeline } = setup();
    await assert.rejects(run(pipeline, capture()), (e: unknown) => e instanceof IntegrationError && e.code === 'INTACCT.INVOICE_NOT_VISIBLE' && e.transient);
    const refund = await run(pipeline, { ...capture({ kind: 'refunded' }), eventType: 'payment.refunded' });
    assert.equal(refund.kind, 'skipped');
  });
});

describe('returnPipeline', () => {
  const aReturn = (overrides: Partial<ReturnEvent['return']> = {}): ReturnEvent => ({
    ...envelope, eventId: 'e-ret', eventType: 'return.created',
    return: {
      returnId: 'ret-9', returnNumber: 'RMA-9', orderId: '10045', orderNumber: 'CL-10045', customerId: 'cust-77', currency: 'USD', createdAt: Date.UTC(2026, 10, 28), reason: null,
      lines: [{ lineId: '1', sku: 'TRB-MUG-12OZ', quantity: 1, unitPrice: '18.99', tax: '1.57', restock: true }], shippingRefund: '0.00', refundTotal: '20.56', ...overrides,
    },
  });
  const setup = () => {
    const ledger = new InMemoryLedger<CrossReference>();
    const intacct = new FakeIntacct();
    const pipeline = returnPipeline({ source: topic, codec: {} as AvroEventCodec<ReturnEvent>, intacct: () => intacct, ledger, company, defaultTransactionType: 'Sales Order', clock: () => 1 });
    return { ledger, intacct, pipeline };
  };

  it('creates one credit memo from the order\'s document, for the document\'s customer', async () => {
    const { intacct, pipeline } = setup();
    intacct.documents.set('CL-10045', invoice);
    const outcome = await run(pipeline, aReturn());
    assert.equal(outcome.kind, 'done');
    const { document, controlId } = intacct.created[0]!;
    assert.equal(document.transactionType, 'Sales Credit Memo');
    assert.equal(document.createdFrom, 'Sales Invoice-INV0042');
    assert.equal(document.customerId, 'CL-CUST-77');
    assert.equal(controlId, 'cm-create-ret-9');
    assert.equal((await run(pipeline, aReturn())).kind, 'duplicate');
    assert.equal(intacct.created.length, 1);
  });

  it('after a lost reply finds the committed memo by the return number instead of creating another', async () => {
    const { intacct, pipeline } = setup();
    intacct.documents.set('CL-10045', invoice);
    intacct.failNextCreate = IntegrationError.transient('INTACCT.TIMEOUT', 'timed out', { outcomeUnknown: true });
    await assert.rejects(run(pipeline, aReturn()));
    const retry = await run(pipeline, aReturn(), 2);
    assert.deepEqual(retry, { kind: 'duplicate', ref: 'Sales Credit Memo-CM1' }, 'found, not created');
    assert.equal(intacct.created.length, 1, 'one memo in Intacct');
  });

  it('waits for an original not in Intacct yet; a return that does not add up is a mapping error', async () => {
    const { intacct, pipeline } = setup();
    await assert.rejects(run(pipeline, aReturn()), (e: unknown) => e instanceof IntegrationError && e.code === 'INTACCT.ORIGINAL_NOT_VISIBLE' && e.transient);
    intacct.documents.set('CL-10045', invoice);
    await assert.rejects(run(pipeline, aReturn({ refundTotal: '99.00' }), 2), (e: unknown) => e instanceof IntegrationError && e.code === 'MAPPING.TOTALS_MISMATCH');
    assert.equal(intacct.created.length, 0);
  });
});

describe('settlementPipeline', () => {
  const payout: SettlementEvent = {
    ...envelope, eventId: 'e-stl', eventType: 'settlement.reported', source: 'stripe',
    settlement: { settlementId: 'po_1', gateway: 'stripe', currency: 'USD', settledAt: Date.UTC(2026, 10, 27), gross: '100.00', refunds: '10.00', fees: '3.20', net: '86.80', payments: [] },
  };
  it('posts one balanced GLBATCH per settlement, once', async () => {
    const ledger = new InMemoryLedger<CrossReference>();
    const intacct = new FakeIntacct();
    const pipeline = settlementPipeline({ source: topic, codec: {} as AvroEventCodec<SettlementEvent>, intacct: () => intacct, ledger, mapping, clock: () => 1 });
    assert.deepEqual(await run(pipeline, payout), { kind: 'done', ref: 'GL1' });
    assert.equal(intacct.batches[0]?.batch.referenceNo, 'STL-po_1');
    assert.equal(intacct.batches[0]?.controlId, 'glb-create-po_1');
    assert.deepEqual(await run(pipeline, payout), { kind: 'duplicate', ref: 'GL1' });
    await assert.rejects(run(pipeline, { ...payout, settlement: { ...payout.settlement, settlementId: 'po_2', net: '86.81' } }), (e: unknown) => e instanceof IntegrationError && e.code === 'MAPPING.SETTLEMENT_UNBALANCED');
    assert.equal(intacct.batches.length, 1);
  });
});

describe('productPipeline', () => {
  const change = (occurredAt: number, version: string, overrides: Partial<ProductEvent> = {}): ProductEvent => ({
    ...envelope, occurredAt, eventId: `e-${version}`, eventType: 'product.updated',
    product: { sku: 'TRB-MUG-12OZ', erpItemId: null, name: 'Mug', description: 'Stoneware', price: '21.50', currency: 'USD', status: 'active', version },
    ...overrides,
  });
  it('writes the fields Clarity masters, never an older change over a newer, and never echoes Intacct\'s own changes', async () => {
    const ledger = new InMemoryLedger<CrossReference>();
    const intacct = new FakeIntacct();
    const pipeline = productPipeline({ source: topic, codec: {} as AvroEventCodec<ProductEvent>, intacct: () => intacct, ledger, company, clock: () => 1 });
    assert.deepEqual(await run(pipeline, change(2000, 'v2')), { kind: 'done', ref: 'MUG-12OZ' });
    assert.deepEqual(intacct.items[0]?.item, { itemId: 'MUG-12OZ', description: 'Stoneware', basePrice: '21.50' });
    assert.equal((await run(pipeline, change(2000, 'v2'))).kind, 'duplicate');
    assert.equal((await run(pipeline, change(1000, 'v1'))).kind, 'skipped');
    assert.equal((await run(pipeline, change(3000, 'v3', { source: 'intacct' }))).kind, 'skipped');
    assert.equal(intacct.items.length, 1);
    assert.equal((await run(pipeline, change(3000, 'v3'))).kind, 'done');
    assert.equal(intacct.items.length, 2);
  });
});
