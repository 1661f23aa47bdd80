import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { IntacctSimulator } from './simulator-types.js';
import { envelope, fn, loginAuth, post, readByQueryXml, startTestSimulator, USER } from './testing/gateway-test-kit.js';

let sim: IntacctSimulator;

const OTHER_COMPANY = { companyId: 'TRIBUTARY-EU', userId: 'ws_user', password: 'ws-pass-eu' };

before(async () => {
  sim = await startTestSimulator({ users: [USER, OTHER_COMPANY] });
});
after(() => sim.close());
beforeEach(() => sim.reset());

const result = (reply: { xml: any }) => reply.xml.response.operation.result[0];
const errorsOf = (reply: { xml: any }) => result(reply).errormessage.error as Array<{ errorno: string; description: string; description2: string }>;
const call = (controlId: string, body: string, auth = loginAuth) => post(sim.url, envelope(auth, [fn(controlId, body)]));

interface DocumentXml {
  createdFrom?: string;
  referenceNo?: string;
  /** [itemId, quantity, price] */
  lines?: Array<[string, string, string]>;
  /** Inserted right after customerid, to break the sequence on purpose. */
  afterCustomer?: string;
}

/** A create_sotransaction; the default lines total 59.00 (2 × 24.50 + 1 × 10.00). */
const documentXml = (transactionType: string, opts: DocumentXml = {}) => `<create_sotransaction>
    <transactiontype>${transactionType}</transactiontype>
    <datecreated><year>2026</year><month>11</month><day>25</day></datecreated>
    ${opts.createdFrom === undefined ? '' : `<createdfrom>${opts.createdFrom}</createdfrom>`}
    <customerid>CUST-00042</customerid>${opts.afterCustomer ?? ''}
    <referenceno>${opts.referenceNo ?? 'WEB-30001'}</referenceno>
    <currency>USD</currency>
    <sotransitems>${(opts.lines ?? [['ESP-BEANS-1KG', '2', '24.50'], ['MUG-CER-12', '1', '10.00']])
      .map(([itemId, quantity, price]) => `<sotransitem><itemid>${itemId}</itemid><warehouseid>WH-EAST</warehouseid><quantity>${quantity}</quantity><price>${price}</price></sotransitem>`)
      .join('')}</sotransitems>
  </create_sotransaction>`;

const createInvoice = () => call('si-1', documentXml('Sales Invoice'));
const creditMemo = (controlId: string, lines: Array<[string, string, string]>, createdFrom = 'Sales Invoice-SI0001', type = 'Sales Credit Memo') =>
  call(controlId, documentXml(type, { createdFrom, lines, referenceNo: `RMA-${controlId}` }));

