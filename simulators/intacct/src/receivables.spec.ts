import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { IntacctSimulator } from './simulator-types.js';
import { createSalesOrderXml, envelope, fn, loginAuth, post, readByQueryXml, startTestSimulator } from './testing/gateway-test-kit.js';

let sim: IntacctSimulator;

before(async () => {
  sim = await startTestSimulator({ customers: ['CUST-00042', 'CUST-00077'] });
});
after(() => sim.close());
beforeEach(() => sim.reset());

const result = (reply: { xml: any }) => reply.xml.response.operation.result[0];
const errorOf = (reply: { xml: any }) => result(reply).errormessage.error[0];
const call = (controlId: string, body: string) => post(sim.url, envelope(loginAuth, [fn(controlId, body)]));

/** A Sales Invoice for CUST-00042 totalling 84.14 USD (see gateway.spec). */
const createInvoice = (controlId = 'inv-1', referenceNo = 'WEB-20001') =>
  call(controlId, createSalesOrderXml({ referenceNo }).replace('<transactiontype>Sales Order</transactiontype>', '<transactiontype>Sales Invoice</transactiontype>'));

const customerXml = (fields: { id?: string; name?: string; printAs?: string; email?: string; clarityId?: string; extra?: string } = {}) =>
  `<create><CUSTOMER>${fields.id ? `<CUSTOMERID>${fields.id}</CUSTOMERID>` : ''}${fields.name === '' ? '' : `<NAME>${fields.name ?? 'Harbour &amp; Finch Roasters'}</NAME>`}<DISPLAYCONTACT>${fields.printAs === '' ? '' : `<PRINTAS>${fields.printAs ?? 'Harbour &amp; Finch Roasters'}</PRINTAS>`}<COMPANYNAME>Harbour &amp; Finch Ltd</COMPANYNAME><FIRSTNAME>Maeve</FIRSTNAME><LASTNAME>O'Connell</LASTNAME><PHONE1>+1 416 555 0142</PHONE1><EMAIL1>${fields.email ?? 'Maeve.OConnell@HarbourFinch.example'}</EMAIL1><MAILADDRESS><ADDRESS1>18 Front St W</ADDRESS1><CITY>Toronto</CITY><STATE>ON</STATE><ZIP>M5J 2X5</ZIP><COUNTRY>Canada</COUNTRY><ISOCOUNTRYCODE>CA</ISOCOUNTRYCODE></MAILADDRESS></DISPLAYCONTACT><STATUS>active</STATUS><CURRENCY>CAD</CURRENCY>${fields.extra ?? ''}<CLARITY_ID>${fields.clarityId ?? 'clarity-cust-501'}</CLARITY_ID></CUSTOMER></create>`;

const paymentXml = (opts: { recordKey: string; amount?: string; customerId?: string; docNumber?: string; method?: string; date?: string; account?: string; total?: string }) =>
  `<create><ARPYMT>${opts.account ?? '<UNDEPOSITEDACCOUNTNO>1010</UNDEPOSITEDACCOUNTNO>'}<PAYMENTMETHOD>${opts.method ?? 'Credit Card'}</PAYMENTMETHOD><CUSTOMERID>${opts.customerId ?? 'CUST-00042'}</CUSTOMERID><DOCNUMBER>${opts.docNumber ?? 'PAY-WEB-20001'}</DOCNUMBER><DESCRIPTION>Stripe charge ch_3Q &amp; co</DESCRIPTION><RECEIPTDATE>${opts.date ?? '05/02/2024'}</RECEIPTDATE><CURRENCY>USD</CURRENCY>${opts.total ? `<TRX_AMOUNTTOPAY>${opts.total}</TRX_AMOUNTTOPAY>` : ''}<ARPYMTDETAILS><ARPYMTDETAIL><RECORDKEY>${opts.recordKey}</RECORDKEY>${opts.amount ? `<TRX_PAYMENTAMOUNT>${opts.amount}</TRX_PAYMENTAMOUNT>` : ''}</ARPYMTDETAIL></ARPYMTDETAILS></ARPYMT></create>`;

