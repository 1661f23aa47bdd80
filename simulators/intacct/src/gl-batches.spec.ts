import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { IntacctSimulator, StoredGlBatch } from './simulator-types.js';
import { envelope, fn, loginAuth, post, startTestSimulator } from './testing/gateway-test-kit.js';

let sim: IntacctSimulator;

before(async () => {
  sim = await startTestSimulator();
});
after(() => sim.close());
beforeEach(() => sim.reset());

const result = (reply: { xml: any }) => reply.xml.response.operation.result[0];
const errorOf = (reply: { xml: any }) => result(reply).errormessage.error[0];
const call = (controlId: string, body: string) => post(sim.url, envelope(loginAuth, [fn(controlId, body)]));
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

interface Line {
  account: string;
  amount: string;
  type: '1' | '-1';
  currency?: string;
  description?: string;
  location?: string;
  department?: string;
  customerId?: string;
}

/** Clarity order 10045 settled through Stripe: cash and fees against the receivable. */
const SETTLEMENT: Line[] = [
  { account: '1010', amount: '81.42', type: '1', currency: 'USD', description: 'Stripe payout po_1Q & co', location: 'US-EAST', department: 'ECOM' },
  { account: '6120', amount: '2.72', type: '1', currency: 'USD', description: 'Stripe fee', location: 'US-EAST', department: 'FIN' },
  { account: '1200', amount: '84.14', type: '-1', currency: 'USD', description: 'Clarity order 10045', location: 'US-EAST', customerId: 'CUST-00042' },
];

const glEntryXml = (l: Line) =>
  `<GLENTRY><ACCOUNTNO>${l.account}</ACCOUNTNO>${l.currency ? `<CURRENCY>${l.currency}</CURRENCY>` : ''}<TRX_AMOUNT>${l.amount}</TRX_AMOUNT><TR_TYPE>${l.type}</TR_TYPE>${l.description ? `<DESCRIPTION>${esc(l.description)}</DESCRIPTION>` : ''}${l.location ? `<LOCATION>${l.location}</LOCATION>` : ''}${l.department ? `<DEPARTMENT>${l.department}</DEPARTMENT>` : ''}${l.customerId ? `<CUSTOMERID>${l.customerId}</CUSTOMERID>` : ''}</GLENTRY>`;

const glBatchXml = (opts: { journal?: string; date?: string; title?: string; referenceNo?: string; state?: string; lines?: Line[]; entriesXml?: string } = {}) =>
  `<create><GLBATCH>${opts.journal === '' ? '' : `<JOURNAL>${opts.journal ?? 'GJ'}</JOURNAL>`}${opts.date === '' ? '' : `<BATCH_DATE>${opts.date ?? '05/01/2024'}</BATCH_DATE>`}${opts.title === '' ? '' : `<BATCH_TITLE>${esc(opts.title ?? 'Clarity order 10045 settlement')}</BATCH_TITLE>`}<REFERENCENO>${opts.referenceNo ?? 'CL-10045'}</REFERENCENO>${opts.state ? `<STATE>${opts.state}</STATE>` : ''}<ENTRIES>${opts.entriesXml ?? (opts.lines ?? SETTLEMENT).map(glEntryXml).join('')}</ENTRIES></GLBATCH></create>`;

const rowsOf = (data: any, tag: string): Array<Record<string, string>> => {
  const rows = data?.[tag] ?? [];
  return Array.isArray(rows) ? rows : [rows];
};

