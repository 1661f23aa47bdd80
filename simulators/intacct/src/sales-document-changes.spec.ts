import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { IntacctSimulator } from './simulator-types.js';
import { createSalesOrderXml, envelope, fn, loginAuth, post, readByQueryXml, startTestSimulator } from './testing/gateway-test-kit.js';

let sim: IntacctSimulator;

before(async () => {
  sim = await startTestSimulator();
});
after(() => sim.close());
beforeEach(() => sim.reset());

const result = (reply: { xml: any }) => reply.xml.response.operation.result[0];
const errorsOf = (reply: { xml: any }) => result(reply).errormessage.error as Array<{ errorno: string; description: string; description2: string }>;
const call = (controlId: string, body: string) => post(sim.url, envelope(loginAuth, [fn(controlId, body)]));

/** Sales Order-SO0001: 2 × 24.50 + 3 × 8.99 + subtotals 8.17 = 84.14. */
const createOrder = (state?: string) =>
  call('so-create', createSalesOrderXml().replace('<sotransitems>', state ? `<state>${state}</state><sotransitems>` : '<sotransitems>'));

const update = (controlId: string, inner: string, key = 'Sales Order-SO0001') =>
  call(controlId, `<update_sotransaction key="${key}">${inner}</update_sotransaction>`);

const paymentXml = (recordKey: string) =>
  `<create><ARPYMT><UNDEPOSITEDACCOUNTNO>1010</UNDEPOSITEDACCOUNTNO><PAYMENTMETHOD>Cash</PAYMENTMETHOD><CUSTOMERID>CUST-00042</CUSTOMERID><DOCNUMBER>PAY-1</DOCNUMBER><RECEIPTDATE>05/02/2024</RECEIPTDATE><CURRENCY>USD</CURRENCY><ARPYMTDETAILS><ARPYMTDETAIL><RECORDKEY>${recordKey}</RECORDKEY><TRX_PAYMENTAMOUNT>10.00</TRX_PAYMENTAMOUNT></ARPYMTDETAIL></ARPYMTDETAILS></ARPYMT></create>`;