describe('Intacct simulator: AR invoices', () => {
  it('posts an AR invoice for a Sales Invoice and exposes it as PRRECORDKEY', async () => {
    assert.equal(result(await createInvoice()).key, 'Sales Invoice-SI0001');
    assert.equal(result(await call('so-1', createSalesOrderXml({ referenceNo: 'WEB-20002' }))).status, 'success');
    const [invoice] = sim.arInvoices();
    assert.deepEqual(invoice, {
      recordNo: '2', companyId: 'TRIBUTARY-DEMO', customerId: 'CUST-00042', docId: 'Sales Invoice-SI0001', currency: 'USD', total: '84.14', openBalance: '84.14',
    });
    assert.equal(sim.arInvoices().length, 1, 'a Sales Order posts nothing');

    const read = await call('q-1', readByQueryXml("PONUMBER IN ('WEB-20001','WEB-20002')", { fields: 'DOCID,PRRECORDKEY' }));
    assert.deepEqual(result(read).data.sodocument, [
      { DOCID: 'Sales Invoice-SI0001', PRRECORDKEY: '2' },
      { DOCID: 'Sales Order-SO0001', PRRECORDKEY: '' },
    ]);
    const queried = await call('q-2', '<query><object>SODOCUMENT</object><select><field>PRRECORDKEY</field></select><filter><equalto><field>DOCPARID</field><value>Sales Invoice</value></equalto></filter></query>');
    assert.deepEqual(result(queried).data.SODOCUMENT, [{ PRRECORDKEY: '2' }]);
    const admin = await fetch(`${sim.adminUrl}/ar-invoices`);
    assert.equal(((await admin.json()) as unknown[]).length, 1);
  });

  it('takes the invoice definitions from invoiceTransactionTypes', async () => {
    const custom = await startTestSimulator({ invoiceTransactionTypes: ['Sales Order'] });
    try {
      await post(custom.url, envelope(loginAuth, [fn('so', createSalesOrderXml())]));
      assert.equal(custom.arInvoices()[0]?.docId, 'Sales Order-SO0001');
      assert.equal(custom.documents()[0]?.prRecordKey, custom.arInvoices()[0]?.recordNo);
    } finally {
      await custom.close();
    }
  });
});