describe('Intacct simulator: GLBATCH create', () => {
  it('stores a balanced batch with RECORDNO and BATCHNO and answers with the glbatch RECORDNO', async () => {
    const reply = await call('gl-1', glBatchXml());
    assert.equal(result(reply).status, 'success');
    assert.equal(result(reply).function, 'create');
    assert.deepEqual(result(reply).data, { '@listtype': 'objects', '@count': '1', glbatch: { RECORDNO: '1' } });
    const [batch] = sim.glBatches();
    assert.deepEqual(
      { ...batch, createdAt: undefined },
      {
        recordNo: '1', batchNo: '1', companyId: 'TRIBUTARY-DEMO', journal: 'GJ', batchDate: '05/01/2024', title: 'Clarity order 10045 settlement',
        referenceNo: 'CL-10045', state: 'Posted', controlId: 'gl-1', createdAt: undefined,
        entries: [
          { recordNo: '2', lineNo: 1, accountNo: '1010', trType: 1, amount: '81.42', currency: 'USD', description: 'Stripe payout po_1Q & co', location: 'US-EAST', department: 'ECOM' },
          { recordNo: '3', lineNo: 2, accountNo: '6120', trType: 1, amount: '2.72', currency: 'USD', description: 'Stripe fee', location: 'US-EAST', department: 'FIN' },
          { recordNo: '4', lineNo: 3, accountNo: '1200', trType: -1, amount: '84.14', currency: 'USD', description: 'Clarity order 10045', location: 'US-EAST', customerId: 'CUST-00042' },
        ],
      },
    );
    const second = await call('gl-2', glBatchXml({ referenceNo: 'CL-10046', state: 'Draft' }));
    assert.equal(result(second).data.glbatch.RECORDNO, '5');
    assert.deepEqual(sim.glBatches().map((b) => [b.batchNo, b.state]), [['1', 'Posted'], ['2', 'Draft']]);
    await call('gl-3', glBatchXml({ journal: 'SJ' }));
    assert.equal(sim.glBatches()[2]?.batchNo, '1', 'batch numbers run per journal');
  });

  it('compares debits and credits in whole cents: 0.10 + 0.20 balances 0.30', async () => {
    const lines: Line[] = [
      { account: '1200', amount: '0.1', type: '1' },
      { account: '1200', amount: '0.20', type: '1' },
      { account: '4000', amount: '0.30', type: '-1' },
    ];
    assert.equal(result(await call('gl-cents', glBatchXml({ lines }))).status, 'success');
    assert.deepEqual(sim.glBatches()[0]?.entries.map((e) => e.amount), ['0.10', '0.20', '0.30']);
  });

  it('refuses an unbalanced batch with BL01001973 naming both totals, storing nothing', async () => {
    const reply = await call('gl-unbalanced', glBatchXml({ lines: [...SETTLEMENT.slice(0, 2), { account: '1200', amount: '84.13', type: '-1' }] }));
    assert.equal(result(reply).status, 'failure');
    const error = errorOf(reply);
    assert.equal(error.errorno, 'BL01001973');
    assert.equal(error.description, 'Could not create GLBATCH record!');
    assert.match(error.description2, /debits 84\.14 and credits 84\.13 do not balance/);
    assert.ok(error.correction);
    assert.deepEqual(sim.glBatches(), []);
    const penny = await call('gl-penny', glBatchXml({ lines: [{ account: '1200', amount: '0.10', type: '1' }, { account: '1200', amount: '0.20', type: '1' }, { account: '4000', amount: '0.31', type: '-1' }] }));
    assert.match(errorOf(penny).description2, /debits 0\.30 and credits 0\.31/);
  });

  it('refuses missing header fields, too few lines and bad lines with a clear description2', async () => {
    const cases: Array<[string, RegExp]> = [
      [glBatchXml({ journal: '' }), /JOURNAL .* is required/],
      [glBatchXml({ date: '' }), /BATCH_DATE is required/],
      [glBatchXml({ date: '2024-05-01' }), /BATCH_DATE '2024-05-01' is not a valid date/],
      [glBatchXml({ date: '02/30/2024' }), /not a valid date/],
      [glBatchXml({ title: '' }), /BATCH_TITLE .* is required/],
      [glBatchXml({ state: 'Approved' }), /STATE 'Approved' is not one of Draft, Posted/],
      [glBatchXml({ lines: SETTLEMENT.slice(0, 1) }), /at least two GLENTRY/],
      [glBatchXml({ entriesXml: '<GLENTRY><TRX_AMOUNT>1.00</TRX_AMOUNT><TR_TYPE>1</TR_TYPE></GLENTRY><GLENTRY><ACCOUNTNO>1</ACCOUNTNO><TRX_AMOUNT>1.00</TRX_AMOUNT><TR_TYPE>-1</TR_TYPE></GLENTRY>' }), /GLENTRY 1: ACCOUNTNO is required/],
      [glBatchXml({ lines: [SETTLEMENT[0]!, { account: '1200', amount: '81.425', type: '-1' }] }), /GLENTRY 2: TRX_AMOUNT '81.425' is not a positive amount with at most 2 decimals/],
      [glBatchXml({ lines: [SETTLEMENT[0]!, { account: '1200', amount: '-81.42', type: '-1' }] }), /TRX_AMOUNT '-81.42'/],
      [glBatchXml({ lines: [SETTLEMENT[0]!, { account: '1200', amount: '0.00', type: '-1' }] }), /TRX_AMOUNT '0.00'/],
      [glBatchXml({ entriesXml: `${glEntryXml(SETTLEMENT[0]!)}<GLENTRY><ACCOUNTNO>1200</ACCOUNTNO><TRX_AMOUNT>81.42</TRX_AMOUNT></GLENTRY>` }), /GLENTRY 2: TR_TYPE '' must be 1 \(debit\) or -1 \(credit\)/],
      [glBatchXml({ lines: [SETTLEMENT[0]!, { ...SETTLEMENT[2]!, amount: '81.42', currency: 'CAD' }] }), /one batch takes one currency/],
    ];
    for (const [xml, description2] of cases) {
      const reply = await call(`gl-bad-${Math.random()}`, xml);
      assert.equal(result(reply).status, 'failure', xml);
      assert.equal(errorOf(reply).errorno, 'BL01001973');
      assert.match(errorOf(reply).description2, description2);
      assert.equal(result(reply).errormessage.error[1].description2, 'Could not create GLBATCH record!');
    }
    assert.deepEqual(sim.glBatches(), []);
  });

  it('refuses GLBATCH or GLENTRY elements out of §1.12 order at control level', async () => {
    const headerSwap = await call('gl-order-1', glBatchXml().replace(/<JOURNAL>GJ<\/JOURNAL>(<BATCH_DATE>[^<]*<\/BATCH_DATE>)/, '$1<JOURNAL>GJ</JOURNAL>'));
    assert.equal(headerSwap.xml.response.errormessage.error[0].errorno, 'XL03000003');
    const lineSwap = await call('gl-order-2', glBatchXml().replace('<TRX_AMOUNT>81.42</TRX_AMOUNT><TR_TYPE>1</TR_TYPE>', '<TR_TYPE>1</TR_TYPE><TRX_AMOUNT>81.42</TRX_AMOUNT>'));
    assert.match(lineSwap.xml.response.errormessage.error[0].description2, /TRX_AMOUNT/);
    const locationId = await call('gl-order-3', glBatchXml().replace('<LOCATION>US-EAST</LOCATION><DEPARTMENT>ECOM</DEPARTMENT>', '<DEPARTMENT>ECOM</DEPARTMENT><LOCATION>US-EAST</LOCATION>'));
    assert.equal(locationId.xml.response.control.status, 'failure');
    assert.deepEqual(sim.glBatches(), []);
  });

  it('rolls a batch back with the rest of a failed transaction', async () => {
    const reply = await post(sim.url, envelope(loginAuth, [fn('gl-ok', glBatchXml()), fn('gl-bad', glBatchXml({ lines: SETTLEMENT.slice(0, 2) }))], { transaction: true }));
    assert.deepEqual(reply.xml.response.operation.result.map((r: any) => r.status), ['aborted', 'failure']);
    assert.deepEqual(sim.glBatches(), []);
  });
});

