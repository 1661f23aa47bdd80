import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { IntegrationError } from '@tributary/core';
import { IntacctClient, type IntacctSalesOrder } from '@tributary/connectors-intacct';
import { startIntacctSimulator, type IntacctSimulator } from '@tributary/simulator-intacct';

/** The connector against the simulator, two independent implementations of the same wire format. */
describe('IntacctClient ⇄ Intacct simulator contract', () => {
  let simulator: IntacctSimulator;
  let client: IntacctClient;
  const credentials = { senderId: 'contract-sender', senderPassword: 'sp', companyId: 'ACME-MULTI', userId: 'ws_user', userPassword: 'up', entityId: 'CA' };

  before(async () => {
    simulator = await startIntacctSimulator({ port: 0, senderId: credentials.senderId, senderPassword: credentials.senderPassword, users: [{ companyId: credentials.companyId, userId: credentials.userId, password: credentials.userPassword }] });
    client = new IntacctClient({ endpointUrl: simulator.url, credentials, timeoutMs: 1000 });
  });
  after(async () => { await client.close(); await simulator.close(); });

  const order: IntacctSalesOrder = {
    transactionType: 'Sales Order', dateCreated: { year: 2026, month: 11, day: 25 }, customerId: 'WEBSALES', referenceNo: 'CL-7001',
    externalId: '7001', message: 'Clarity order CL-7001 — "gift" & <fragile>', currency: 'CAD', baseCurrency: 'USD', exchangeRate: '1.3912',
    exchangeRateDate: { year: 2026, month: 11, day: 24 }, state: 'Pending', projectId: 'HOLIDAY-2026',
    lines: [
      { itemId: 'TRB-MUG-12OZ', itemDesc: 'Ceramic mug 12 oz', quantity: 2, price: '27.50', warehouseId: 'WH-TORONTO', locationId: 'CA-ON', departmentId: 'ECOM', projectId: 'HOLIDAY-2026', classId: 'DRINKWARE', customerDimensionId: 'WEBSALES' },
    ],
    subtotals: [{ description: 'Discount', total: '-5.00' }, { description: 'Shipping', total: '12.00' }, { description: 'Tax', total: '6.50' }],
  };

  it('creates a document with dimensions, state, exchange rate and entity, and finds it by reference', async () => {
    const { key } = await client.createSalesOrder(order, { controlId: 'so-create-7001' });
    const stored = simulator.documents().find((d) => d.docId === key)!;
    assert.equal(stored.total, '68.50');
    assert.equal(stored.message, order.message, 'XML escaping round-trips');
    assert.equal(stored.exchangeRate, '1.3912');
    assert.equal(stored.exchangeRateDate, '2026-11-24');
    assert.equal(stored.entityId, 'CA');
    assert.deepEqual(
      { locationId: stored.lines[0]?.locationId, departmentId: stored.lines[0]?.departmentId, projectId: stored.lines[0]?.projectId, classId: stored.lines[0]?.classId, customer: stored.lines[0]?.customerDimensionId },
      { locationId: 'CA-ON', departmentId: 'ECOM', projectId: 'HOLIDAY-2026', classId: 'DRINKWARE', customer: 'WEBSALES' },
    );
    const found = await client.findSalesDocumentByReference('Sales Order', 'CL-7001');
    assert.equal(found?.key, key);
    assert.equal(found?.total, '68.50');
    assert.equal(await client.findSalesDocumentByReference('Sales Order', "CL-O'Brien"), null, 'quotes in the reference are escaped');
  });

  it('refuses a replayed controlid as DUPLICATE_CONTROLID (permanent), storing nothing', async () => {
    const before = simulator.documents().length;
    await assert.rejects(client.createSalesOrder(order, { controlId: 'so-create-7001' }), (e: unknown) => e instanceof IntegrationError && e.code === 'INTACCT.DUPLICATE_CONTROLID' && !e.transient);
    assert.equal(simulator.documents().length, before);
  });

  it('reports a commit whose reply timed out as a transient unknown outcome; the lookup then finds it', async () => {
    simulator.setFaults({ commitThenFail: 1, commitThenFailMode: 'hang' });
    await assert.rejects(client.createSalesOrder({ ...order, referenceNo: 'CL-7002' }, { controlId: 'so-create-7002' }), (e: unknown) =>
      e instanceof IntegrationError && e.transient && e.details['outcomeUnknown'] === true);
    assert.ok(await client.findSalesDocumentByReference('Sales Order', 'CL-7002'));
  });

  it('creates a customer and finds it by clarityId and by e-mail in another case', async () => {
    const created = await client.createCustomer(
      {
        name: "O'Connell & Daughters Café", clarityId: 'clarity-cust-7001', firstName: 'Maeve', lastName: "O'Connell", companyName: "O'Connell & Daughters Ltd",
        email: 'Maeve.OConnell@Daughters-Cafe.example', phone: '+1 416 555 0142', currency: 'CAD',
        mailAddress: { address1: '18 Front St W', address2: 'Unit 4', city: 'Toronto', state: 'ON', zip: 'M5J 2X5', country: 'Canada', isoCountryCode: 'CA' },
      },
      { controlId: 'cust-create-7001' },
    );
    assert.match(created.customerId, /^C-\d{4}$/);
    const stored = simulator.customers().find((c) => c.customerId === created.customerId)!;
    assert.equal(stored.name, "O'Connell & Daughters Café");
    assert.equal(stored.displayContact.mailAddress?.isoCountryCode, 'CA');
    const byClarity = await client.findCustomers({ clarityId: 'clarity-cust-7001' });
    assert.deepEqual(byClarity.map((c) => c.recordNo), [created.recordNo]);
    const byEmail = await client.findCustomers({ email: 'maeve.oconnell@DAUGHTERS-CAFE.example' });
    assert.deepEqual(byEmail.map((c) => c.customerId), [created.customerId]);
    assert.equal(byEmail[0]?.email, 'Maeve.OConnell@Daughters-Cafe.example');
    assert.deepEqual(await client.findCustomers({ customerId: created.customerId }).then((r) => r.map((c) => c.clarityId)), ['clarity-cust-7001']);
    assert.deepEqual(await client.findCustomers({ clarityId: 'clarity-cust-404' }), []);
  });

  it('pays a Sales Invoice through its AR invoice (PRRECORDKEY), refuses the DOCID, and finds the payment by docNumber', async () => {
    const customer = await client.createCustomer({ name: 'Northwind Espresso Bar', clarityId: 'clarity-cust-7010', currency: 'CAD' }, { controlId: 'cust-create-7010' });
    const { key } = await client.createSalesOrder({ ...order, transactionType: 'Sales Invoice', customerId: customer.customerId, referenceNo: 'CL-7010' }, { controlId: 'si-create-7010' });
    const invoice = await client.findSalesDocumentByReference('Sales Invoice', 'CL-7010');
    assert.equal(invoice?.key, key);
    assert.ok(invoice?.prRecordKey, 'a Sales Invoice posts an AR invoice');
    assert.equal((await client.findSalesDocumentByReference('Sales Order', 'CL-7001'))?.prRecordKey, undefined);

    const payment = {
      customerId: customer.customerId, receiptDate: { year: 2026, month: 11, day: 26 }, paymentMethod: 'Credit Card' as const, undepositedAccountNo: '1010',
      amount: '40.00', currency: 'CAD', docNumber: 'PAY-CL-7010', description: 'Stripe ch_7010 & partial', applyTo: [{ recordKey: key, amount: '40.00' }],
    };
    await assert.rejects(client.createArPayment(payment, { controlId: 'pay-create-7010-docid' }), (e: unknown) =>
      e instanceof IntegrationError && e.code === 'INTACCT.BUSINESS_ERROR' && !e.transient && /PRRECORDKEY/.test(e.message));

    const { recordNo } = await client.createArPayment({ ...payment, applyTo: [{ recordKey: invoice.prRecordKey, amount: '40.00' }] }, { controlId: 'pay-create-7010' });
    const arInvoice = simulator.arInvoices().find((i) => i.recordNo === invoice.prRecordKey)!;
    assert.equal(arInvoice.total, '68.50');
    assert.equal(arInvoice.openBalance, '28.50');
    assert.deepEqual(await client.findArPaymentByDocNumber('PAY-CL-7010'), { recordNo, amount: '40.00', customerId: customer.customerId });
    assert.equal(await client.findArPaymentByDocNumber('PAY-CL-404'), null);

    await assert.rejects(
      client.createArPayment({ ...payment, docNumber: 'PAY-CL-7010-B', amount: '30.00', applyTo: [{ recordKey: invoice.prRecordKey, amount: '30.00' }] }, { controlId: 'pay-create-7010-b' }),
      (e: unknown) => e instanceof IntegrationError && e.code === 'INTACCT.BUSINESS_ERROR' && /open balance 28.50/.test(e.message),
    );
    simulator.setFaults({ commitThenFail: 1 });
    await assert.rejects(
      client.createArPayment({ ...payment, docNumber: 'PAY-CL-7010-C', amount: '28.50', applyTo: [{ recordKey: invoice.prRecordKey, amount: '28.50' }] }, { controlId: 'pay-create-7010-c' }),
      (e: unknown) => e instanceof IntegrationError && e.transient && e.details['outcomeUnknown'] === true,
    );
    assert.ok(await client.findArPaymentByDocNumber('PAY-CL-7010-C'), 'the lost reply hid a committed payment');
    assert.equal(simulator.arInvoices().find((i) => i.recordNo === invoice.prRecordKey)?.openBalance, '0.00');
  });

  it('polls stock changes inclusively from the last modifiedAt (UTC, to the second); the caller dedupes', async () => {
    const before = Date.now();
    simulator.setStock('TRB-MUG-12OZ', 'WH-TORONTO', '40');
    const first = await client.listStockChangedSince(before);
    assert.deepEqual(first.map((l) => [l.itemId, l.warehouseId, l.qtyOnHand, l.qtyOnOrder, l.qtyOnHold]), [['TRB-MUG-12OZ', 'WH-TORONTO', '40', '0', '0']]);
    const toronto = first[0]!;
    const stored = simulator.inventory().find((r) => r.recordNo === toronto.recordNo)!;
    assert.equal(toronto.modifiedAt, Math.floor(Date.parse(stored.modifiedAt) / 1000) * 1000, 'WHENMODIFIED round-trips as UTC');

    // WHENMODIFIED has one-second precision: move to the next second so the second row is later.
    await new Promise((resolve) => setTimeout(resolve, 1000 - (Date.now() % 1000) + 20));
    simulator.setStock('TRB-MUG-12OZ', 'WH-VANCOUVER', '12.5');
    const next = await client.listStockChangedSince(toronto.modifiedAt);
    assert.deepEqual(next.map((l) => [l.warehouseId, l.qtyOnHand]), [['WH-TORONTO', '40'], ['WH-VANCOUVER', '12.5']]);
    assert.deepEqual(next[0], toronto, 'inclusive: the row at the poll time comes back again');
    assert.ok(next[1]!.modifiedAt > toronto.modifiedAt);
    assert.deepEqual(await client.listStockChangedSince(next[1]!.modifiedAt).then((r) => r.map((l) => l.warehouseId)), ['WH-VANCOUVER']);
  });

  it('reads every page of a stock poll larger than the 1000-row page', async () => {
    const before = Date.now();
    for (let n = 1; n <= 1001; n += 1) simulator.setStock(`BULK-${n}`, 'WH-BULK', String(n));
    const levels = (await client.listStockChangedSince(before)).filter((l) => l.warehouseId === 'WH-BULK');
    assert.equal(levels.length, 1001);
    assert.equal(new Set(levels.map((l) => l.itemId)).size, 1001);
    assert.ok(levels.every((l, i) => i === 0 || levels[i - 1]!.modifiedAt <= l.modifiedAt), 'sorted by modifiedAt');
    assert.ok(simulator.stats().functions['readMore']! >= 1, 'the second page came through readMore');
  });

  it('updates a line quantity: the TOTAL changes and the lookup reports the new state', async () => {
    const { key } = await client.createSalesOrder({ ...order, referenceNo: 'CL-7101' }, { controlId: 'so-create-7101' });
    await client.updateSalesOrder(key, { state: 'Draft', message: 'quantity & state changed', updateLines: [{ lineNo: 1, quantity: 3 }] }, { controlId: 'so-update-7101' });
    const found = await client.findSalesDocumentByReference('Sales Order', 'CL-7101');
    assert.equal(found?.total, '96.00');
    assert.equal(found?.state, 'Draft');
    const stored = simulator.documents().find((d) => d.docId === key)!;
    assert.equal(stored.message, 'quantity & state changed');
    assert.equal(stored.lines[0]?.locationId, 'CA-ON', 'dimensions survive a line update');
    await assert.rejects(client.updateSalesOrder(key, { message: 'again' }, { controlId: 'so-update-7101' }), (e: unknown) =>
      e instanceof IntegrationError && e.code === 'INTACCT.DUPLICATE_CONTROLID');
  });

  it('refuses to update a Closed document as a permanent BUSINESS_ERROR', async () => {
    const { key } = await client.createSalesOrder({ ...order, referenceNo: 'CL-7102', state: 'Closed' }, { controlId: 'so-create-7102' });
    await assert.rejects(client.updateSalesOrder(key, { addLines: [{ itemId: 'TRB-MUG-12OZ', quantity: 1, price: '27.50' }] }, { controlId: 'so-update-7102' }), (e: unknown) =>
      e instanceof IntegrationError && e.code === 'INTACCT.BUSINESS_ERROR' && !e.transient && /Closed/.test(e.message));
    assert.equal(simulator.documents().find((d) => d.docId === key)?.total, '68.50');
  });

  it('deletes a document; the lookup then returns null', async () => {
    const { key } = await client.createSalesOrder({ ...order, referenceNo: 'CL-7103' }, { controlId: 'so-create-7103' });
    await client.deleteSalesOrder(key, { controlId: 'so-delete-7103' });
    assert.equal(await client.findSalesDocumentByReference('Sales Order', 'CL-7103'), null);
    assert.ok(simulator.deletedDocuments().some((d) => d.docId === key));
    await assert.rejects(client.deleteSalesOrder(key, { controlId: 'so-delete-7103b' }), (e: unknown) =>
      e instanceof IntegrationError && e.code === 'INTACCT.BUSINESS_ERROR' && !e.transient);
  });

  it('reports a delete whose reply was lost as a transient unknown outcome', async () => {
    const { key } = await client.createSalesOrder({ ...order, referenceNo: 'CL-7104' }, { controlId: 'so-create-7104' });
    simulator.setFaults({ commitThenFail: 1 });
    await assert.rejects(client.deleteSalesOrder(key, { controlId: 'so-delete-7104' }), (e: unknown) =>
      e instanceof IntegrationError && e.transient && e.details['outcomeUnknown'] === true);
    assert.equal(await client.findSalesDocumentByReference('Sales Order', 'CL-7104'), null);
  });

  it('signs in again once when the session expired', async () => {
    simulator.expireSessions();
    const { key } = await client.createSalesOrder({ ...order, referenceNo: 'CL-7003' }, { controlId: 'so-create-7003' });
    assert.ok(key.startsWith('Sales Order-'));
  });
});
