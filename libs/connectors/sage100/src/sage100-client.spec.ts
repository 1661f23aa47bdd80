import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { IntegrationError } from '@tributary/core';
import { Sage100Client, sage100UpdatedAtMs } from './sage100-client.js';
import type { Sage100RequestEvent } from './sage100-types.js';

/** A scripted facade: each request takes the next step; the spec reads what was sent. */
type Step = (request: { method: string; url: string; body: string }) => { status?: number; headers?: Record<string, string>; body?: unknown } | 'hang';

let server: Server;
let baseUrl: string;
let steps: Step[] = [];
let received: Array<{ method: string; url: string; headers: IncomingHttpHeaders; body: string }> = [];
let inFlight = 0;
let maxInFlight = 0;

before(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => {
      inFlight += 1;
      maxInFlight = Math.max(maxInFlight, inFlight);
      received.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      const step = steps.shift();
      const reply = step ? step({ method: req.method ?? '', url: req.url ?? '', body }) : { status: 500, body: { error: 'internal', message: 'no step scripted' } };
      if (reply === 'hang') return;
      setTimeout(() => {
        inFlight -= 1;
        const text = reply.body === undefined ? '' : typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body);
        res.writeHead(reply.status ?? 200, { 'content-type': 'application/json', ...reply.headers }).end(text);
      }, 20);
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
  inFlight = 0;
  maxInFlight = 0;
});

const API_KEY = 'secret-key-do-not-log';
const client = (events: Sage100RequestEvent[] = [], extra: { timeoutMs?: number; maxConcurrentRequests?: number; apiUrl?: string } = {}) =>
  new Sage100Client({ apiUrl: extra.apiUrl ?? `${baseUrl}/facade/v1/`, apiKey: API_KEY, companyCode: 'ABC', timeoutMs: extra.timeoutMs ?? 2000, onRequest: (e) => events.push(e), ...(extra.maxConcurrentRequests ? { maxConcurrentRequests: extra.maxConcurrentRequests } : {}) });

const stamp = { DateUpdated: '2026-11-25', TimeUpdated: '14:03:09' };
const order = {
  SalesOrderNo: '0000042', ARDivisionNo: '01', CustomerNo: 'WEBSALES', OrderDate: '2026-11-25', OrderType: 'S', OrderStatus: 'N', CustomerPONo: 'CL-100045',
  ShipVia: 'UPS GROUND', TermsCode: '00', TaxSchedule: 'WEB', PaymentType: 'VISA', FreightAmt: 7.95, SalesTaxAmt: 5.12, TaxableAmt: 73.27, NonTaxableAmt: 0,
  DiscountAmt: 0, DepositAmt: 0, DateCreated: '2026-11-25', TimeCreated: '14:03:09', ...stamp,
  Lines: [{ LineKey: '000001', ItemCode: 'ESP-BEANS-1KG', ItemType: '1', ItemCodeDesc: 'Espresso beans 1 kg', WarehouseCode: '000', QuantityOrdered: 2, QuantityShipped: 0, UnitPrice: 24.5, LineDiscountPercent: 0, ExtensionAmt: 49 }],
};
const history = { SalesOrderNo: '0000007', ARDivisionNo: '01', CustomerNo: 'WEBSALES', OrderDate: '2026-11-20', OrderType: 'S', OrderStatus: 'C', CustomerPONo: 'CL-100045', LastInvoiceNo: '0000003', ...stamp };
const page = (records: unknown[], next: string | null = null) => ({ body: { Records: records, NextCursor: next } });

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

