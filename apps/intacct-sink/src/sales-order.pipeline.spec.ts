import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { IntegrationError } from '@tributary/core';
import type { CrossReference, OrderEvent } from '@tributary/canonical-model';
import type { IntacctArPayment, IntacctContact, IntacctContactRef, IntacctCustomer, IntacctCustomerRef, IntacctSalesDocumentRef, IntacctSalesOrder, IntacctSalesOrderChange } from '@tributary/connectors-intacct';
import type { AvroEventCodec, PipelineMessage } from '@tributary/kafka-runtime';
import { createLogger } from '@tributary/observability';
import { ItemResolver, loadMappingConfig, OrderReview } from '@tributary/mapping-core';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { InMemoryLedger } from '@tributary/testing';
import { salesOrderPipeline, type IntacctPort } from './sales-order.pipeline.js';

const orderEvent = (overrides: Partial<OrderEvent> = {}): OrderEvent => ({
  eventId: '0b0f6a4e-5a8b-5c1e-9f5e-2d1c7a9e4b11', eventType: 'order.created', occurredAt: Date.UTC(2026, 10, 25, 9, 30),
  source: 'clarity', correlationId: 'evt_01', causationId: 'evt_01', schemaVersion: 1,
  order: {
    orderId: '10045', orderNumber: 'CL-10045', status: 'pending', orderedAt: Date.UTC(2026, 10, 25, 9, 29), currency: 'USD', storeId: 'store-us-1', channel: 'web',
    customer: { customerId: 'cust-77', email: 'jane.roe@example.com', firstName: 'Jane', lastName: 'Roe', company: null, phone: '+1 512 555 0142' },
    billingAddress: { name: 'Jane Roe', line1: '500 Congress Ave', line2: 'Suite 210', city: 'Austin', region: 'TX', postalCode: '78701', country: 'US' },
    shippingAddress: { name: 'Jane Roe', line1: '500 Congress Ave', line2: 'Suite 210', city: 'Austin', region: 'TX', postalCode: '78701', country: 'US' },
    lines: [
      { lineId: '1', sku: 'TRB-MUG-12OZ', description: 'Ceramic mug 12 oz', quantity: 2, unitPrice: '19.99', discount: '2.00', tax: '3.13', lineTotal: '37.98' },
      { lineId: '2', sku: 'TRB-BEANS-COL-250G', description: 'Colombia beans 250 g', quantity: 3, unitPrice: '12.75', discount: '0.00', tax: '3.16', lineTotal: '38.25' },
    ],
    shipping: { method: 'UPS Ground', amount: '9.95' },
    payment: { method: 'visa', transactionId: 'ch_3P', amount: '92.47', status: 'captured' },
    couponCode: 'SPRING10',
    totals: { subtotal: '78.23', discountTotal: '2.00', taxTotal: '6.29', shippingTotal: '9.95', grandTotal: '92.47' },
  },
  ...overrides,
});


