import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { usDateTime } from './functions/sodocument-rows.js';
import { matches } from './functions/query-filter.js';
import { parseQueryString } from './functions/query-string.js';
import type { IntacctSimulator } from './simulator-types.js';
import { createSalesOrderXml, envelope, fn, loginAuth, post, readByQueryXml, startTestSimulator, USER } from './testing/gateway-test-kit.js';

let sim: IntacctSimulator;

const OTHER_COMPANY = { companyId: 'TRIBUTARY-EU', userId: 'ws_user', password: 'ws-pass-eu' };

before(async () => {
  sim = await startTestSimulator({ users: [USER, OTHER_COMPANY] });
});
after(() => sim.close());
beforeEach(() => sim.reset());

const result = (reply: { xml: any }) => reply.xml.response.operation.result[0];
const errorsOf = (reply: { xml: any }) => result(reply).errormessage.error as Array<{ errorno: string; description2: string }>;
const call = (controlId: string, body: string, auth = loginAuth) => post(sim.url, envelope(auth, [fn(controlId, body)]));
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
/** Rows of a readByQuery page; one row parses as an object, several as an array. */
const rowsOf = (data: any, tag: string): Array<Record<string, string>> => {
  const rows = data?.[tag] ?? [];
  return Array.isArray(rows) ? rows : [rows];
};
const entryQuery = (query: string, fields = '*', pageSize = 100) =>
  `<readByQuery><object>SODOCUMENTENTRY</object><fields>${fields}</fields><query>${esc(query)}</query><pagesize>${pageSize}</pagesize></readByQuery>`;
const nextSecond = () => new Promise((resolve) => setTimeout(resolve, 1000 - (Date.now() % 1000) + 20));

/** Sales Order-SO0001 (2 lines) and Sales Invoice-SI0001 (1 line). */
const createTwoDocuments = async () => {
  assert.equal(result(await call('so-1', createSalesOrderXml({ referenceNo: 'WEB-40001' }))).status, 'success');
  const invoice = createSalesOrderXml({ referenceNo: 'WEB-40002', lines: [{ itemId: 'GRINDER-X', quantity: '1', price: '99.00', warehouseId: 'WH-WEST' }], subtotals: [] })
    .replace('<transactiontype>Sales Order</transactiontype>', '<transactiontype>Sales Invoice</transactiontype>');
  assert.equal(result(await call('si-1', invoice)).status, 'success');
};

const setState = (body: unknown) =>
  fetch(`${sim.adminUrl}/documents/state`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: typeof body === 'string' ? body : JSON.stringify(body) });