describe('Intacct simulator: update_sotransaction', () => {
  it('replaces a line’s values and header fields, recomputes the totals and bumps WHENMODIFIED', async () => {
    await createOrder();
    const reply = await update('so-update-1', '<message>Two more mugs</message><state>Draft</state><updatesotransitems><updatesotransitem line_num="2"><quantity>5</quantity></updatesotransitem></updatesotransitems>');
    assert.equal(result(reply).status, 'success', reply.text);
    assert.equal(result(reply).key, 'Sales Order-SO0001');
    const [doc] = sim.documents();
    assert.deepEqual(doc?.lines[1], { lineNo: 2, recordNo: '2', itemId: 'MUG-CER-12', quantity: '5', price: '8.99', lineTotal: '44.95' }, 'an updated line keeps its SODOCUMENTENTRY RECORDNO');
    assert.equal(doc?.lines[0]?.itemDesc, 'Espresso beans 1 kg', 'untouched lines keep their values');
    assert.equal(doc?.total, '102.12');
    assert.equal(doc?.message, 'Two more mugs');
    assert.ok(doc?.modifiedAt);
    const read = await call('q-1', readByQueryXml("DOCID = 'Sales Order-SO0001'", { fields: 'STATE,TOTAL,WHENMODIFIED' }));
    const row = result(read).data.sodocument[0];
    assert.equal(row.STATE, 'Draft');
    assert.equal(row.TOTAL, '102.12');
    assert.match(row.WHENMODIFIED, /^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}:\d{2}$/);
  });

  it('appends new lines and replaces the subtotals', async () => {
    await createOrder();
    const reply = await update(
      'so-update-2',
      '<updatesotransitems><sotransitem><itemid>FILTER-100</itemid><quantity>4</quantity><price>2.25</price></sotransitem></updatesotransitems><updatesubtotals><updatesubtotal><description>Shipping</description><total>0.50</total></updatesubtotal></updatesubtotals>',
    );
    assert.equal(result(reply).status, 'success', reply.text);
    const [doc] = sim.documents();
    assert.deepEqual(doc?.lines[2], { lineNo: 3, itemId: 'FILTER-100', quantity: '4', price: '2.25', lineTotal: '9.00', recordNo: '3' });
    assert.deepEqual(doc?.subtotals, [{ description: 'Shipping', total: '0.50' }]);
    assert.equal(doc?.total, '85.47');
    const plain = await update('so-update-3', '<subtotals><subtotal><description>Tax</description><total>1.00</total></subtotal></subtotals>');
    assert.equal(result(plain).status, 'success', plain.text);
    assert.equal(sim.documents()[0]?.total, '85.97');
  });

  it('refuses an unknown key, an unknown line and a Closed document with BL01001973, changing nothing', async () => {
    await createOrder('Closed');
    const missing = await update('u-1', '<message>x</message>', 'Sales Order-SO9999');
    assert.equal(errorsOf(missing)[0]?.errorno, 'BL01001973');
    assert.match(errorsOf(missing)[0]?.description2 ?? '', /Could not find the sales document 'Sales Order-SO9999'/);
    const closed = await update('u-2', '<message>x</message>');
    assert.equal(result(closed).status, 'failure');
    assert.equal(errorsOf(closed)[0]?.errorno, 'BL01001973');
    assert.match(errorsOf(closed)[0]?.description2 ?? '', /in state Closed; a Closed document cannot be updated/);
    assert.equal(sim.documents()[0]?.message, undefined);

    sim.reset();
    await createOrder();
    const badLine = await update('u-3', '<updatesotransitems><updatesotransitem line_num="7"><quantity>1</quantity></updatesotransitem></updatesotransitems>');
    assert.match(errorsOf(badLine)[0]?.description2 ?? '', /has no line 7/);
    assert.equal(sim.documents()[0]?.total, '84.14');
  });

  it('refuses an invoice whose AR invoice has payments applied', async () => {
    await call('inv', createSalesOrderXml().replace('<transactiontype>Sales Order</transactiontype>', '<transactiontype>Sales Invoice</transactiontype>'));
    const prRecordKey = sim.documents()[0]?.prRecordKey ?? '';
    assert.equal(result(await call('pay', paymentXml(prRecordKey))).status, 'success');
    const reply = await update('u-paid', '<message>x</message>', 'Sales Invoice-SI0001');
    assert.match(errorsOf(reply)[0]?.description2 ?? '', /has payments applied/);
  });

  it('rejects line edits out of sequence at control level', async () => {
    await createOrder();
    const reply = await update('u-seq', '<updatesotransitems><updatesotransitem line_num="1"><price>1</price><quantity>1</quantity></updatesotransitem></updatesotransitems>');
    assert.equal(reply.xml.response.control.status, 'failure');
    assert.equal(sim.documents()[0]?.total, '84.14');
  });

  it('refuses a replayed controlid', async () => {
    await createOrder();
    await update('so-update-once', '<message>first</message>');
    const replay = await update('so-update-once', '<message>second</message>');
    assert.equal(errorsOf(replay)[0]?.errorno, 'SIM-DUPCTRL');
    assert.equal(sim.documents()[0]?.message, 'first');
  });
});

describe('Intacct simulator: delete_sotransaction', () => {
  it('deletes a Pending document: gone from documents() and reads, kept in deletedDocuments()', async () => {
    await createOrder();
    const reply = await call('so-delete', '<delete_sotransaction key="Sales Order-SO0001"/>');
    assert.equal(result(reply).status, 'success', reply.text);
    assert.deepEqual(sim.documents(), []);
    assert.equal(sim.deletedDocuments()[0]?.docId, 'Sales Order-SO0001');
    const read = await call('q-1', readByQueryXml("PONUMBER = 'WEB-10045'"));
    assert.equal(result(read).data['@count'], '0');
  });

  it('refuses a Closed document and an unknown key', async () => {
    await createOrder('Closed');
    const closed = await call('d-1', '<delete_sotransaction key="Sales Order-SO0001"/>');
    assert.equal(errorsOf(closed)[0]?.errorno, 'BL01001973');
    assert.match(errorsOf(closed)[0]?.description2 ?? '', /a Closed document cannot be deleted/);
    assert.equal(sim.documents().length, 1);
    const missing = await call('d-2', '<delete_sotransaction key="Sales Order-SO0002"/>');
    assert.equal(errorsOf(missing)[0]?.errorno, 'BL01001973');
  });

  it('counts as a write for commitThenFail', async () => {
    await createOrder();
    sim.setFaults({ commitThenFail: 1 });
    const reply = await call('d-3', '<delete_sotransaction key="Sales Order-SO0001"/>');
    assert.equal(reply.status, 500);
    assert.equal(sim.documents().length, 0, 'committed before failing');
  });
});