class FakeIntacct implements IntacctPort {
  readonly created: Array<{ order: IntacctSalesOrder; controlId: string }> = [];
  readonly existing = new Map<string, IntacctSalesDocumentRef>();
  readonly customers: IntacctCustomerRef[] = [];
  readonly createdCustomers: IntacctCustomer[] = [];
  readonly payments: Array<{ payment: IntacctArPayment; controlId: string }> = [];
  readonly updates: Array<{ docId: string; change: IntacctSalesOrderChange; controlId: string }> = [];
  readonly deleted: string[] = [];
  readonly contacts: IntacctContactRef[] = [];
  readonly createdContacts: Array<{ contact: IntacctContact; controlId: string }> = [];
  contactLookups = 0;
  failCreateWith: IntegrationError | undefined;
  failContactWith: IntegrationError | undefined;
  failPaymentWith: IntegrationError | undefined;
  failChangeWith: IntegrationError | undefined;
  async updateSalesOrder(docId: string, change: IntacctSalesOrderChange, { controlId }: { controlId: string }) {
    if (this.failChangeWith) throw this.failChangeWith;
    this.updates.push({ docId, change, controlId });
  }
  async deleteSalesOrder(docId: string) {
    if (this.failChangeWith) throw this.failChangeWith;
    this.deleted.push(docId);
    for (const [ref, doc] of this.existing) if (doc.key === docId) this.existing.delete(ref);
  }
  async createSalesOrder(order: IntacctSalesOrder, { controlId }: { controlId: string }) {
    if (this.failCreateWith) throw this.failCreateWith;
    this.created.push({ order, controlId });
    const key = `${order.transactionType}-SO${String(this.created.length).padStart(4, '0')}`;
    this.existing.set(order.referenceNo, { key, recordNo: String(this.created.length), docNo: key.split('-').at(-1)!, state: 'Pending', total: '0', referenceNo: order.referenceNo, prRecordKey: `AR-${this.created.length}` });
    return { key };
  }
  async findSalesDocumentByReference(_type: string, referenceNo: string) { return this.existing.get(referenceNo) ?? null; }
  async findCustomers(by: { clarityId: string } | { email: string } | { customerId: string }) {
    if ('clarityId' in by) return this.customers.filter((c) => c.clarityId === by.clarityId);
    if ('email' in by) return this.customers.filter((c) => c.email?.toLowerCase() === by.email.toLowerCase());
    return this.customers.filter((c) => c.customerId === by.customerId);
  }
  async createCustomer(customer: IntacctCustomer) {
    this.createdCustomers.push(customer);
    const ref: IntacctCustomerRef = { customerId: customer.customerId ?? `C-${this.customers.length + 1}`, recordNo: String(this.customers.length + 1), name: customer.name, ...(customer.email ? { email: customer.email } : {}), ...(customer.clarityId ? { clarityId: customer.clarityId } : {}) };
    this.customers.push(ref);
    return ref;
  }
  async findContact(contactName: string) {
    this.contactLookups += 1;
    return this.contacts.find((c) => c.contactName === contactName) ?? null;
  }
  async createContact(contact: IntacctContact, { controlId }: { controlId: string }) {
    if (this.failContactWith) throw this.failContactWith;
    this.createdContacts.push({ contact, controlId });
    const ref: IntacctContactRef = { recordNo: String(500 + this.contacts.length), contactName: contact.contactName };
    this.contacts.push(ref);
    return ref;
  }
  async createArPayment(payment: IntacctArPayment, { controlId }: { controlId: string }) {
    if (this.failPaymentWith) throw this.failPaymentWith;
    this.payments.push({ payment, controlId });
    return { recordNo: `PMT-${this.payments.length}` };
  }
  async findArPaymentByDocNumber(docNumber: string) {
    const found = this.payments.find((p) => p.payment.docNumber === docNumber);
    return found ? { recordNo: `PMT-${this.payments.indexOf(found) + 1}`, amount: found.payment.amount, customerId: found.payment.customerId } : null;
  }
}

const mapping = loadMappingConfig(join(fileURLToPath(import.meta.url), '../../../../config/mappings/default.yaml'));

const setup = (options: { review?: OrderReview; customerFrom?: 'order' | 'fixed' } = {}) => {
  const ledger = new InMemoryLedger<CrossReference>();
  const intacct = new FakeIntacct();
  const entities: Array<string | undefined> = [];
  const pipeline = salesOrderPipeline({
    source: { name: 'commerce.order.v1', partitions: 6, cleanupPolicy: 'delete', retentionMs: 1 },
    codec: {} as AvroEventCodec<OrderEvent>, intacct: (entityId) => { entities.push(entityId); return intacct; }, ledger, clock: () => 1_700_000_000_000,
    company: { mapping, items: new ItemResolver(mapping.items) },
    ...(options.review ? { review: options.review } : {}),
    rules: { transactionType: 'Sales Order', customerId: options.customerFrom === 'order' ? { from: 'order', prefix: 'CL-' } : { from: 'fixed', fixedId: 'WEBSALES' }, baseCurrency: 'USD' },
  });
  const handle = (event: OrderEvent, attempt = 1, headers: Record<string, string> = {}) => pipeline.handle(
    { topic: 'commerce.order.v1', partition: 0, offset: '7', key: event.order.orderId, value: event, headers, correlationId: 'corr-1' } satisfies PipelineMessage<OrderEvent>,
    { attempt, log: createLogger('test', 'silent') },
  );
  return { ledger, intacct, handle, pipeline, entities };
};

