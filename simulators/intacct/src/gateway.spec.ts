import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { IntacctSimulator } from './simulator-types.js';
import {
  createSalesOrderXml,
  envelope,
  fn,
  loginAuth,
  openSession,
  post,
  readByQueryXml,
  startTestSimulator,
  USER,
} from './testing/gateway-test-kit.js';

let sim: IntacctSimulator;

before(async () => {
  sim = await startTestSimulator({ items: ['ESP-BEANS-1KG', 'MUG-CER-12', 'FILTER-V60'] });
});
after(() => sim.close());
beforeEach(() => sim.reset());

const firstResult = (reply: { xml: any }) => reply.xml.response.operation.result[0];

describe('Intacct simulator: gateway', () => {
  it('creates a sales order and finds it with readByQuery', async () => {
    const sessionId = await openSession(sim.url);
    const created = await post(sim.url, envelope({ sessionId }, [fn('so-create-ord-10045', createSalesOrderXml())]));
    assert.equal(created.status, 200);
    assert.deepEqual(firstResult(created), {
      status: 'success',
      function: 'create_sotransaction',
      controlid: 'so-create-ord-10045',
      key: 'Sales Order-SO0001',
    });

    const [document] = sim.documents();
    // 2 × 24.50 + 3 × 8.99 − 4.90 + 7.95 + 5.12 = 84.14
    assert.equal(document?.total, '84.14');
    assert.deepEqual(document?.lines.map((l) => l.lineTotal), ['49.00', '26.97']);
    assert.equal(document?.referenceNo, 'WEB-10045');
    assert.equal(document?.controlId, 'so-create-ord-10045');

    const found = await post(
      sim.url,
      envelope({ sessionId }, [fn('find-1', readByQueryXml("DOCPARID = 'Sales Order' AND PONUMBER = 'WEB-10045'", { fields: 'RECORDNO,DOCID,STATE,TOTAL,PONUMBER' }))]),
    );
    const data = firstResult(found).data;
    assert.equal(data['@listtype'], 'sodocument');
    assert.equal(data['@count'], '1');
    assert.deepEqual(data.sodocument, [{ RECORDNO: '1', DOCID: 'Sales Order-SO0001', STATE: 'Pending', TOTAL: '84.14', PONUMBER: 'WEB-10045' }]);

    const none = await post(sim.url, envelope({ sessionId }, [fn('find-2', readByQueryXml("PONUMBER = 'WEB-404'"))]));
    assert.equal(firstResult(none).data['@count'], '0');
  });

  it('numbers documents per transaction type and keeps customer text intact', async () => {
    const first = await post(sim.url, envelope(loginAuth, [fn('a', createSalesOrderXml({ message: 'Deliver to "Smith & Sons" <rear door>' }))]));
    const second = await post(sim.url, envelope(loginAuth, [fn('b', createSalesOrderXml({ referenceNo: "O'Brien's order" }))]));
    assert.equal(firstResult(first).key, 'Sales Order-SO0001');
    assert.equal(firstResult(second).key, 'Sales Order-SO0002');
    assert.equal(sim.documents()[0]?.message, 'Deliver to "Smith & Sons" <rear door>');
    const found = await post(sim.url, envelope(loginAuth, [fn('q', readByQueryXml("PONUMBER = 'O\\'Brien\\'s order'"))]));
    assert.equal(firstResult(found).data.sodocument[0].DOCNO, 'SO0002');
  });

  it('echoes control and function controlids and reports the session times', async () => {
    const reply = await post(sim.url, envelope(loginAuth, [fn('f-9a1c', createSalesOrderXml())], { controlId: 'req-77' }));
    const { control, operation } = reply.xml.response;
    assert.deepEqual(control, { status: 'success', senderid: 'tributary-sim', controlid: 'req-77', uniqueid: 'true', dtdversion: '3.0' });
    assert.equal(operation.authentication.status, 'success');
    assert.equal(operation.authentication.companyid, USER.companyId);
    assert.match(operation.authentication.sessiontimestamp, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+00:00$/);
    assert.match(operation.authentication.sessiontimeout, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+00:00$/);
    assert.equal(firstResult(reply).controlid, 'f-9a1c');
  });

  it('fails the control block on wrong sender credentials, with no operation', async () => {
    const reply = await post(sim.url, envelope(loginAuth, [fn('a', createSalesOrderXml())], { senderPassword: 'wrong' }));
    assert.equal(reply.status, 200);
    assert.equal(reply.xml.response.control.status, 'failure');
    assert.equal(reply.xml.response.operation, undefined);
    assert.equal(reply.xml.response.errormessage.error[0].errorno, 'XL03000006');
    assert.equal(reply.xml.response.errormessage.error[0].description2, 'Incorrect Intacct XML Partner ID or password.');
    assert.equal(sim.documents().length, 0);
  });

  it('fails the control block on XML that does not parse', async () => {
    const reply = await post(sim.url, '<request><control><senderid>x</senderid></request>');
    assert.equal(reply.xml.response.control.status, 'failure');
    assert.equal(reply.xml.response.errormessage.error[0].errorno, 'XL03000003');
  });

  it('fails the request on an element out of xs:sequence order, storing nothing', async () => {
    const misplaced = createSalesOrderXml({ afterCustomer: '<shippingmethod>UPS</shippingmethod><documentno>X1</documentno>' });
    const reply = await post(sim.url, envelope(loginAuth, [fn('a', misplaced)]));
    assert.equal(reply.xml.response.control.status, 'failure');
    assert.equal(reply.xml.response.errormessage.error[0].errorno, 'XL03000003');
    assert.match(reply.xml.response.errormessage.error[0].description2, /documentno/);
    assert.equal(sim.documents().length, 0);
  });

  it('fails authentication on a wrong user password, with no results', async () => {
    const reply = await post(sim.url, envelope({ login: { ...USER, password: 'nope' } }, [fn('a', createSalesOrderXml())]));
    const { control, operation } = reply.xml.response;
    assert.equal(control.status, 'success');
    assert.equal(operation.authentication.status, 'failure');
    assert.equal(operation.authentication.userid, USER.userId);
    assert.equal(operation.result, undefined);
    assert.equal(operation.errormessage.error[0].errorno, 'XL03000006');
    assert.equal(sim.documents().length, 0);
  });

  it('hands out sessions at its own endpoint and refuses them once expired', async () => {
    const signIn = await post(sim.url, envelope(loginAuth, [fn('s-1', '<getAPISession/>')]));
    const api = firstResult(signIn).data.api;
    assert.equal(api.endpoint, sim.url);
    assert.ok(api.sessionid.length > 20);

    const ok = await post(api.endpoint, envelope({ sessionId: api.sessionid }, [fn('a', createSalesOrderXml())]));
    assert.equal(ok.xml.response.operation.authentication.status, 'success');

    sim.expireSessions();
    const refused = await post(api.endpoint, envelope({ sessionId: api.sessionid }, [fn('b', createSalesOrderXml())]));
    assert.equal(refused.xml.response.operation.authentication.status, 'failure');
    assert.equal(sim.documents().length, 1);
  });

  it('only grants getAPISession as the sole function', async () => {
    const reply = await post(sim.url, envelope(loginAuth, [fn('s', '<getAPISession/>'), fn('r', readByQueryXml(''))]));
    const [session, read] = reply.xml.response.operation.result;
    assert.equal(session.status, 'failure');
    assert.equal(read.status, 'success');
  });

  it('refuses a replayed function controlid under uniqueid=true, storing nothing', async () => {
    await post(sim.url, envelope(loginAuth, [fn('so-create-ord-10045', createSalesOrderXml())]));
    const replay = await post(sim.url, envelope(loginAuth, [fn('so-create-ord-10045', createSalesOrderXml())]));
    const result = firstResult(replay);
    assert.equal(result.status, 'failure');
    assert.equal(result.controlid, 'so-create-ord-10045');
    assert.equal(result.errormessage.error[0].errorno, 'SIM-DUPCTRL');
    assert.equal(sim.documents().length, 1);
  });

  it('runs a replayed controlid again when uniqueid=false', async () => {
    await post(sim.url, envelope(loginAuth, [fn('same', createSalesOrderXml())], { uniqueId: false }));
    await post(sim.url, envelope(loginAuth, [fn('same', createSalesOrderXml())], { uniqueId: false }));
    assert.equal(sim.documents().length, 2);
  });

  it('lets a failed function be retried with the same controlid', async () => {
    const bad = await post(sim.url, envelope(loginAuth, [fn('so-1', createSalesOrderXml({ lines: [{ itemId: 'NOPE', quantity: '1', price: '1.00' }] }))]));
    assert.equal(firstResult(bad).status, 'failure');
    const good = await post(sim.url, envelope(loginAuth, [fn('so-1', createSalesOrderXml())]));
    assert.equal(firstResult(good).status, 'success');
  });

  it('fails an unknown item with BL01001973', async () => {
    const reply = await post(sim.url, envelope(loginAuth, [fn('a', createSalesOrderXml({ lines: [{ itemId: 'GRINDER-X', quantity: '1', price: '99.00' }] }))]));
    const result = firstResult(reply);
    assert.equal(result.status, 'failure');
    assert.equal(result.errormessage.error[0].errorno, 'BL01001973');
    assert.match(result.errormessage.error[0].description2, /GRINDER-X/);
  });

  it('fails a line without a price and a duplicate document number', async () => {
    const noPrice = await post(sim.url, envelope(loginAuth, [fn('a', createSalesOrderXml({ lines: [{ itemId: 'FILTER-V60', quantity: '1' }] }))]));
    assert.equal(firstResult(noPrice).errormessage.error[0].errorno, 'BL01001973');
    await post(sim.url, envelope(loginAuth, [fn('b', createSalesOrderXml({ documentNo: 'ORD-10045' }))]));
    const duplicate = await post(sim.url, envelope(loginAuth, [fn('c', createSalesOrderXml({ documentNo: 'ORD-10045' }))]));
    assert.equal(firstResult(duplicate).errormessage.error[0].errorno, 'BL01001973');
    assert.deepEqual(sim.documents().map((d) => d.docId), ['Sales Order-ORD-10045']);
  });

  it('rolls everything back when a function fails under transaction="true"', async () => {
    const reply = await post(
      sim.url,
      envelope(
        loginAuth,
        [fn('t-1', createSalesOrderXml()), fn('t-2', createSalesOrderXml({ lines: [{ itemId: 'NOPE', quantity: '1', price: '1' }] }))],
        { transaction: true },
      ),
    );
    const [first, second] = reply.xml.response.operation.result;
    assert.equal(first.status, 'aborted');
    assert.equal(first.errormessage.error[0].errorno, 'XL03000009');
    assert.equal(second.status, 'failure');
    assert.deepEqual(second.errormessage.error.map((e: { errorno: string }) => e.errorno), ['BL01001973', 'BL01001973', 'XL03000009']);
    assert.equal(sim.documents().length, 0);
    // The rolled-back controlid did not complete, so it can run again.
    const again = await post(sim.url, envelope(loginAuth, [fn('t-1', createSalesOrderXml())]));
    assert.equal(firstResult(again).status, 'success');
  });

  it('pages readByQuery with readMore and answers the structured query function', async () => {
    for (const n of [1, 2, 3]) await post(sim.url, envelope(loginAuth, [fn(`c-${n}`, createSalesOrderXml({ referenceNo: `WEB-${n}` }))]));
    const page1 = firstResult(await post(sim.url, envelope(loginAuth, [fn('p1', readByQueryXml("DOCPARID = 'Sales Order'", { fields: 'DOCNO', pageSize: 2 }))]))).data;
    assert.equal(page1['@numremaining'], '1');
    assert.equal(page1['@totalcount'], '3');
    const page2 = firstResult(
      await post(sim.url, envelope(loginAuth, [fn('p2', `<readMore><resultId>${page1['@resultId']}</resultId></readMore>`)])),
    ).data;
    assert.deepEqual(page2.sodocument, [{ DOCNO: 'SO0003' }]);

    const query = `<query><object>SODOCUMENT</object><select><field>DOCID</field><field>PONUMBER</field></select>
      <filter><and><equalto><field>DOCPARID</field><value>Sales Order</value></equalto><equalto><field>PONUMBER</field><value>WEB-2</value></equalto></and></filter>
      <pagesize>100</pagesize></query>`;
    const data = firstResult(await post(sim.url, envelope(loginAuth, [fn('q', query)]))).data;
    assert.equal(data['@listtype'], 'SODOCUMENT');
    assert.deepEqual(data.SODOCUMENT, [{ DOCID: 'Sales Order-SO0002', PONUMBER: 'WEB-2' }]);
  });

  it('fails a query on an unknown field', async () => {
    const reply = await post(sim.url, envelope(loginAuth, [fn('q', readByQueryXml("NOSUCHFIELD = 'x'"))]));
    assert.equal(firstResult(reply).status, 'failure');
  });

  it('answers GET on the gateway with 405', async () => {
    const response = await fetch(sim.url);
    assert.equal(response.status, 405);
    assert.equal(response.headers.get('allow'), 'POST');
  });
});