describe('Sage100Client', () => {
  it('sends the key and company headers under the API URL path, JSON both ways, and reports each exchange', async () => {
    const events: Sage100RequestEvent[] = [];
    const sage = client(events);
    steps = [() => ({ status: 201, body: order })];
    const created = await sage.createSalesOrder({ ARDivisionNo: '01', CustomerNo: 'WEBSALES', OrderDate: '2026-11-25', CustomerPONo: 'CL-100045', Lines: [{ ItemCode: 'ESP-BEANS-1KG', QuantityOrdered: 2 }] });
    await sage.close();
    assert.equal(created.SalesOrderNo, '0000042');
    const [sent] = received;
    assert.deepEqual([sent?.method, sent?.url], ['POST', '/facade/v1/SO/SalesOrder']);
    assert.equal(sent?.headers['x-api-key'], API_KEY);
    assert.equal(sent?.headers['x-company-code'], 'ABC');
    assert.equal(sent?.headers['content-type'], 'application/json');
    assert.deepEqual(JSON.parse(sent?.body ?? ''), { ARDivisionNo: '01', CustomerNo: 'WEBSALES', OrderDate: '2026-11-25', CustomerPONo: 'CL-100045', Lines: [{ ItemCode: 'ESP-BEANS-1KG', QuantityOrdered: 2 }] });
    assert.deepEqual(events.map((e) => `${e.operation}:${e.status}`), ['createSalesOrder:success']);
  });

  it('returns null for a 404 on a read, and throws NOT_FOUND for one on a write', async () => {
    const sage = client();
    steps = [() => ({ status: 404, body: { error: 'not_found', message: 'Sales order 0000099 is not on file' } }), () => ({ status: 404, body: { error: 'not_found', message: 'Customer 01-NOBODY is not on file' } }), () => ({ status: 404, body: { error: 'not_found', message: 'x' } })];
    assert.equal(await sage.getSalesOrder('0000099'), null);
    assert.equal(await sage.findCustomer('01', 'NOBODY'), null);
    const error = await rejectsWith(sage.updateSalesOrder('0000099', { ShipVia: 'UPS' }), 'SAGE100.NOT_FOUND');
    assert.equal(error.transient, false);
    await sage.close();
  });

  it('follows NextCursor through every page of a delta list, with the watermark as an inclusive second', async () => {
    const sage = client();
    steps = [() => page([order], 'c1'), () => page([{ ...order, SalesOrderNo: '0000043' }], 'c2'), () => page([])];
    const orders = await sage.listSalesOrdersChangedSince(Date.parse('2026-11-25T14:03:09.700Z'));
    await sage.close();
    assert.deepEqual(orders.map((o) => o.SalesOrderNo), ['0000042', '0000043']);
    assert.deepEqual(received.map((r) => r.url), [
      '/facade/v1/SO/SalesOrder?DateUpdatedFrom=2026-11-25T14%3A03%3A09&PageSize=200',
      '/facade/v1/SO/SalesOrder?DateUpdatedFrom=2026-11-25T14%3A03%3A09&PageSize=200&Cursor=c1',
      '/facade/v1/SO/SalesOrder?DateUpdatedFrom=2026-11-25T14%3A03%3A09&PageSize=200&Cursor=c2',
    ]);
    assert.equal(sage100UpdatedAtMs(order), Date.parse('2026-11-25T14:03:09Z'));
  });

  it('looks a PO number up in open orders and history, keeping exact matches only', async () => {
    const sage = client();
    steps = [
      ({ url }) => (url.includes('SalesOrderHistory') ? page([history]) : page([order, { ...order, SalesOrderNo: '0000050', CustomerPONo: 'cl-100045' }])),
      ({ url }) => (url.includes('SalesOrderHistory') ? page([history]) : page([order, { ...order, SalesOrderNo: '0000050', CustomerPONo: 'cl-100045' }])),
    ];
    const found = await sage.findSalesOrdersByPo('CL-100045', { ARDivisionNo: '01', CustomerNo: 'WEBSALES' });
    await sage.close();
    assert.deepEqual(found.open.map((o) => o.SalesOrderNo), ['0000042']);
    assert.deepEqual(found.history.map((o) => o.SalesOrderNo), ['0000007']);
    assert.ok(received.every((r) => r.url.includes('CustomerPONo=CL-100045&ARDivisionNo=01&CustomerNo=WEBSALES')));
  });

  it('searches customers by e-mail or by name and ZIP code', async () => {
    const sage = client();
    steps = [() => page([]), () => page([])];
    await sage.searchCustomers({ email: 'Jordan.Alvarez@example.com' });
    await sage.searchCustomers({ name: "Maeve O'Connell", zip: '02116' });
    await sage.close();
    assert.deepEqual(received.map((r) => r.url), [
      '/facade/v1/AR/Customer?EmailAddress=Jordan.Alvarez%40example.com&PageSize=200',
      "/facade/v1/AR/Customer?CustomerName=Maeve+O%27Connell&ZipCode=02116&PageSize=200",
    ]);
  });

  it('surfaces the BOI text of a 422, permanent', async () => {
    const sage = client();
    steps = [() => ({ status: 422, body: { error: 'validation', message: 'The ShipVia exceeds the maximum length of 15 characters.', field: 'ShipVia' } })];
    const error = await rejectsWith(sage.createSalesOrder({ ARDivisionNo: '01', CustomerNo: 'WEBSALES', OrderDate: '2026-11-25', ShipVia: 'FEDEX 2-DAY PRIORITY', Lines: [{ ItemCode: 'A', QuantityOrdered: 1 }] }), 'SAGE100.VALIDATION');
    await sage.close();
    assert.equal(error.message, 'The ShipVia exceeds the maximum length of 15 characters.');
    assert.equal(error.details['field'], 'ShipVia');
  });

  it('holds the next requests for the Retry-After of a 429', async () => {
    const sage = client();
    steps = [() => ({ status: 429, headers: { 'retry-after': '1' }, body: { error: 'throttled', message: 'slow down' } }), () => page([])];
    const error = await rejectsWith(sage.listPaymentTypes(), 'SAGE100.THROTTLED');
    assert.equal(error.details['retryAfterMs'], 1000);
    const started = Date.now();
    await sage.listPaymentTypes();
    assert.ok(Date.now() - started >= 900, 'the next request waited for Retry-After');
    await sage.close();
  });

  it('times out as TIMEOUT with the outcome of a write unknown', async () => {
    const sage = client([], { timeoutMs: 150 });
    steps = ['hang' as const].map((h) => () => h);
    const error = await rejectsWith(sage.createCashReceipt({ ARDivisionNo: '01', CustomerNo: 'WEBSALES', PaymentType: 'VISA', TransactionDate: '2026-11-25', PostingAmt: 10, Reference: 'pay_1' }), 'SAGE100.TIMEOUT');
    assert.deepEqual([error.transient, error.details['outcomeUnknown']], [true, true]);
    await sage.close();
  });

  it('reports a refused connection as OFFLINE with nothing written', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const sage = client([], { apiUrl: `http://127.0.0.1:${port}` });
    const error = await rejectsWith(sage.createSalesOrder({ ARDivisionNo: '01', CustomerNo: 'WEBSALES', OrderDate: '2026-11-25', Lines: [{ ItemCode: 'A', QuantityOrdered: 1 }] }), 'SAGE100.OFFLINE');
    assert.deepEqual([error.transient, error.details['outcomeUnknown']], [true, false]);
    await sage.close();
  });

  it('treats a reply that does not match the contract as UNAVAILABLE, unknown for a write', async () => {
    const sage = client();
    steps = [() => ({ status: 201, body: { SalesOrderNo: 42 } }), () => ({ status: 200, body: 'not json' })];
    const error = await rejectsWith(sage.createSalesOrder({ ARDivisionNo: '01', CustomerNo: 'WEBSALES', OrderDate: '2026-11-25', Lines: [{ ItemCode: 'A', QuantityOrdered: 1 }] }), 'SAGE100.UNAVAILABLE');
    assert.equal(error.details['outcomeUnknown'], true);
    await rejectsWith(sage.getItem('X'), 'SAGE100.UNAVAILABLE');
    await sage.close();
  });

  it('keeps at most maxConcurrentRequests in flight per agent, across clients', async () => {
    const a = client([], { maxConcurrentRequests: 2 });
    const b = client([], { maxConcurrentRequests: 2 });
    steps = Array.from({ length: 6 }, () => () => page([]));
    await Promise.all([a.listPaymentTypes(), a.listPaymentTypes(), a.listPaymentTypes(), b.listPaymentTypes(), b.listPaymentTypes(), b.listPaymentTypes()]);
    await a.close();
    await b.close();
    assert.equal(received.length, 6);
    assert.equal(maxInFlight, 2);
  });

  it('never puts the API key in an error or an event', async () => {
    const events: Sage100RequestEvent[] = [];
    const sage = client(events);
    steps = [() => ({ status: 401, body: { error: 'unauthorized', message: 'X-API-Key is missing or not known' } }), () => ({ status: 500, body: `<html>${API_KEY}?</html>`.replace(API_KEY, 'redacted') })];
    const auth = await rejectsWith(sage.listPaymentTypes(), 'SAGE100.AUTH_FAILED');
    assert.equal(auth.transient, true);
    const failed = await rejectsWith(sage.getItem('X'), 'SAGE100.UNAVAILABLE');
    await sage.close();
    for (const text of [auth.message, JSON.stringify(auth.details), failed.message, JSON.stringify(failed.details), JSON.stringify(events), JSON.stringify(sage)]) {
      assert.ok(!text.includes(API_KEY), text);
    }
  });
});
