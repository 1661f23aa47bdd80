import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { IntegrationError } from '@tributary/core';
import { IntacctClient } from './intacct-client.js';
import type { IntacctArPayment, IntacctRequestEvent, IntacctSalesOrder } from './intacct-types.js';
import {
  apiSessionReply,
  businessFailureReply,
  createdObjectReply,
  createdReply,
  listReply,
  duplicateControlIdReply,
  salesDocumentsReply,
  signInFailureReply,
} from './response/reply-fixtures.js';

/** A scripted gateway: each request takes the next step; the spec reads what was sent. */
type Step = (request: { body: string; controlId: string; path: string }) =>
  | { status?: number; headers?: Record<string, string>; body: string }
  | 'hang';

let server: Server;
let baseUrl: string;
let steps: Step[] = [];
let received: Array<{ body: string; path: string }> = [];

before(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => {
      received.push({ body, path: req.url ?? '' });
      const step = steps.shift();
      const controlId = /<function controlid="([^"]+)"/.exec(body)?.[1] ?? '';
      const reply = step ? step({ body, controlId, path: req.url ?? '' }) : { status: 500, body: 'no step scripted' };
      if (reply === 'hang') return;
      res.writeHead(reply.status ?? 200, { 'content-type': 'text/xml', ...reply.headers }).end(reply.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

after(() => {
  server.closeAllConnections();
  server.close();
});

beforeEach(() => {
  steps = [];
  received = [];
});

const signIn =
  (sessionId = 'sess-1'): Step =>
  ({ controlId }) => ({ body: apiSessionReply(controlId, `${baseUrl}/na12/ia/xml/xmlgw.phtml`, sessionId) });

const order: IntacctSalesOrder = {
  transactionType: 'Sales Order',
  dateCreated: { year: 2024, month: 5, day: 1 },
  customerId: 'C-1001',
  referenceNo: 'WEB-10045',
  currency: 'USD',
  lines: [{ itemId: 'SKU-1', quantity: 2, price: '19.99' }],
  subtotals: [],
};

const client = (events: IntacctRequestEvent[] = [], timeoutMs = 2000) =>
  new IntacctClient({
    endpointUrl: `${baseUrl}/ia/xml/xmlgw.phtml`,
    credentials: { senderId: 'tributary', senderPassword: 'sp', userId: 'ws_user', companyId: 'TRIBUTARY-DEMO', userPassword: 'up' },
    timeoutMs,
    onRequest: (e) => events.push(e),
  });

const rejectsWith = async (promise: Promise<unknown>, code: string): Promise<IntegrationError> => {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof IntegrationError, String(error));
    assert.equal(error.code, code, error.message);
    return error;
  }
  assert.fail(`expected ${code}`);
};