describe('Intacct simulator: CUSTOMER', () => {
  it('creates a customer with an auto-numbered id and stores contact, address and CLARITY_ID', async () => {
    const reply = await call('cust-1', customerXml());
    assert.equal(result(reply).status, 'success');
    assert.equal(result(reply).function, 'create');
    assert.deepEqual(result(reply).data, { '@listtype': 'objects', '@count': '1', customer: { RECORDNO: '1', CUSTOMERID: 'C-0001' } });
    const [customer] = sim.customers();
    assert.equal(customer?.name, 'Harbour & Finch Roasters');
    assert.equal(customer?.clarityId, 'clarity-cust-501');
    assert.equal(customer?.currency, 'CAD');
    assert.deepEqual(customer?.displayContact, {
      printAs: 'Harbour & Finch Roasters', companyName: 'Harbour & Finch Ltd', firstName: 'Maeve', lastName: "O'Connell", phone1: '+1 416 555 0142',
      email1: 'Maeve.OConnell@HarbourFinch.example',
      mailAddress: { address1: '18 Front St W', city: 'Toronto', state: 'ON', zip: 'M5J 2X5', country: 'Canada', isoCountryCode: 'CA' },
    });
    assert.equal(result(await call('cust-2', customerXml({ clarityId: 'clarity-cust-502' }))).data.customer.CUSTOMERID, 'C-0002');
    assert.equal(((await (await fetch(`${sim.adminUrl}/customers`)).json()) as unknown[]).length, 2);
  });

  it('refuses a missing NAME, a missing PRINTAS and a duplicate CUSTOMERID with BL01001973', async () => {
    const noName = await call('c-1', customerXml({ name: '' }));
    assert.equal(errorOf(noName).errorno, 'BL01001973');
    assert.match(errorOf(noName).description2, /Customer Name is required/);
    assert.match(errorOf(await call('c-2', customerXml({ printAs: '' }))).description2, /PRINTAS/);
    assert.equal(result(await call('c-3', customerXml({ id: 'CUST-WEB-9' }))).status, 'success');
    const duplicate = await call('c-4', customerXml({ id: 'CUST-WEB-9' }));
    assert.equal(errorOf(duplicate).errorno, 'BL01001973');
    assert.match(errorOf(duplicate).description2, /'CUST-WEB-9' already exists/);
    assert.equal(result(duplicate).errormessage.error[1].description2, 'Could not create Customer record!');
    assert.equal(sim.customers().length, 1);
    assert.match(errorOf(await call('c-5', customerXml({ id: 'CUST-00077' }))).description2, /'CUST-00077' already exists/, 'seeded customers exist too');
  });

  it('refuses CUSTOMER elements out of order at control level', async () => {
    const reply = await call('c-1', customerXml().replace('<STATUS>active</STATUS><CURRENCY>CAD</CURRENCY>', '<CURRENCY>CAD</CURRENCY><STATUS>active</STATUS>'));
    assert.equal(reply.xml.response.control.status, 'failure');
    assert.equal(reply.xml.response.errormessage.error[0].errorno, 'XL03000003');
    assert.equal(sim.customers().length, 0);
  });

  it('finds customers by CLARITY_ID, by email (case-insensitively with query) and by CUSTOMERID', async () => {
    await call('c-1', customerXml());
    await call('c-2', customerXml({ id: 'CUST-WEB-9', clarityId: 'clarity-cust-900', email: 'ops@northwind.example' }));
    const readCustomers = (query: string) =>
      call(`q-${Math.random()}`, `<readByQuery><object>CUSTOMER</object><fields>CUSTOMERID,NAME,DISPLAYCONTACT.EMAIL1,CLARITY_ID</fields><query>${query}</query><pagesize>10</pagesize></readByQuery>`);
    const byClarity = result(await readCustomers("CLARITY_ID = 'clarity-cust-900'")).data;
    assert.equal(byClarity['@listtype'], 'customer');
    assert.deepEqual(byClarity.customer, { CUSTOMERID: 'CUST-WEB-9', NAME: 'Harbour &amp; Finch Roasters'.replace('&amp;', '&'), 'DISPLAYCONTACT.EMAIL1': 'ops@northwind.example', CLARITY_ID: 'clarity-cust-900' });
    const both = result(await readCustomers("CUSTOMERID = 'C-0001' AND DISPLAYCONTACT.EMAIL1 = 'Maeve.OConnell@HarbourFinch.example'")).data;
    assert.equal(both['@count'], '1');
    assert.equal(result(await readCustomers("DISPLAYCONTACT.EMAIL1 = 'maeve.oconnell@harbourfinch.example'")).data['@count'], '0', 'readByQuery = is exact');

    const byEmail = await call(
      'q-email',
      '<query><object>CUSTOMER</object><select><field>CUSTOMERID</field><field>DISPLAYCONTACT.EMAIL1</field></select><filter><equalto><field>DISPLAYCONTACT.EMAIL1</field><value>MAEVE.oconnell@harbourfinch.EXAMPLE</value></equalto></filter><options><caseinsensitive>true</caseinsensitive></options></query>',
    );
    assert.equal(result(byEmail).data['@listtype'], 'CUSTOMER');
    assert.equal(result(byEmail).data.CUSTOMER.CUSTOMERID, 'C-0001');
  });

  it('lets a created customer place orders when customers are tracked', async () => {
    const unknown = await call('so-1', createSalesOrderXml().replace('CUST-00042', 'CUST-WEB-9'));
    assert.equal(errorOf(unknown).description, 'Invalid Customer');
    await call('c-1', customerXml({ id: 'CUST-WEB-9' }));
    assert.equal(result(await call('so-2', createSalesOrderXml().replace('CUST-00042', 'CUST-WEB-9'))).status, 'success');
  });
});