describe('Intacct simulator: SODOCUMENTENTRY', () => {
  it('reads one row per line, linked to its document by DOCHDRNO and DOCHDRID', async () => {
    await createTwoDocuments();
    const read = await call('q-1', entryQuery("DOCHDRID IN ('Sales Order-SO0001', 'Sales Invoice-SI0001')"));
    const rows = rowsOf(result(read).data, 'sodocumententry');
    assert.equal(result(read).data['@listtype'], 'sodocumententry');
    const [order, invoice] = ['Sales Order-SO0001', 'Sales Invoice-SI0001'].map((id) => sim.documents().find((d) => d.docId === id)!);
    assert.deepEqual(rows[0], {
      RECORDNO: '1', DOCHDRNO: order?.recordNo, DOCHDRID: 'Sales Order-SO0001', DOCPARID: 'Sales Order', LINE_NO: '0', ITEMID: 'ESP-BEANS-1KG',
      QUANTITY: '2', PRICE: '24.50', TOTAL: '49.00', WAREHOUSEID: 'WH-EAST', LOCATIONID: '', DEPARTMENTID: '',
      WHENCREATED: '05/01/2024', WHENMODIFIED: usDateTime(order!.createdAt),
    });
    assert.deepEqual(rows.map((r) => [r['DOCHDRID'], r['LINE_NO'], r['ITEMID'], r['TOTAL']]), [
      ['Sales Order-SO0001', '0', 'ESP-BEANS-1KG', '49.00'],
      ['Sales Order-SO0001', '1', 'MUG-CER-12', '26.97'],
      ['Sales Invoice-SI0001', '0', 'GRINDER-X', '99.00'],
    ]);
    assert.equal(rows[2]?.['DOCHDRNO'], invoice?.recordNo);
    assert.equal(new Set(rows.map((r) => r['RECORDNO'])).size, 3, 'RECORDNO is unique per line');
  });

  it('filters by DOCHDRID with = and IN, returning only the fields asked for', async () => {
    await createTwoDocuments();
    const one = await call('q-1', entryQuery("DOCHDRID = 'Sales Order-SO0001'", 'DOCHDRID'));
    assert.deepEqual(rowsOf(result(one).data, 'sodocumententry'), [{ DOCHDRID: 'Sales Order-SO0001' }, { DOCHDRID: 'Sales Order-SO0001' }]);
    const both = await call('q-2', entryQuery("DOCHDRID IN ('Sales Invoice-SI0001','Sales Order-SO9999')", 'DOCHDRID'));
    assert.deepEqual(rowsOf(result(both).data, 'sodocumententry'), [{ DOCHDRID: 'Sales Invoice-SI0001' }]);
    const none = await call('q-3', entryQuery("DOCHDRID IN ('Sales Order-SO9999')", 'DOCHDRID'));
    assert.equal(result(none).data['@count'], '0');
    const badField = await call('q-4', entryQuery("DOCID = 'Sales Order-SO0001'"));
    assert.equal(errorsOf(badField)[0]?.errorno, 'Query Failed');
  });

  it('pages with readMore and answers the structured query with <in>', async () => {
    await createTwoDocuments();
    const first = await call('q-1', entryQuery('', 'RECORDNO', 2));
    assert.equal(result(first).data['@numremaining'], '1');
    const more = await call('q-2', `<readMore><resultId>${result(first).data['@resultId']}</resultId></readMore>`);
    assert.deepEqual(rowsOf(result(more).data, 'sodocumententry'), [{ RECORDNO: '3' }]);

    const query = await call(
      'q-3',
      '<query><object>SODOCUMENTENTRY</object><select><field>DOCHDRID</field><field>ITEMID</field></select><filter><in><field>DOCHDRID</field><value>Sales Invoice-SI0001</value></in></filter></query>',
    );
    assert.deepEqual(rowsOf(result(query).data, 'SODOCUMENTENTRY'), [{ DOCHDRID: 'Sales Invoice-SI0001', ITEMID: 'GRINDER-X' }]);
  });

  it('keeps a line’s RECORDNO across updates, numbers added lines, and forgets deleted documents', async () => {
    await createTwoDocuments();
    const update = await call(
      'u-1',
      '<update_sotransaction key="Sales Order-SO0001"><updatesotransitems><updatesotransitem line_num="1"><quantity>5</quantity></updatesotransitem><sotransitem><itemid>FILTER-100</itemid><quantity>4</quantity><price>2.25</price></sotransitem></updatesotransitems></update_sotransaction>',
    );
    assert.equal(result(update).status, 'success', update.text);
    const read = await call('q-1', entryQuery("DOCHDRID = 'Sales Order-SO0001'", 'RECORDNO,LINE_NO,QUANTITY,TOTAL'));
    assert.deepEqual(rowsOf(result(read).data, 'sodocumententry'), [
      { RECORDNO: '1', LINE_NO: '0', QUANTITY: '5', TOTAL: '122.50' },
      { RECORDNO: '2', LINE_NO: '1', QUANTITY: '3', TOTAL: '26.97' },
      { RECORDNO: '4', LINE_NO: '2', QUANTITY: '4', TOTAL: '9.00' },
    ]);
    await call('d-1', '<delete_sotransaction key="Sales Order-SO0001"/>');
    const after = await call('q-2', entryQuery('', 'DOCHDRID'));
    assert.deepEqual(rowsOf(result(after).data, 'sodocumententry'), [{ DOCHDRID: 'Sales Invoice-SI0001' }]);
  });

  it('shows each company only its own lines', async () => {
    await createTwoDocuments();
    const read = await call('q-eu', entryQuery(''), { login: OTHER_COMPANY });
    assert.equal(result(read).data['@count'], '0');
  });

  it('parses DOCHDRID IN with escaped quotes in the readByQuery language', () => {
    const filter = parseQueryString("DOCHDRID IN ('Sales Order-O\\'Brien', 'Sales Order-SO0001')");
    assert.deepEqual(filter, { kind: 'in', field: 'DOCHDRID', values: ["Sales Order-O'Brien", 'Sales Order-SO0001'], negate: false });
    assert.equal(matches(filter, { DOCHDRID: "Sales Order-O'Brien" }), true);
    assert.equal(matches(filter, { DOCHDRID: 'Sales Order-SO0002' }), false);
  });
});