describe('IntacctClient', () => {
  it('signs in once, then uses the session at the endpoint getAPISession returned', async () => {
    const events: IntacctRequestEvent[] = [];
    const intacct = client(events);
    steps = [signIn(), ({ controlId }) => ({ body: createdReply(controlId) }), ({ controlId }) => ({ body: createdReply(controlId, 'Sales Order-SO0002') })];
    assert.deepEqual(await intacct.createSalesOrder(order, { controlId: 'so-create-1' }), { key: 'Sales Order-SO0001' });
    assert.deepEqual(await intacct.createSalesOrder(order, { controlId: 'so-create-2' }), { key: 'Sales Order-SO0002' });
    await intacct.close();

    assert.equal(received.length, 3);
    assert.equal(received[0]?.path, '/ia/xml/xmlgw.phtml');
    assert.match(received[0]?.body ?? '', /<login><userid>ws_user<\/userid><companyid>TRIBUTARY-DEMO<\/companyid><password>up<\/password><\/login>/);
    assert.equal(received[1]?.path, '/na12/ia/xml/xmlgw.phtml');
    assert.match(received[1]?.body ?? '', /<sessionid>sess-1<\/sessionid>.*<function controlid="so-create-1">/);
    assert.deepEqual(events.map((e) => `${e.operation}:${e.status}`), ['getAPISession:success', 'create_sotransaction:success', 'create_sotransaction:success']);
  });

  it('signs in again once when the session is refused, and retries the request', async () => {
    const intacct = client();
    steps = [signIn('old'), () => ({ body: signInFailureReply }), signIn('new'), ({ controlId }) => ({ body: createdReply(controlId) })];
    assert.deepEqual(await intacct.createSalesOrder(order, { controlId: 'so-create-1' }), { key: 'Sales Order-SO0001' });
    await intacct.close();
    assert.match(received[3]?.body ?? '', /<sessionid>new<\/sessionid>/);
  });

  it('gives up with AUTH_FAILED when the renewed session is refused too', async () => {
    const intacct = client();
    steps = [signIn('a'), () => ({ body: signInFailureReply }), signIn('b'), () => ({ body: signInFailureReply })];
    const error = await rejectsWith(intacct.createSalesOrder(order, { controlId: 'so-1' }), 'INTACCT.AUTH_FAILED');
    assert.equal(error.transient, true);
    await intacct.close();
  });

  it('does not cache a failed sign-in', async () => {
    const intacct = client();
    steps = [() => ({ body: signInFailureReply }), signIn(), ({ controlId }) => ({ body: createdReply(controlId) })];
    await rejectsWith(intacct.createSalesOrder(order, { controlId: 'so-1' }), 'INTACCT.AUTH_FAILED');
    assert.deepEqual(await intacct.createSalesOrder(order, { controlId: 'so-1' }), { key: 'Sales Order-SO0001' });
    await intacct.close();
  });

  it('reports a replayed controlid as DUPLICATE_CONTROLID', async () => {
    const intacct = client();
    steps = [signIn(), ({ controlId }) => ({ body: duplicateControlIdReply(controlId) })];
    await rejectsWith(intacct.createSalesOrder(order, { controlId: 'so-1' }), 'INTACCT.DUPLICATE_CONTROLID');
    await intacct.close();
  });

  it('reports HTTP 429 as THROTTLED with Retry-After', async () => {
    const intacct = client();
    steps = [signIn(), () => ({ status: 429, headers: { 'retry-after': '2' }, body: '<html>GW-0010</html>' })];
    const error = await rejectsWith(intacct.createSalesOrder(order, { controlId: 'so-1' }), 'INTACCT.THROTTLED');
    assert.equal(error.details['retryAfterMs'], 2000);
    await intacct.close();
  });

  it('reports HTTP 500 after sending as UNAVAILABLE with an unknown outcome', async () => {
    const intacct = client();
    steps = [signIn(), () => ({ status: 500, body: 'Internal Server Error' })];
    const error = await rejectsWith(intacct.createSalesOrder(order, { controlId: 'so-1' }), 'INTACCT.UNAVAILABLE');
    assert.equal(error.details['outcomeUnknown'], true);
    await intacct.close();
  });

  it('times out a gateway that does not answer', async () => {
    const events: IntacctRequestEvent[] = [];
    const intacct = client(events, 150);
    steps = [signIn(), () => 'hang'];
    const error = await rejectsWith(intacct.createSalesOrder(order, { controlId: 'so-1' }), 'INTACCT.TIMEOUT');
    assert.equal(error.details['outcomeUnknown'], true);
    assert.equal(events.at(-1)?.status, 'INTACCT.TIMEOUT');
    await intacct.close();
  });

  it('reports an unreachable gateway as UNAVAILABLE that never ran', async () => {
    const intacct = new IntacctClient({
      endpointUrl: 'http://127.0.0.1:1/ia/xml/xmlgw.phtml',
      credentials: { senderId: 's', senderPassword: 'p', userId: 'u', companyId: 'c', userPassword: 'p' },
    });
    const error = await rejectsWith(intacct.createSalesOrder(order, { controlId: 'so-1' }), 'INTACCT.UNAVAILABLE');
    assert.equal(error.details['outcomeUnknown'], false);
    await intacct.close();
  });

  it('finds the first-created document with exactly that reference', async () => {
    const intacct = client();
    const row = (recordNo: string, docNo: string, poNumber: string) => ({
      RECORDNO: recordNo, DOCID: `Sales Order-${docNo}`, DOCNO: docNo, DOCPARID: 'Sales Order', STATE: 'Pending', TOTAL: '39.98', PONUMBER: poNumber,
    });
    steps = [
      signIn(),
      ({ controlId }) => ({ body: salesDocumentsReply(controlId, [row('12', 'SO0012', 'WEB-10045'), row('7', 'SO0007', 'WEB-10045'), row('3', 'SO0003', 'web-10045')]) }),
      ({ controlId }) => ({ body: salesDocumentsReply(controlId, []) }),
    ];
    assert.deepEqual(await intacct.findSalesDocumentByReference('Sales Order', 'WEB-10045'), {
      key: 'Sales Order-SO0007', recordNo: '7', docNo: 'SO0007', state: 'Pending', total: '39.98', referenceNo: 'WEB-10045', transactionType: 'Sales Order',
    });
    assert.equal(await intacct.findSalesDocumentByReference('Sales Order', 'WEB-404'), null);
    await intacct.close();
    const [, firstRead, secondRead] = received;
    const controlIdOf = (body = '') => /<function controlid="([^"]+)"/.exec(body)?.[1];
    assert.notEqual(controlIdOf(firstRead?.body), controlIdOf(secondRead?.body), 'reads must not reuse controlids under uniqueid=true');
  });
});