describe('salesOrderPipeline', () => {
  it('records the intent, creates the Sales Order with a deterministic controlid, then records DONE', async () => {
    const { ledger, intacct, handle } = setup();
    assert.deepEqual(await handle(orderEvent()), { kind: 'done', ref: 'Sales Order-SO0001' });
    assert.equal(intacct.created.length, 1);
    assert.equal(intacct.created[0]?.controlId, 'so-create-10045');
    assert.equal(intacct.created[0]?.order.referenceNo, 'CL-10045');
    assert.deepEqual(intacct.created[0]?.order.lines.map((l) => [l.itemId, l.departmentId, l.locationId]), [['MUG-12OZ', 'ECOM', 'US-TX'], ['BEANS-COL-250G', 'ECOM', 'US-TX']], 'the mapping file was applied');
    assert.deepEqual(ledger.history.filter((e) => e.key === 'intacct:sales-order:10045').map((e) => [e.key, e.status, e.externalId]), [
      ['intacct:sales-order:10045', 'PENDING', null],
      ['intacct:sales-order:10045', 'DONE', 'Sales Order-SO0001'],
    ]);
  });

  it('does nothing for an order the ledger says is done (duplicate webhook or redelivery)', async () => {
    const { intacct, handle } = setup();
    await handle(orderEvent());
    assert.deepEqual(await handle(orderEvent()), { kind: 'duplicate', ref: 'Sales Order-SO0001' });
    assert.equal(intacct.created.length, 1);
  });

  it('looks the document up before creating when an earlier outcome is unknown (PENDING, or a retry)', async () => {
    const { ledger, intacct, handle } = setup();
    await ledger.record({
      key: 'intacct:sales-order:10045', system: 'intacct', entity: 'sales-order', sourceId: '10045', status: 'PENDING', externalId: null,
      externalReference: 'CL-10045', eventId: 'e-1', correlationId: 'corr-0', attempt: 1, detail: null, updatedAt: 1,
    });
    intacct.existing.set('CL-10045', { key: 'Sales Order-SO0042', recordNo: '42', docNo: 'SO0042', state: 'Pending', total: '92.47', referenceNo: 'CL-10045' });
    assert.deepEqual(await handle(orderEvent()), { kind: 'duplicate', ref: 'Sales Order-SO0042' });
    assert.equal(intacct.created.length, 0, 'no second create');
    assert.equal(ledger.get('intacct:sales-order:10045')?.status, 'DONE');
  });

  it('turns a refused replayed controlid into the existing document', async () => {
    const { intacct, handle } = setup();
    intacct.failCreateWith = IntegrationError.permanent('INTACCT.DUPLICATE_CONTROLID', 'SIM-DUPCTRL');
    intacct.existing.set('CL-10045', { key: 'Sales Order-SO0007', recordNo: '7', docNo: 'SO0007', state: 'Pending', total: '92.47', referenceNo: 'CL-10045' });
    assert.deepEqual(await handle(orderEvent()), { kind: 'duplicate', ref: 'Sales Order-SO0007' });
  });

  it('records FAILED and rethrows a permanent Intacct error for the dead letter channel', async () => {
    const { ledger, intacct, handle } = setup();
    intacct.failCreateWith = IntegrationError.permanent('INTACCT.BUSINESS_ERROR', 'BL01001973 Invalid item TRB-OLD');
    await assert.rejects(handle(orderEvent()), (error: unknown) => error instanceof IntegrationError && !error.transient && error.code === 'INTACCT.BUSINESS_ERROR');
    assert.equal(ledger.get('intacct:sales-order:10045')?.status, 'FAILED');
    assert.match(ledger.get('intacct:sales-order:10045')?.detail ?? '', /BL01001973/);
  });

  it('rethrows transient errors untouched so the runtime retries them', async () => {
    const { ledger, intacct, handle } = setup();
    intacct.failCreateWith = IntegrationError.transient('INTACCT.TIMEOUT', 'no answer in 30 s', { outcomeUnknown: true });
    await assert.rejects(handle(orderEvent()), (error: unknown) => error instanceof IntegrationError && error.transient);
    assert.equal(ledger.get('intacct:sales-order:10045')?.status, 'PENDING', 'the unknown outcome stays visible');
  });

  it('refuses an order whose totals do not add up, before calling Intacct (stage map)', async () => {
    const { intacct, handle, pipeline } = setup();
    const event = orderEvent();
    event.order.totals.grandTotal = '92.48';
    await assert.rejects(handle(event), (error: unknown) => {
      assert.ok(error instanceof IntegrationError && !error.transient);
      assert.equal(pipeline.stageOf?.(error), 'map');
      return true;
    });
    assert.equal(intacct.created.length, 0);
  });

  it('skips events Intacct does not need (fulfilment, unknown types), as outcomes', async () => {
    const { intacct, handle } = setup();
    assert.equal((await handle(orderEvent({ eventType: 'order.fulfilled' }))).kind, 'skipped');
    assert.deepEqual(await handle(orderEvent({ eventType: 'order.refunded-by-fax' })), { kind: 'skipped', reason: 'unknown event type order.refunded-by-fax' });
    assert.equal(intacct.created.length, 0);
  });

  it('sends the order to the entity the routing rules choose', async () => {
    const { handle, entities } = setup();
    const event = orderEvent();
    event.order.shippingAddress = { ...event.order.shippingAddress, country: 'CA', region: 'ON', postalCode: 'M5H 2N2', city: 'Toronto' };
    await handle(event);
    assert.deepEqual(entities, ['CA']);
  });

  it('holds an order far outside the customer’s history for review, and posts it once a person approved it', async () => {
    const review = new OrderReview({ holdThreshold: 0.7, minHistory: 5 });
    const { handle, intacct } = setup({ review });
    for (let i = 0; i < 8; i++) {
      const usual = orderEvent();
      usual.order.orderId = `usual-${i}`;
      usual.order.orderNumber = `CL-2000${i}`;
      await handle(usual);
    }
    const spike = orderEvent();
    spike.order.orderId = 'spike-1';
    spike.order.orderNumber = 'CL-30001';
    spike.order.lines = [{ lineId: '1', sku: 'TRB-ESPRESSO-MACHINE', description: null, quantity: 12, unitPrice: '1499.00', discount: '0.00', tax: '0.00', lineTotal: '17988.00' }];
    spike.order.shipping = { method: null, amount: '0.00' };
    spike.order.totals = { subtotal: '17988.00', discountTotal: '0.00', taxTotal: '0.00', shippingTotal: '0.00', grandTotal: '17988.00' };
    await assert.rejects(handle(spike), (error: unknown) => {
      assert.ok(error instanceof IntegrationError && !error.transient);
      assert.equal(error.code, 'REVIEW.ANOMALY_HOLD');
      assert.ok((error.details['score'] as number) >= 0.7);
      assert.ok((error.details['reasons'] as unknown[]).length > 0);
      return true;
    });
    assert.equal(intacct.created.length, 8, 'the held order was not posted');
    assert.equal((await handle(spike, 1, { 'x-tributary-review': 'approved' })).kind, 'done');
  });

  it('finds the customer by the dedupe key (normalised email) before creating one, and creates each customer once', async () => {
    const { intacct, handle, ledger } = setup({ customerFrom: 'order' });
    intacct.customers.push({ customerId: 'HAND-0007', recordNo: '7', name: 'Jane Roe', email: 'jane.roe@example.com' });
    const event = orderEvent();
    event.order.customer = { ...event.order.customer, email: 'Jane.Roe+shop@Example.com' };
    await handle(event);
    assert.equal(intacct.created[0]?.order.customerId, 'HAND-0007', 'the hand-made customer was found, not duplicated');
    assert.equal(intacct.createdCustomers.length, 0);
    assert.equal(ledger.get('intacct:customer:cust-77')?.externalId, 'HAND-0007');

    const other = orderEvent();
    other.order.orderId = '10046'; other.order.orderNumber = 'CL-10046';
    other.order.customer = { ...other.order.customer, customerId: 'cust-88', email: 'sam.ortiz@example.com', firstName: 'Sam', lastName: 'Ortiz' };
    await handle(other);
    const again = orderEvent();
    again.order.orderId = '10047'; again.order.orderNumber = 'CL-10047'; again.order.customer = other.order.customer;
    await handle(again);
    assert.equal(intacct.createdCustomers.length, 1, 'one CUSTOMER for two orders of the same customer');
    assert.equal(intacct.createdCustomers[0]?.customerId, 'CL-CUST-88');
    assert.equal(intacct.createdCustomers[0]?.clarityId, 'cust-88');
    assert.deepEqual(intacct.created.slice(1).map((c) => c.order.customerId), ['CL-CUST-88', 'CL-CUST-88']);
  });

  it('invoices a mobile order paid at checkout and applies the payment to the AR record (PRRECORDKEY) with the method’s GL account', async () => {
    const { intacct, handle } = setup();
    const event = orderEvent();
    event.order.channel = 'mobile';
    await handle(event);
    assert.equal(intacct.created[0]?.order.transactionType, 'Sales Invoice');
    assert.equal(intacct.payments.length, 1);
    const { payment, controlId } = intacct.payments[0]!;
    assert.deepEqual(payment.applyTo, [{ recordKey: 'AR-1', amount: '92.47' }]);
    assert.equal(payment.undepositedAccountNo, '1210');
    assert.equal(payment.paymentMethod, 'Credit Card');
    assert.equal(payment.docNumber, 'PAY-CL-10045-ch_3P');
    assert.equal(controlId, 'pay-create-PAY-CL-10045-ch_3P');
    await handle(event);
    assert.equal(intacct.payments.length, 1, 'a redelivery records nothing twice');
  });

  it('keeps the invoice and dead-letters the order when the payment method is unmapped; a replay after the fix posts only the payment', async () => {
    const { intacct, handle, ledger } = setup();
    const event = orderEvent();
    event.order.channel = 'mobile';
    event.order.payment = { ...event.order.payment!, method: 'bitcoin' };
    await assert.rejects(handle(event), (error: unknown) => error instanceof IntegrationError && error.code === 'MAPPING.UNMAPPED_PAYMENT_METHOD' && !error.transient);
    assert.equal(intacct.created.length, 1);
    assert.equal(ledger.get('intacct:cash-receipt:PAY-CL-10045-ch_3P')?.status, 'FAILED');
    event.order.payment = { ...event.order.payment!, method: 'visa' };
    await handle(event, 1);
    assert.equal(intacct.created.length, 1, 'the invoice is not created again');
    assert.equal(intacct.payments.length, 1);
  });

  it('applies an order.updated to the existing document: changed lines by number, new lines appended, subtotals replaced', async () => {
    const { intacct, handle } = setup();
    await handle(orderEvent());
    const updated = orderEvent({ eventType: 'order.updated', occurredAt: Date.UTC(2026, 10, 25, 10, 0) });
    updated.order.lines[1] = { ...updated.order.lines[1]!, quantity: 4, lineTotal: '51.00', tax: '4.21' };
    updated.order.lines.push({ lineId: '3', sku: 'TRB-FILTER-V60-100', description: 'V60 filters', quantity: 1, unitPrice: '4.95', discount: '0.00', tax: '0.41', lineTotal: '4.95' });
    updated.order.totals = { subtotal: '95.93', discountTotal: '2.00', taxTotal: '7.75', shippingTotal: '9.95', grandTotal: '111.63' };
    assert.deepEqual(await handle(updated), { kind: 'done', ref: 'Sales Order-SO0001' });
    const { docId, change, controlId } = intacct.updates[0]!;
    assert.equal(docId, 'Sales Order-SO0001');
    assert.equal(controlId, `so-update-10045-${Date.UTC(2026, 10, 25, 10, 0)}`);
    assert.deepEqual(change.updateLines?.map((l) => [l.lineNo, l.itemId, l.quantity]), [[1, 'MUG-12OZ', 2], [2, 'BEANS-COL-250G', 4]]);
    assert.deepEqual(change.addLines?.map((l) => [l.itemId, l.quantity]), [['FILTER-V60-100', 1]]);
    assert.deepEqual(change.subtotals, [{ description: 'Discount', total: '-2.00' }, { description: 'Shipping', total: '9.95' }, { description: 'Tax', total: '7.75' }]);
  });

  it('skips an update older than the state Intacct already reflects (out-of-order delivery)', async () => {
    const { intacct, handle } = setup();
    await handle(orderEvent({ eventType: 'order.created', occurredAt: Date.UTC(2026, 10, 25, 11, 0) }));
    const outcome = await handle(orderEvent({ eventType: 'order.updated', occurredAt: Date.UTC(2026, 10, 25, 10, 0) }));
    assert.equal(outcome.kind, 'skipped');
    assert.equal(intacct.updates.length, 0);
  });

  it('refuses an update that removes lines, with a reason a person can act on', async () => {
    const { handle } = setup();
    await handle(orderEvent());
    const fewer = orderEvent({ eventType: 'order.updated', occurredAt: Date.UTC(2026, 10, 25, 10, 0) });
    fewer.order.lines = fewer.order.lines.slice(0, 1);
    fewer.order.totals = { subtotal: '39.98', discountTotal: '2.00', taxTotal: '3.13', shippingTotal: '9.95', grandTotal: '51.06' };
    await assert.rejects(handle(fewer), (error: unknown) => error instanceof IntegrationError && error.code === 'INTACCT.LINE_REMOVAL_UNSUPPORTED' && !error.transient && /by hand/.test(error.message));
  });

  it('passes Intacct’s refusal of a change its state forbids on to the dead letter channel', async () => {
    const { intacct, handle } = setup();
    await handle(orderEvent());
    intacct.failChangeWith = IntegrationError.permanent('INTACCT.BUSINESS_ERROR', 'BL01001973 The transaction is Closed and cannot be edited');
    await assert.rejects(handle(orderEvent({ eventType: 'order.updated', occurredAt: Date.UTC(2026, 10, 25, 10, 0) })), (error: unknown) => error instanceof IntegrationError && /Closed/.test(error.message));
  });

  it('deletes the open document of a cancelled order, and a late order.created does not bring it back', async () => {
    const { intacct, handle, ledger } = setup();
    await handle(orderEvent());
    assert.deepEqual(await handle(orderEvent({ eventType: 'order.cancelled', occurredAt: Date.UTC(2026, 10, 25, 12, 0) })), { kind: 'done', ref: 'Sales Order-SO0001' });
    assert.deepEqual(intacct.deleted, ['Sales Order-SO0001']);
    assert.equal(ledger.get('intacct:sales-order:10045')?.status, 'CANCELLED');
    assert.equal((await handle(orderEvent())).kind, 'skipped');
    assert.equal(intacct.created.length, 1);
  });

  it('creates the document from the snapshot when an update arrives for an order Intacct never saw', async () => {
    const { intacct, handle } = setup();
    assert.equal((await handle(orderEvent({ eventType: 'order.updated' }))).kind, 'done');
    assert.equal(intacct.created.length, 1);
  });

  it('creates the ship-to and bill-to contacts once, before the document, and names them on it', async () => {
    const { intacct, handle, ledger } = setup();
    const event = orderEvent();
    event.order.billingAddress = { name: 'Jane Roe', line1: '200 Commerce Street', line2: null, city: 'Dallas', region: 'Texas', postalCode: '75201', country: 'United States' };
    await handle(event);
    const [shipTo, billTo] = intacct.createdContacts;
    assert.equal(intacct.createdContacts.length, 2);
    assert.match(shipTo!.contact.contactName, /^WEBSALES Jane Roe – [0-9a-f]{10}$/, 'fixed customer: still one contact per address');
    assert.deepEqual(shipTo!.contact.mailAddress, { address1: '500 Congress Ave', address2: 'Ste 210', city: 'Austin', state: 'TX', zip: '78701', isoCountryCode: 'US' });
    assert.deepEqual(billTo!.contact.mailAddress, { address1: '200 Commerce St', city: 'Dallas', state: 'TX', zip: '75201', isoCountryCode: 'US' });
    assert.match(shipTo!.controlId, /^contact-create-[0-9a-f]{32}$/);
    const document = intacct.created[0]!.order;
    assert.equal(document.shipToContact, shipTo!.contact.contactName);
    assert.equal(document.billToContact, billTo!.contact.contactName);
    assert.deepEqual(ledger.history.filter((e) => e.entity === 'contact').map((e) => [e.key, e.status]), [
      [`intacct:contact:${shipTo!.contact.contactName}`, 'PENDING'], [`intacct:contact:${shipTo!.contact.contactName}`, 'DONE'],
      [`intacct:contact:${billTo!.contact.contactName}`, 'PENDING'], [`intacct:contact:${billTo!.contact.contactName}`, 'DONE'],
    ]);
    const contactsDone = ledger.history.findIndex((e) => e.entity === 'contact' && e.status === 'DONE' && e.externalId === billTo!.contact.contactName);
    assert.ok(contactsDone < ledger.history.findIndex((e) => e.key === 'intacct:sales-order:10045'), 'contacts before the document');
  });

  it('names one contact for both roles when the order ships to its billing address, and reuses it for the next order there', async () => {
    const { intacct, handle } = setup({ customerFrom: 'order' });
    await handle(orderEvent());
    const next = orderEvent();
    next.order.orderId = '10046'; next.order.orderNumber = 'CL-10046';
    await handle(next);
    assert.equal(intacct.createdContacts.length, 1, 'one CONTACT for one address');
    const name = intacct.createdContacts[0]!.contact.contactName;
    assert.match(name, /^CL-CUST-77 Jane Roe – [0-9a-f]{10}$/, 'named after the customer the order is booked to');
    assert.deepEqual(intacct.created.map((c) => [c.order.shipToContact, c.order.billToContact]), [[name, name], [name, name]]);
  });

  it('adopts a contact Intacct already has, and one whose replayed create was refused', async () => {
    const first = setup();
    await first.handle(orderEvent());
    const existing = first.intacct.createdContacts[0]!.contact.contactName;

    const { intacct, handle } = setup();
    intacct.contacts.push({ recordNo: '77', contactName: existing });
    await handle(orderEvent());
    assert.equal(intacct.createdContacts.length, 0);
    assert.equal(intacct.created[0]?.order.shipToContact, existing);

    const racing = setup();
    racing.intacct.failContactWith = IntegrationError.permanent('INTACCT.DUPLICATE_CONTROLID', 'SIM-DUPCTRL');
    // Another sink created it between our lookup and our create: the create is refused as a replay of its controlid.
    let lookups = 0;
    racing.intacct.findContact = async (contactName: string) => (++lookups === 1 ? null : { recordNo: '78', contactName });
    assert.equal((await racing.handle(orderEvent())).kind, 'done');
    assert.equal(racing.intacct.created[0]?.order.shipToContact, existing, 'the other racer’s contact');
    assert.equal(lookups, 2);
    assert.equal(racing.ledger.get(`intacct:contact:${existing}`)?.status, 'DONE');
  });

  it('dead-letters an order whose contact Intacct refuses, before any document', async () => {
    const { intacct, handle } = setup();
    intacct.failContactWith = IntegrationError.permanent('INTACCT.BUSINESS_ERROR', 'BL01001973 Another Contact with the given value(s) already exists');
    await assert.rejects(handle(orderEvent()), (error: unknown) => error instanceof IntegrationError && error.code === 'INTACCT.BUSINESS_ERROR');
    assert.equal(intacct.created.length, 0);
  });

  it('switches the document to a new ship-to contact when an update moves the shipping address', async () => {
    const { intacct, handle } = setup();
    await handle(orderEvent());
    const before = intacct.created[0]!.order.shipToContact;
    const moved = orderEvent({ eventType: 'order.updated', occurredAt: Date.UTC(2026, 10, 25, 10, 0) });
    moved.order.shippingAddress = { ...moved.order.shippingAddress, line1: '700 Lavaca Street', line2: null };
    await handle(moved);
    assert.equal(intacct.createdContacts.length, 2);
    const newContact = intacct.createdContacts[1]!.contact;
    assert.equal(newContact.mailAddress?.address1, '700 Lavaca St');
    assert.equal(intacct.updates[0]?.change.shipToContact, newContact.contactName);
    assert.notEqual(newContact.contactName, before);
    assert.equal(intacct.updates[0]?.change.billToContact, before, 'the billing address did not move');

    const again = orderEvent({ eventType: 'order.updated', occurredAt: Date.UTC(2026, 10, 25, 11, 0) });
    again.order.shippingAddress = moved.order.shippingAddress;
    await handle(again);
    assert.equal(intacct.createdContacts.length, 2, 'an unchanged address creates nothing');
    assert.equal(intacct.updates[1]?.change.shipToContact, newContact.contactName);
  });
});