describe('Intacct simulator: document state steered from outside (POST /_sim/documents/state)', () => {
  it('stores the readable name of a name or code, bumps WHENMODIFIED and shows in reads', async () => {
    await createTwoDocuments();
    const before = sim.documents().find((d) => d.docId === 'Sales Order-SO0001')!;
    const converted = await setState({ docId: 'Sales Order-SO0001', state: 'Converted' });
    assert.equal(converted.status, 200);
    const body = (await converted.json()) as { state: string; modifiedAt: string };
    assert.equal(body.state, 'Converted');
    assert.ok(Date.parse(body.modifiedAt) >= Date.parse(before.createdAt));

    assert.equal((await setState({ docId: 'Sales Invoice-SI0001', state: 'P' })).status, 200);
    assert.equal((await setState({ docId: 'Sales Invoice-SI0001', state: 'in progress' })).status, 200);
    const read = await call('q-1', readByQueryXml("DOCPARID IN ('Sales Order', 'Sales Invoice')", { fields: 'DOCID,STATE' }));
    assert.deepEqual(result(read).data.sodocument, [
      { DOCID: 'Sales Order-SO0001', STATE: 'Converted' },
      { DOCID: 'Sales Invoice-SI0001', STATE: 'In Progress' },
    ]);
  });

  it('locks a Converted, Partially Converted or Closed document against update and delete', async () => {
    await createTwoDocuments();
    for (const [state, name] of [['Converted', 'Converted'], ['P', 'Partially Converted'], ['D', 'Closed']] as const) {
      assert.equal((await setState({ docId: 'Sales Order-SO0001', state })).status, 200);
      const update = await call(`u-${state}`, '<update_sotransaction key="Sales Order-SO0001"><message>x</message></update_sotransaction>');
      assert.match(errorsOf(update)[0]?.description2 ?? '', new RegExp(`in state ${name}; a ${name} document cannot be updated`));
      const remove = await call(`d-${state}`, '<delete_sotransaction key="Sales Order-SO0001"/>');
      assert.match(errorsOf(remove)[0]?.description2 ?? '', new RegExp(`a ${name} document cannot be deleted`));
    }
    assert.equal((await setState({ docId: 'Sales Order-SO0001', state: 'Pending' })).status, 200);
    const update = await call('u-pending', '<update_sotransaction key="Sales Order-SO0001"><message>reopened</message></update_sotransaction>');
    assert.equal(result(update).status, 'success');
  });

  it('answers 400 with zod issues for a bad body, 404 for an unknown DOCID', async () => {
    await createTwoDocuments();
    const badState = await setState({ docId: 'Sales Order-SO0001', state: 'Shipped' });
    assert.equal(badState.status, 400);
    const issues = ((await badState.json()) as { issues: Array<{ path: string[]; message: string }> }).issues;
    assert.deepEqual(issues.map((i) => i.path), [['state']]);
    assert.match(issues[0]?.message ?? '', /Partially Converted \(P\)/);
    assert.equal((await setState({ state: 'Closed' })).status, 400);
    assert.equal((await setState('not json')).status, 400);
    const unknown = await setState({ docId: 'Sales Order-SO9999', state: 'Closed' });
    assert.equal(unknown.status, 404);
    assert.equal(sim.documents().find((d) => d.docId === 'Sales Order-SO0001')?.state, 'Pending');
  });

  it('needs companyId when several companies have the DOCID', async () => {
    await call('so-us', createSalesOrderXml());
    await call('so-eu', createSalesOrderXml(), { login: OTHER_COMPANY });
    const ambiguous = await setState({ docId: 'Sales Order-SO0001', state: 'Closed' });
    assert.equal(ambiguous.status, 409);
    assert.deepEqual(((await ambiguous.json()) as { companyIds: string[] }).companyIds, ['TRIBUTARY-DEMO', 'TRIBUTARY-EU']);
    assert.equal((await setState({ docId: 'Sales Order-SO0001', state: 'Closed', companyId: 'TRIBUTARY-EU' })).status, 200);
    assert.deepEqual(sim.documents().map((d) => [d.companyId, d.state]), [['TRIBUTARY-DEMO', 'Pending'], ['TRIBUTARY-EU', 'Closed']]);
  });
});

describe('Intacct simulator: SODOCUMENT WHENMODIFIED filter', () => {
  it('selects documents modified at or after a time, to the second', async () => {
    await createTwoDocuments();
    await nextSecond();
    const steeredAt = Date.now();
    await setState({ docId: 'Sales Invoice-SI0001', state: 'Closed' });
    const since = usDateTime(new Date(Math.floor(steeredAt / 1000) * 1000).toISOString());
    const changed = await call('q-1', readByQueryXml(`WHENMODIFIED >= '${since}'`, { fields: 'DOCID,STATE,WHENMODIFIED' }));
    assert.deepEqual(result(changed).data.sodocument.map((r: Record<string, string>) => [r['DOCID'], r['STATE']]), [['Sales Invoice-SI0001', 'Closed']]);
    const steered = sim.documents().find((d) => d.docId === 'Sales Invoice-SI0001')!;
    assert.equal(result(changed).data.sodocument[0].WHENMODIFIED, usDateTime(steered.modifiedAt!));
    const atThatSecond = await call('q-1b', readByQueryXml(`WHENMODIFIED >= '${usDateTime(steered.modifiedAt!)}'`, { fields: 'DOCID' }));
    assert.deepEqual(result(atThatSecond).data.sodocument, [{ DOCID: 'Sales Invoice-SI0001' }], 'inclusive at the same second');

    const created = sim.documents()[0]!.createdAt;
    const all = await call('q-2', readByQueryXml(`WHENMODIFIED >= '${usDateTime(created)}' AND DOCPARID IN ('Sales Order', 'Sales Invoice')`, { fields: 'DOCID' }));
    assert.equal(result(all).data.sodocument.length, 2);
    const later = await call('q-3', readByQueryXml(`WHENMODIFIED > '${usDateTime(steered.modifiedAt!)}'`, { fields: 'DOCID' }));
    assert.equal(result(later).data['@count'], '0');
  });
});