describe('Intacct simulator: ARPYMT', () => {
  it('applies a payment to the AR invoice, reduces its open balance and finds it by DOCNUMBER', async () => {
    await createInvoice();
    const reply = await call('pay-1', paymentXml({ recordKey: '2', amount: '50.00', total: '50.00' }));
    assert.deepEqual(result(reply).data, { '@listtype': 'objects', '@count': '1', arpymt: { RECORDNO: '3' } });
    assert.equal(sim.arInvoices()[0]?.openBalance, '34.14');
    const [payment] = sim.payments();
    assert.equal(payment?.amount, '50.00');
    assert.equal(payment?.description, 'Stripe charge ch_3Q & co');
    assert.deepEqual(payment?.details, [{ recordKey: '2', amount: '50.00' }]);

    // Without TRX_PAYMENTAMOUNT the rest of the balance is paid.
    await call('pay-2', paymentXml({ recordKey: '2', docNumber: 'PAY-WEB-20001-B' }));
    assert.equal(sim.arInvoices()[0]?.openBalance, '0.00');
    assert.equal(sim.payments()[1]?.amount, '34.14');

    const found = await call('q', "<readByQuery><object>ARPYMT</object><fields>RECORDNO,DOCNUMBER,CUSTOMERID,TRX_TOTALENTERED</fields><query>DOCNUMBER = 'PAY-WEB-20001'</query><pagesize>10</pagesize></readByQuery>");
    assert.deepEqual(result(found).data.arpymt, { RECORDNO: '3', DOCNUMBER: 'PAY-WEB-20001', CUSTOMERID: 'CUST-00042', TRX_TOTALENTERED: '50.00' });
    assert.equal(((await (await fetch(`${sim.adminUrl}/payments`)).json()) as unknown[]).length, 2);
  });

  it('refuses the Order Entry DOCID as RECORDKEY and points at PRRECORDKEY', async () => {
    await createInvoice();
    const reply = await call('pay-1', paymentXml({ recordKey: 'Sales Invoice-SI0001', amount: '10.00' }));
    assert.equal(errorOf(reply).errorno, 'BL01001973');
    assert.match(errorOf(reply).description2, /Order Entry document Sales Invoice-SI0001, whose AR invoice is RECORDNO 2/);
    assert.match(errorOf(reply).correction, /SODOCUMENT\.PRRECORDKEY/);
    assert.match(errorOf(await call('pay-2', paymentXml({ recordKey: '999' }))).description2, /RECORDKEY '999' is not an open AR invoice/);
    assert.equal(sim.payments().length, 0);
    assert.equal(sim.arInvoices()[0]?.openBalance, '84.14');
  });

  it('refuses more than the open balance, an unknown customer, a bad method, date or deposit account', async () => {
    await createInvoice();
    const cases: Array<[string, RegExp]> = [
      [paymentXml({ recordKey: '2', amount: '84.15' }), /exceeds the open balance 84.14/],
      [paymentXml({ recordKey: '2', customerId: 'CUST-404' }), /Customer 'CUST-404' does not exist/],
      [paymentXml({ recordKey: '2', customerId: 'CUST-00077' }), /belongs to customer 'CUST-00042'/],
      [paymentXml({ recordKey: '2', method: 'Bitcoin' }), /PAYMENTMETHOD 'Bitcoin'/],
      [paymentXml({ recordKey: '2', date: '2024-05-02' }), /RECEIPTDATE '2024-05-02'/],
      [paymentXml({ recordKey: '2', account: '' }), /exactly one of UNDEPOSITEDACCOUNTNO or FINANCIALENTITY/],
      [paymentXml({ recordKey: '2', amount: '20.00', total: '10.00' }), /less than the 20.00 applied/],
    ];
    for (const [index, [xml, message]] of cases.entries()) {
      const reply = await call(`pay-${index}`, xml);
      assert.equal(errorOf(reply).errorno, 'BL01001973', String(message));
      assert.match(errorOf(reply).description2, message);
    }
    assert.equal(sim.payments().length, 0);
    assert.equal(sim.arInvoices()[0]?.openBalance, '84.14');
  });

  it('commitThenFail applies to generic creates: the payment is stored, the reply lost, the replay refused', async () => {
    await createInvoice();
    sim.setFaults({ commitThenFail: 1 });
    assert.equal((await call('pay-1', paymentXml({ recordKey: '2', amount: '10.00' }))).status, 500);
    assert.equal(sim.payments().length, 1);
    assert.equal(errorOf(await call('pay-1', paymentXml({ recordKey: '2', amount: '10.00' }))).errorno, 'SIM-DUPCTRL');
    assert.equal(sim.arInvoices()[0]?.openBalance, '74.14');
  });

  it('rolls a payment back with the rest of a failed transaction', async () => {
    await createInvoice();
    const reply = await post(
      sim.url,
      envelope(loginAuth, [fn('pay-1', paymentXml({ recordKey: '2', amount: '10.00' })), fn('pay-2', paymentXml({ recordKey: '2', amount: '500.00' }))], { transaction: true }),
    );
    assert.equal(reply.xml.response.operation.result[0].status, 'aborted');
    assert.equal(sim.payments().length, 0);
    assert.equal(sim.arInvoices()[0]?.openBalance, '84.14');
  });
});
