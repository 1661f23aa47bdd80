import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { IntegrationError } from '@tributary/core';
import { IntacctClient } from './intacct-client.js';
import { apiSessionReply, listReply } from './response/reply-fixtures.js';

/** A scripted gateway: each request takes the next step; the spec reads what was sent. */
type Step = (request: { body: string; controlId: string }) => string;

let server: Server;
let baseUrl: string;
let steps: Step[] = [];
let received: string[] = [];

before(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => {
      received.push(body);
      const step = steps.shift();
      const controlId = /<function controlid="([^"]+)"/.exec(body)?.[1] ?? '';
      if (!step) return res.writeHead(500).end('no step scripted');
      res.writeHead(200, { 'content-type': 'text/xml' }).end(step({ body, controlId }));
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

const signIn: Step = ({ controlId }) => apiSessionReply(controlId, `${baseUrl}/ia/xml/xmlgw.phtml`);

const client = () =>
  new IntacctClient({
    endpointUrl: `${baseUrl}/ia/xml/xmlgw.phtml`,
    credentials: { senderId: 'tributary', senderPassword: 'sp', userId: 'ws_user', companyId: 'TRIBUTARY-DEMO', userPassword: 'up' },
    timeoutMs: 2000,
  });

const document = (recordNo: string, docId: string, state: string, whenModified: string, createdFrom = '') => ({
  RECORDNO: recordNo, DOCID: docId, DOCNO: docId.split('-').pop() ?? '', DOCPARID: docId.split('-')[0] ?? '', STATE: state, TOTAL: '24.50',
  PONUMBER: `WEB-${recordNo}`, PRRECORDKEY: '', CURRENCY: 'USD', WHENCREATED: '11/25/2026', WHENMODIFIED: whenModified, CREATEDFROM: createdFrom,
});

describe('IntacctClient: sales document changes and line counts', () => {
  it('polls documents changed since a time across readMore pages, sorted by modifiedAt then recordNo', async () => {
    const intacct = client();
    steps = [
      signIn,
      ({ controlId }) =>
        listReply(controlId, 'readByQuery', 'sodocument', [document('12', 'Sales Order-SO0012', 'Closed', '11/25/2026 10:00:01'), document('3', 'Sales Order-SO0003', 'Converted', '11/25/2026 10:00:00')], {
          numRemaining: 1,
          resultId: 'res-so-9W',
        }),
      ({ controlId }) => listReply(controlId, 'readMore', 'sodocument', [document('9', 'Sales Credit Memo-SCM0001', 'Pending', '11/25/2026 10:00:01', 'Sales Invoice-SI0004')]),
    ];
    const changed = await intacct.listSalesDocumentsChangedSince(['Sales Order', 'Sales Credit Memo'], Date.UTC(2026, 10, 25, 10, 0, 0, 750));
    assert.deepEqual(changed.map((d) => [d.recordNo, d.state]), [['3', 'Converted'], ['9', 'Pending'], ['12', 'Closed']]);
    assert.equal(changed[0]?.modifiedAt, Date.UTC(2026, 10, 25, 10, 0, 0));
    assert.equal(changed[1]?.createdFrom, 'Sales Invoice-SI0004');
    assert.match(
      received[1] ?? '',
      /<object>SODOCUMENT<\/object>.*<query>DOCPARID IN \(&apos;Sales Order&apos;, &apos;Sales Credit Memo&apos;\) AND WHENMODIFIED &gt;= &apos;11\/25\/2026 10:00:00&apos;<\/query><pagesize>1000<\/pagesize>/s,
    );
    assert.match(received[2] ?? '', /<readMore><resultId>res-so-9W<\/resultId><\/readMore>/);
    await intacct.close();
  });

  it('asks nothing for no definitions, refuses a non-finite time, and treats a row without WHENMODIFIED as unreadable', async () => {
    const intacct = client();
    assert.deepEqual(await intacct.listSalesDocumentsChangedSince([], 0), []);
    await assert.rejects(intacct.listSalesDocumentsChangedSince(['Sales Order'], Number.NaN), RangeError);
    assert.equal(received.length, 0);
    const { WHENMODIFIED: _, ...undated } = document('1', 'Sales Order-SO0001', 'Pending', '');
    steps = [signIn, ({ controlId }) => listReply(controlId, 'readByQuery', 'sodocument', [undated])];
    await assert.rejects(intacct.listSalesDocumentsChangedSince(['Sales Order'], 0), (e: unknown) =>
      e instanceof IntegrationError && e.code === 'INTACCT.UNAVAILABLE' && e.transient);
    await intacct.close();
  });

  it('counts lines per document in chunks of 100 ids, following readMore, 0 for ids without lines', async () => {
    const intacct = client();
    const ids = Array.from({ length: 101 }, (_, n) => `Sales Invoice-SI${String(n + 1).padStart(4, '0')}`);
    const line = (docId: string) => ({ DOCHDRID: docId });
    steps = [
      signIn,
      ({ controlId }) => listReply(controlId, 'readByQuery', 'sodocumententry', [line(ids[0]!), line(ids[0]!)], { numRemaining: 1, resultId: 'res-lines-1' }),
      ({ controlId }) => listReply(controlId, 'readMore', 'sodocumententry', [line(ids[1]!)]),
      ({ controlId }) => listReply(controlId, 'readByQuery', 'sodocumententry', [line(ids[100]!), line(ids[100]!), line(ids[100]!)]),
    ];
    const counts = await intacct.countSalesDocumentLines(ids);
    assert.equal(counts.size, 101);
    assert.deepEqual([counts.get(ids[0]!), counts.get(ids[1]!), counts.get(ids[2]!), counts.get(ids[100]!)], [2, 1, 0, 3]);
    assert.match(received[1] ?? '', /<object>SODOCUMENTENTRY<\/object><fields>DOCHDRID<\/fields><query>DOCHDRID IN \(&apos;Sales Invoice-SI0001&apos;, /);
    assert.match(received[2] ?? '', /<readMore><resultId>res-lines-1<\/resultId><\/readMore>/);
    assert.match(received[3] ?? '', /<query>DOCHDRID IN \(&apos;Sales Invoice-SI0101&apos;\)<\/query>/);
    assert.deepEqual(await intacct.countSalesDocumentLines([]), new Map());
    assert.equal(received.length, 4, 'no ids, no request');
    await intacct.close();
  });
});