describe('Intacct simulator: reading GLBATCH and GLENTRY', () => {
  it('finds a batch by REFERENCENO and reads its entries by BATCHNO', async () => {
    await call('gl-1', glBatchXml({ referenceNo: 'CL-10044' }));
    await call('gl-2', glBatchXml());
    const batches = await call('q-1', `<readByQuery><object>GLBATCH</object><fields>*</fields><query>REFERENCENO = 'CL-10045'</query><pagesize>10</pagesize></readByQuery>`);
    const [batch] = rowsOf(result(batches).data, 'glbatch');
    assert.equal(result(batches).data['@listtype'], 'glbatch');
    assert.deepEqual(Object.keys(batch ?? {}), ['RECORDNO', 'BATCHNO', 'JOURNAL', 'BATCH_DATE', 'BATCH_TITLE', 'REFERENCENO', 'STATE', 'WHENCREATED', 'WHENMODIFIED']);
    assert.deepEqual({ ...batch, WHENCREATED: '', WHENMODIFIED: '' }, {
      RECORDNO: '5', BATCHNO: '2', JOURNAL: 'GJ', BATCH_DATE: '05/01/2024', BATCH_TITLE: 'Clarity order 10045 settlement', REFERENCENO: 'CL-10045', STATE: 'Posted', WHENCREATED: '', WHENMODIFIED: '',
    });
    assert.match(batch?.WHENCREATED ?? '', /^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}:\d{2}$/);

    const entries = await call('q-2', `<query><object>GLENTRY</object><select><field>LINE_NO</field><field>ACCOUNTNO</field><field>TR_TYPE</field><field>TRX_AMOUNT</field><field>LOCATION</field><field>DEPARTMENT</field><field>CUSTOMERID</field></select><filter><equalto><field>BATCHNO</field><value>5</value></equalto></filter><orderby><order><field>LINE_NO</field></order></orderby></query>`);
    assert.deepEqual(rowsOf(result(entries).data, 'GLENTRY'), [
      { LINE_NO: '1', ACCOUNTNO: '1010', TR_TYPE: '1', TRX_AMOUNT: '81.42', LOCATION: 'US-EAST', DEPARTMENT: 'ECOM', CUSTOMERID: '' },
      { LINE_NO: '2', ACCOUNTNO: '6120', TR_TYPE: '1', TRX_AMOUNT: '2.72', LOCATION: 'US-EAST', DEPARTMENT: 'FIN', CUSTOMERID: '' },
      { LINE_NO: '3', ACCOUNTNO: '1200', TR_TYPE: '-1', TRX_AMOUNT: '84.14', LOCATION: 'US-EAST', DEPARTMENT: '', CUSTOMERID: 'CUST-00042' },
    ]);
  });

  it('keeps each company to its own batches', async () => {
    const other = await startTestSimulator({ users: [{ companyId: 'TRIBUTARY-DEMO', userId: 'ws_user', password: 'ws-pass' }, { companyId: 'OTHER-CO', userId: 'ws_user', password: 'ws-pass' }] });
    try {
      await post(other.url, envelope(loginAuth, [fn('gl-1', glBatchXml())]));
      const read = await post(other.url, envelope({ login: { companyId: 'OTHER-CO', userId: 'ws_user', password: 'ws-pass' } }, [fn('q', '<readByQuery><object>GLBATCH</object><fields>RECORDNO</fields><query></query><pagesize>10</pagesize></readByQuery>')]));
      assert.equal(result(read).data['@count'], '0');
    } finally {
      await other.close();
    }
  });

  it('serves GET /_sim/gl-batches with the entries, and forgets batches on reset', async () => {
    await call('gl-1', glBatchXml());
    const listed = (await (await fetch(`${sim.adminUrl}/gl-batches`)).json()) as StoredGlBatch[];
    assert.equal(listed.length, 1);
    assert.deepEqual(listed[0]?.entries.map((e) => [e.accountNo, e.trType, e.amount]), [['1010', 1, '81.42'], ['6120', 1, '2.72'], ['1200', -1, '84.14']]);
    sim.reset();
    assert.deepEqual(sim.glBatches(), []);
  });
});