describe('Intacct simulator: documents created from another (createdfrom)', () => {
  it('links a Sales Credit Memo to its Sales Invoice and shows CREATEDFROM in SODOCUMENT rows', async () => {
    assert.equal(result(await createInvoice()).key, 'Sales Invoice-SI0001');
    const reply = await creditMemo('scm-1', [['ESP-BEANS-1KG', '1', '24.50']]);
    assert.equal(result(reply).status, 'success', reply.text);
    assert.equal(result(reply).key, 'Sales Credit Memo-SCM0001', 'numbered like any other definition');
    const memo = sim.documents().find((d) => d.docId === 'Sales Credit Memo-SCM0001');
    assert.equal(memo?.createdFrom, 'Sales Invoice-SI0001');
    assert.equal(memo?.total, '24.50');
    assert.equal(memo?.prRecordKey, undefined, 'a credit memo posts no AR invoice');

    const read = await call('q-1', readByQueryXml("DOCPARID IN ('Sales Invoice', 'Sales Credit Memo')", { fields: 'DOCID,DOCPARID,CREATEDFROM,TOTAL' }));
    assert.deepEqual(result(read).data.sodocument, [
      { DOCID: 'Sales Invoice-SI0001', DOCPARID: 'Sales Invoice', CREATEDFROM: '', TOTAL: '59.00' },
      { DOCID: 'Sales Credit Memo-SCM0001', DOCPARID: 'Sales Credit Memo', CREATEDFROM: 'Sales Invoice-SI0001', TOTAL: '24.50' },
    ]);
    const byLink = await call('q-2', readByQueryXml("CREATEDFROM = 'Sales Invoice-SI0001'", { fields: 'DOCID' }));
    assert.deepEqual(result(byLink).data.sodocument, [{ DOCID: 'Sales Credit Memo-SCM0001' }]);
  });

  it('refuses credits beyond the original total, counting credit memos and returns together', async () => {
    await createInvoice();
    assert.equal(result(await creditMemo('scm-1', [['ESP-BEANS-1KG', '1', '24.50']])).status, 'success');
    assert.equal(result(await creditMemo('sr-1', [['ESP-BEANS-1KG', '1', '24.50']], 'Sales Invoice-SI0001', 'Sales Return')).status, 'success');
    assert.equal(result(await creditMemo('scm-2', [['MUG-CER-12', '1', '10.00']])).status, 'success', 'exactly the total is allowed');

    const over = await creditMemo('scm-3', [['MUG-CER-12', '1', '0.01']]);
    assert.equal(result(over).status, 'failure');
    const [error, summary] = errorsOf(over);
    assert.equal(error?.errorno, 'BL01001973');
    assert.match(error?.description2 ?? '', /total 0\.01 is more than the 0\.00 of Sales Invoice-SI0001 not yet credited \(total 59\.00, credited 59\.00 by Sales Credit Memo-SCM0001, Sales Return-SR0001, Sales Credit Memo-SCM0002\)/);
    assert.equal(summary?.description2, 'Could not create Document record!');
    assert.equal(sim.documents().length, 4, 'nothing stored');
  });

  it('refuses a single credit memo larger than the original', async () => {
    await createInvoice();
    const over = await creditMemo('scm-big', [['ESP-BEANS-1KG', '3', '24.50']]);
    assert.match(errorsOf(over)[0]?.description2 ?? '', /total 73\.50 is more than the 59\.00 of Sales Invoice-SI0001/);
  });

  it('frees the amount of a deleted credit memo', async () => {
    await createInvoice();
    await creditMemo('scm-1', [['ESP-BEANS-1KG', '2', '24.50']]);
    assert.equal(result(await creditMemo('scm-2', [['ESP-BEANS-1KG', '1', '24.50']])).status, 'failure');
    assert.equal(result(await call('scm-del', '<delete_sotransaction key="Sales Credit Memo-SCM0001"/>')).status, 'success');
    assert.equal(result(await creditMemo('scm-3', [['ESP-BEANS-1KG', '1', '24.50']])).status, 'success');
  });

  it('does not limit documents that do not credit, e.g. an invoice converted from an order', async () => {
    await call('so-1', documentXml('Sales Order'));
    const invoice = await call('si-from-so', documentXml('Sales Invoice', { createdFrom: 'Sales Order-SO0001', lines: [['ESP-BEANS-1KG', '10', '24.50']] }));
    assert.equal(result(invoice).status, 'success', invoice.text);
    assert.equal(sim.documents().find((d) => d.docId === 'Sales Invoice-SI0001')?.createdFrom, 'Sales Order-SO0001');
  });

  it('refuses an unknown createdfrom, and one of another company, naming the missing document', async () => {
    const missing = await creditMemo('scm-404', [['ESP-BEANS-1KG', '1', '24.50']], 'Sales Invoice-SI9999');
    assert.equal(result(missing).status, 'failure');
    assert.equal(errorsOf(missing)[0]?.errorno, 'BL01001973');
    assert.match(errorsOf(missing)[0]?.description2 ?? '', /Cannot create from 'Sales Invoice-SI9999': the source document does not exist/);

    await createInvoice();
    const otherCompany = await call('scm-eu', documentXml('Sales Credit Memo', { createdFrom: 'Sales Invoice-SI0001', lines: [['MUG-CER-12', '1', '1.00']] }), { login: OTHER_COMPANY });
    assert.equal(result(otherCompany).status, 'failure', 'DOCIDs are per company');
    assert.deepEqual(sim.documents().map((d) => d.docId), ['Sales Invoice-SI0001']);
  });

  it('rejects createdfrom after customerid at control level (xs:sequence)', async () => {
    await createInvoice();
    const reply = await call('scm-seq', documentXml('Sales Credit Memo', { afterCustomer: '<createdfrom>Sales Invoice-SI0001</createdfrom>' }));
    assert.equal(reply.xml.response.control.status, 'failure');
    assert.equal(sim.documents().length, 1);
  });

  it('rolls back a credit memo with the rest of a failed transaction', async () => {
    await createInvoice();
    const reply = await post(
      sim.url,
      envelope(loginAuth, [fn('t-1', documentXml('Sales Credit Memo', { createdFrom: 'Sales Invoice-SI0001', lines: [['MUG-CER-12', '1', '10.00']] })), fn('t-2', documentXml('Sales Credit Memo', { createdFrom: 'Sales Invoice-SI0404' }))], { transaction: true }),
    );
    assert.deepEqual(reply.xml.response.operation.result.map((r: { status: string }) => r.status), ['aborted', 'failure']);
    assert.equal(result(await creditMemo('scm-all', [['ESP-BEANS-1KG', '2', '24.50'], ['MUG-CER-12', '1', '10.00']])).status, 'success', 'the rolled-back memo credited nothing');
  });
});

describe('Intacct simulator: creditTransactionTypes option', () => {
  it('limits only the configured definitions', async () => {
    const custom = await startTestSimulator({ creditTransactionTypes: ['Return Authorization'] });
    try {
      const send = (controlId: string, body: string) => post(custom.url, envelope(loginAuth, [fn(controlId, body)]));
      await send('si', documentXml('Sales Invoice'));
      const big = [['ESP-BEANS-1KG', '4', '24.50']] as Array<[string, string, string]>;
      assert.equal(result(await send('scm', documentXml('Sales Credit Memo', { createdFrom: 'Sales Invoice-SI0001', lines: big }))).status, 'success');
      const refused = await send('ra', documentXml('Return Authorization', { createdFrom: 'Sales Invoice-SI0001', lines: big }));
      assert.match(result(refused).errormessage.error[0].description2, /Return Authorization total 98\.00 is more than the 59\.00/);
    } finally {
      await custom.close();
    }
  });
});