describe('IntacctClient: customers and cash receipts', () => {
  const payment: IntacctArPayment = {
    customerId: 'C-0009', receiptDate: { year: 2026, month: 11, day: 25 }, paymentMethod: 'Credit Card', undepositedAccountNo: '1010',
    amount: '84.14', currency: 'USD', docNumber: 'PAY-CL-7001', applyTo: [{ recordKey: '8812', amount: '84.14' }],
  };

  it('creates a customer and returns its generated id and RECORDNO', async () => {
    const events: IntacctRequestEvent[] = [];
    const intacct = client(events);
    steps = [signIn(), ({ controlId }) => ({ body: createdObjectReply(controlId, 'customer', { RECORDNO: '8346', CUSTOMERID: 'C-1001' }) })];
    const ref = await intacct.createCustomer({ name: 'Harbour & Finch', email: 'maeve@hf.example', clarityId: 'clarity-cust-501' }, { controlId: 'cust-create-501' });
    assert.deepEqual(ref, { customerId: 'C-1001', recordNo: '8346', name: 'Harbour & Finch', email: 'maeve@hf.example', clarityId: 'clarity-cust-501' });
    assert.match(received[1]?.body ?? '', /<function controlid="cust-create-501"><create><CUSTOMER><NAME>Harbour &amp; Finch<\/NAME>/);
    assert.equal(events.at(-1)?.operation, 'create:CUSTOMER');
    await intacct.close();
  });

  it('classifies failed customer and payment creates like create_sotransaction', async () => {
    const intacct = client();
    steps = [
      signIn(),
      ({ controlId }) => ({ body: businessFailureReply(controlId) }),
      ({ controlId }) => ({ body: duplicateControlIdReply(controlId) }),
      () => ({ status: 500, body: 'Internal Server Error' }),
      ({ controlId }) => ({ body: businessFailureReply(controlId) }),
      () => ({ status: 502, body: '<html>Bad Gateway</html>' }),
    ];
    const business = await rejectsWith(intacct.createCustomer({ name: 'Northwind' }, { controlId: 'c-1' }), 'INTACCT.BUSINESS_ERROR');
    assert.equal(business.transient, false);
    const duplicate = await rejectsWith(intacct.createCustomer({ name: 'Northwind' }, { controlId: 'c-1' }), 'INTACCT.DUPLICATE_CONTROLID');
    assert.equal(duplicate.transient, false);
    const lost = await rejectsWith(intacct.createCustomer({ name: 'Northwind' }, { controlId: 'c-2' }), 'INTACCT.UNAVAILABLE');
    assert.equal(lost.details['outcomeUnknown'], true);
    assert.equal((await rejectsWith(intacct.createArPayment(payment, { controlId: 'p-1' }), 'INTACCT.BUSINESS_ERROR')).transient, false);
    const lostPayment = await rejectsWith(intacct.createArPayment(payment, { controlId: 'p-2' }), 'INTACCT.UNAVAILABLE');
    assert.equal(lostPayment.transient, true);
    assert.equal(lostPayment.details['outcomeUnknown'], true);
    await intacct.close();
  });

  it('treats a successful create without a record as an unknown outcome', async () => {
    const intacct = client();
    steps = [signIn(), ({ controlId }) => ({ body: listReply(controlId, 'query', 'arpymt', []) })];
    const error = await rejectsWith(intacct.createArPayment(payment, { controlId: 'p-1' }), 'INTACCT.UNAVAILABLE');
    assert.equal(error.details['outcomeUnknown'], true);
    await intacct.close();
  });

  it('finds customers by e-mail in any case, oldest first, and by exact CLARITY_ID', async () => {
    const intacct = client();
    const row = (recordNo: string, email: string, clarityId = '') => ({ RECORDNO: recordNo, CUSTOMERID: `C-${recordNo}`, NAME: 'Harbour', 'DISPLAYCONTACT.EMAIL1': email, CLARITY_ID: clarityId });
    steps = [
      signIn(),
      ({ controlId }) => ({ body: listReply(controlId, 'query', 'CUSTOMER', [row('12', 'Maeve@HF.example'), row('4', 'maeve@hf.example'), row('5', 'maeve@hf.example.org')]) }),
      ({ controlId }) => ({ body: listReply(controlId, 'query', 'CUSTOMER', [row('4', 'a@b.example', 'CLARITY-501'), row('6', 'a@b.example', 'clarity-501')]) }),
    ];
    const byEmail = await intacct.findCustomers({ email: 'MAEVE@hf.example' });
    assert.deepEqual(byEmail.map((c) => c.recordNo), ['4', '12']);
    assert.match(received[1]?.body ?? '', /<caseinsensitive>true<\/caseinsensitive>/);
    const byClarity = await intacct.findCustomers({ clarityId: 'clarity-501' });
    assert.deepEqual(byClarity.map((c) => c.customerId), ['C-6']);
    assert.doesNotMatch(received[2]?.body ?? '', /caseinsensitive/);
    await intacct.close();
  });

  it('creates a contact and finds it by exact CONTACTNAME', async () => {
    const intacct = client();
    const name = 'C-1001 Jane Roe - 3f9a1c07b2';
    steps = [
      signIn(),
      ({ controlId }) => ({ body: createdObjectReply(controlId, 'contact', { RECORDNO: '501' }) }),
      ({ controlId }) => ({ body: listReply(controlId, 'query', 'CONTACT', [{ RECORDNO: '502', CONTACTNAME: name.toUpperCase() }, { RECORDNO: '501', CONTACTNAME: name }]) }),
      ({ controlId }) => ({ body: listReply(controlId, 'query', 'CONTACT', []) }),
    ];
    const created = await intacct.createContact({ contactName: name, printAs: 'Jane Roe', mailAddress: { address1: '500 Congress Ave', city: 'Austin', state: 'TX', zip: '78701', isoCountryCode: 'US' } }, { controlId: 'contact-create-1' });
    assert.deepEqual(created, { recordNo: '501', contactName: name }, 'the name sent, when the reply echoes only RECORDNO');
    assert.match(received[1]?.body ?? '', /<function controlid="contact-create-1"><create><CONTACT><CONTACTNAME>C-1001 Jane Roe - 3f9a1c07b2<\/CONTACTNAME><PRINTAS>Jane Roe<\/PRINTAS>/);
    assert.deepEqual(await intacct.findContact(name), { recordNo: '501', contactName: name });
    assert.match(received[2]?.body ?? '', /<equalto><field>CONTACTNAME<\/field><value>C-1001 Jane Roe - 3f9a1c07b2<\/value><\/equalto>/);
    assert.equal(await intacct.findContact('C-1001 Nobody - 0000000000'), null);
    await intacct.close();
  });

  it('classifies a refused contact as a business error and a create without a record as an unknown outcome', async () => {
    const intacct = client();
    steps = [
      signIn(),
      ({ controlId }) => ({ body: businessFailureReply(controlId) }),
      ({ controlId }) => ({ body: listReply(controlId, 'query', 'contact', []) }),
    ];
    const refused = await rejectsWith(intacct.createContact({ contactName: 'x', printAs: 'x' }, { controlId: 'c-1' }), 'INTACCT.BUSINESS_ERROR');
    assert.equal(refused.transient, false);
    const lost = await rejectsWith(intacct.createContact({ contactName: 'x', printAs: 'x' }, { controlId: 'c-2' }), 'INTACCT.UNAVAILABLE');
    assert.equal(lost.details['outcomeUnknown'], true);
    await intacct.close();
  });

  it('creates a payment and finds it by exact DOCNUMBER', async () => {
    const intacct = client();
    steps = [
      signIn(),
      ({ controlId }) => ({ body: createdObjectReply(controlId, 'arpymt', { RECORDNO: '77' }) }),
      ({ controlId }) => ({ body: listReply(controlId, 'readByQuery', 'arpymt', [{ RECORDNO: '79', DOCNUMBER: 'pay-cl-7001', CUSTOMERID: 'C-0009', TRX_TOTALENTERED: '1.00' }, { RECORDNO: '77', DOCNUMBER: 'PAY-CL-7001', CUSTOMERID: 'C-0009', TRX_TOTALENTERED: '84.14' }]) }),
      ({ controlId }) => ({ body: listReply(controlId, 'readByQuery', 'arpymt', []) }),
    ];
    assert.deepEqual(await intacct.createArPayment(payment, { controlId: 'pay-create-7001' }), { recordNo: '77' });
    assert.deepEqual(await intacct.findArPaymentByDocNumber('PAY-CL-7001'), { recordNo: '77', amount: '84.14', customerId: 'C-0009' });
    assert.equal(await intacct.findArPaymentByDocNumber('PAY-404'), null);
    await intacct.close();
  });

  it('polls stock changed since a time across readMore pages, sorted by modifiedAt then recordNo', async () => {
    const intacct = client();
    const stock = (recordNo: string, itemId: string, whenModified: string) => ({ RECORDNO: recordNo, ITEMID: itemId, WAREHOUSEID: 'WH-EAST', QTYONHAND: '5', QTYONORDER: '', QTYONHOLD: '1', WHENMODIFIED: whenModified });
    steps = [
      signIn(),
      ({ controlId }) => ({ body: listReply(controlId, 'readByQuery', 'itemwarehouseinfo', [stock('12', 'A', '11/25/2026 10:00:01'), stock('3', 'B', '11/25/2026 10:00:00')], { numRemaining: 1, resultId: 'res-77W' }) }),
      ({ controlId }) => ({ body: listReply(controlId, 'readMore', 'itemwarehouseinfo', [stock('9', 'C', '11/25/2026 10:00:01')]) }),
    ];
    const levels = await intacct.listStockChangedSince(Date.UTC(2026, 10, 25, 10, 0, 0, 750));
    assert.deepEqual(levels.map((l) => l.recordNo), ['3', '9', '12']);
    assert.deepEqual(levels[0], { recordNo: '3', itemId: 'B', warehouseId: 'WH-EAST', qtyOnHand: '5', qtyOnHold: '1', modifiedAt: Date.UTC(2026, 10, 25, 10, 0, 0) });
    assert.match(received[1]?.body ?? '', /<object>ITEMWAREHOUSEINFO<\/object>.*<query>WHENMODIFIED &gt;= &apos;11\/25\/2026 10:00:00&apos;<\/query><pagesize>1000<\/pagesize>/s);
    assert.match(received[2]?.body ?? '', /<readMore><resultId>res-77W<\/resultId><\/readMore>/);
    await intacct.close();
  });

  it('treats an unreadable stock row as a transient error', async () => {
    const intacct = client();
    steps = [
      signIn(),
      ({ controlId }) => ({ body: listReply(controlId, 'readByQuery', 'itemwarehouseinfo', [{ RECORDNO: '1', ITEMID: 'A', WAREHOUSEID: 'W', QTYONHAND: '5', WHENMODIFIED: '2026-11-25T10:00:00Z' }]) }),
    ];
    const error = await rejectsWith(intacct.listStockChangedSince(0), 'INTACCT.UNAVAILABLE');
    assert.equal(error.transient, true);
    await intacct.close();
  });
});
