import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { IntegrationError } from '@tributary/core';
import { IntacctClient, type IntacctSalesOrder } from '@tributary/connectors-intacct';
import { startIntacctSimulator, type IntacctSimulator } from '@tributary/simulator-intacct';

const isPermanentBusinessError = (pattern: RegExp) => (e: unknown) =>
  e instanceof IntegrationError && e.code === 'INTACCT.BUSINESS_ERROR' && !e.transient && pattern.test(e.message);

/** Credit memos, document states and line reads: the connector against the simulator. */
describe('IntacctClient ⇄ Intacct simulator contract: credit memos, states and lines', () => {
  let simulator: IntacctSimulator;
  let client: IntacctClient;
  const credentials = { senderId: 'contract-sender', senderPassword: 'sp', companyId: 'ACME-RETURNS', userId: 'ws_user', userPassword: 'up' };

  before(async () => {
    simulator = await startIntacctSimulator({ port: 0, senderId: credentials.senderId, senderPassword: credentials.senderPassword, users: [{ companyId: credentials.companyId, userId: credentials.userId, password: credentials.userPassword }] });
    client = new IntacctClient({ endpointUrl: simulator.url, credentials, timeoutMs: 2000 });
  });
  after(async () => { await client.close(); await simulator.close(); });

  /** 2 × 27.50 + 1 × 18.00 + 12.00 shipping = 85.00 CAD. */
  const invoice: IntacctSalesOrder = {
    transactionType: 'Sales Invoice', dateCreated: { year: 2026, month: 11, day: 25 }, customerId: 'WEBSALES', referenceNo: 'CL-8001', currency: 'CAD',
    lines: [
      { itemId: 'TRB-MUG-12OZ', itemDesc: 'Ceramic mug 12 oz', quantity: 2, price: '27.50', warehouseId: 'WH-TORONTO' },
      { itemId: 'TRB-BEANS-1KG', itemDesc: 'House espresso beans 1 kg', quantity: 1, price: '18.00', warehouseId: 'WH-TORONTO' },
    ],
    subtotals: [{ description: 'Shipping', total: '12.00' }],
  };
  const creditMemo = (referenceNo: string, createdFrom: string, price: string): IntacctSalesOrder => ({
    transactionType: 'Sales Credit Memo', dateCreated: { year: 2026, month: 11, day: 26 }, createdFrom, customerId: 'WEBSALES', referenceNo, currency: 'CAD',
    message: `Refund for ${referenceNo}`, lines: [{ itemId: 'TRB-MUG-12OZ', quantity: 1, price, warehouseId: 'WH-TORONTO' }], subtotals: [],
  });

  let invoiceKey = '';
  let memoKey = '';

  it('creates a Sales Credit Memo from a Sales Invoice; createdFrom shows in the reads', async () => {
    invoiceKey = (await client.createSalesOrder(invoice, { controlId: 'si-create-8001' })).key;
    memoKey = (await client.createSalesOrder(creditMemo('RMA-8001', invoiceKey, '27.50'), { controlId: 'scm-create-8001' })).key;
    assert.match(memoKey, /^Sales Credit Memo-/);
    assert.equal(simulator.documents().find((d) => d.docId === memoKey)?.createdFrom, invoiceKey);

    const found = await client.findSalesDocumentByReference('Sales Credit Memo', 'RMA-8001');
    assert.equal(found?.key, memoKey);
    assert.equal(found?.createdFrom, invoiceKey);
    assert.equal(found?.total, '27.50');
    assert.equal(typeof found?.modifiedAt, 'number');
    assert.equal((await client.findSalesDocumentByReference('Sales Invoice', 'CL-8001'))?.createdFrom, undefined);
    const listed = await client.listSalesDocuments(['Sales Credit Memo'], { year: 2026, month: 11, day: 26 }, { year: 2026, month: 11, day: 26 });
    assert.deepEqual(listed.map((d) => [d.key, d.createdFrom]), [[memoKey, invoiceKey]]);
  });

  it('refuses a credit beyond what remains of the invoice as a permanent business error, storing nothing', async () => {
    const before = simulator.documents().length;
    await assert.rejects(
      client.createSalesOrder(creditMemo('RMA-8002', invoiceKey, '57.51'), { controlId: 'scm-create-8002' }),
      isPermanentBusinessError(/57\.51 is more than the 57\.50 of .* not yet credited/),
    );
    assert.equal(simulator.documents().length, before);
    const rest = await client.createSalesOrder(creditMemo('RMA-8003', invoiceKey, '57.50'), { controlId: 'scm-create-8003' });
    assert.ok(rest.key, 'exactly the remaining total is allowed');
  });

  it('refuses a credit memo created from an unknown document, naming it', async () => {
    await assert.rejects(
      client.createSalesOrder(creditMemo('RMA-8004', 'Sales Invoice-SI9999', '1.00'), { controlId: 'scm-create-8004' }),
      isPermanentBusinessError(/Sales Invoice-SI9999/),
    );
    assert.equal(await client.findSalesDocumentByReference('Sales Credit Memo', 'RMA-8004'), null);
  });

  it('follows a state changed in Intacct (admin route) through listSalesDocumentsChangedSince', async () => {
    const { key: orderKey } = await client.createSalesOrder({ ...invoice, transactionType: 'Sales Order', referenceNo: 'CL-8010' }, { controlId: 'so-create-8010' });
    // WHENMODIFIED has one-second precision: start the poll window in a second none of the earlier writes used.
    await new Promise((resolve) => setTimeout(resolve, 1000 - (Date.now() % 1000) + 20));
    const since = Date.now();
    assert.deepEqual(await client.listSalesDocumentsChangedSince(['Sales Order', 'Sales Invoice'], since), []);

    const changed = await fetch(`${simulator.adminUrl}/documents/state`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ docId: orderKey, state: 'Converted' }),
    });
    assert.equal(changed.status, 200);
    const polled = await client.listSalesDocumentsChangedSince(['Sales Order', 'Sales Invoice'], since);
    assert.deepEqual(polled.map((d) => [d.key, d.state]), [[orderKey, 'Converted']]);
    const stored = simulator.documents().find((d) => d.docId === orderKey)!;
    assert.equal(polled[0]?.modifiedAt, Math.floor(Date.parse(stored.modifiedAt!) / 1000) * 1000, 'WHENMODIFIED round-trips as UTC');
    assert.deepEqual(await client.listSalesDocumentsChangedSince(['Sales Credit Memo'], since), [], 'only the definitions asked for');
    assert.deepEqual((await client.listSalesDocumentsChangedSince(['Sales Order'], polled[0]!.modifiedAt)).map((d) => d.key), [orderKey], 'inclusive');

    await assert.rejects(client.updateSalesOrder(orderKey, { message: 'too late' }, { controlId: 'so-update-8010' }), isPermanentBusinessError(/Converted/));
  });

  it('counts the lines of several documents, 0 for an unknown one', async () => {
    const counts = await client.countSalesDocumentLines([invoiceKey, memoKey, "Sales Invoice-O'Brien"]);
    assert.deepEqual([...counts], [[invoiceKey, 2], [memoKey, 1], ["Sales Invoice-O'Brien", 0]]);
  });
});
