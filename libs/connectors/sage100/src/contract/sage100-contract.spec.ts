import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, request as httpRequest, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';
import { IntegrationError } from '@tributary/core';
import { startSage100Simulator, type Sage100Simulator } from '@tributary/simulator-sage100';
import { Sage100Client } from '../sage100-client.js';
import * as schemas from '../sage100-schemas.js';
import { sage100Requests } from '../request/sage100-requests.js';
import { FacadeContract } from './openapi-contract.js';

/** One request the client sent and the simulator's answer, as seen on the wire. */
interface Exchange {
  method: string;
  url: string;
  headers: Record<string, string | undefined>;
  body?: unknown;
  status: number;
  replyHeaders: Record<string, string | undefined>;
  reply?: unknown;
}

const flat = (headers: IncomingHttpHeaders) => Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : v]));
const json = (text: string) => (text.trim() === '' ? undefined : JSON.parse(text));

/** A proxy between client and simulator that records every exchange. */
const recordingProxy = async (target: string, exchanges: Exchange[]): Promise<{ url: string; server: Server }> => {
  const upstream = new URL(target);
  const server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => {
      const forward = httpRequest({ host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: req.headers }, (reply) => {
        let text = '';
        reply.setEncoding('utf8');
        reply.on('data', (chunk: string) => (text += chunk));
        reply.on('end', () => {
          exchanges.push({
            method: req.method ?? 'GET', url: req.url ?? '/', headers: flat(req.headers), ...(body ? { body: json(body) } : {}),
            status: reply.statusCode ?? 0, replyHeaders: flat(reply.headers), ...(text ? { reply: json(text) } : {}),
          });
          res.writeHead(reply.statusCode ?? 502, reply.headers).end(text);
        });
      });
      forward.on('error', () => res.destroy());
      forward.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
};

const code = (expected: string) => (error: unknown) => error instanceof IntegrationError && error.code === expected;

describe('Sage 100 facade contract: client ⇄ OpenAPI document ⇄ simulator', () => {
  const contract = FacadeContract.load();
  const exchanges: Exchange[] = [];
  let sim: Sage100Simulator;
  let proxy: { url: string; server: Server };
  let client: Sage100Client;

  before(async () => {
    sim = await startSage100Simulator({
      apiKeys: ['contract-key'],
      companies: [{ code: 'ABC', divisions: ['01', '02'] }],
      customers: [{ ARDivisionNo: '01', CustomerNo: 'WEBSALES', CustomerName: 'Web Sales', EmailAddress: 'websales@tributary.example', ZipCode: '97205' }],
      items: [
        { ItemCode: 'ESP-BEANS-1KG', ItemType: '1', description: 'Espresso beans 1 kg', StandardUnitPrice: 24.5, warehouses: [{ WarehouseCode: '000', QuantityOnHand: 50 }] },
        { ItemCode: 'MUG-CER-12', ItemType: '1', description: 'Ceramic mug 12 oz', StandardUnitPrice: 8.99, warehouses: [{ WarehouseCode: '000', QuantityOnHand: 80 }] },
      ],
    });
    proxy = await recordingProxy(sim.url, exchanges);
    client = new Sage100Client({ apiUrl: proxy.url, apiKey: 'contract-key', companyCode: 'ABC', timeoutMs: 2000, maxConcurrentRequests: 2 });

    // Every client method, then every error the contract declares that the simulator can produce.
    const order = await client.createSalesOrder({
      ARDivisionNo: '01', CustomerNo: 'WEBSALES', OrderDate: '2026-11-25', CustomerPONo: 'CL-9001', UDF_CLARITY_ORDER: 'CL-9001', ShipToName: 'Jordan Alvarez',
      ShipToAddress1: '1120 NW Couch St', ShipToCity: 'Portland', ShipToState: 'OR', ShipToZipCode: '97209', ShipToCountryCode: 'USA', ShipVia: 'UPS GROUND',
      TermsCode: '00', TaxSchedule: 'WEB', PaymentType: 'VISA', FreightAmt: 7.95, SalesTaxAmt: 3.1, DiscountAmt: 0,
      Lines: [
        { ItemCode: 'ESP-BEANS-1KG', ItemType: '1', WarehouseCode: '000', QuantityOrdered: 2, UnitPrice: 24.5, ExtensionAmt: 49 },
        { ItemCode: 'MUG-CER-12', QuantityOrdered: 1, UnitPrice: 8.99, LineDiscountPercent: 10 },
        { ItemCode: '/C', ItemType: '4', QuantityOrdered: 0, CommentText: 'Gift: no prices on the packing slip' },
      ],
    });
    await client.getSalesOrder(order.SalesOrderNo);
    await client.getSalesOrder('0009999');
    await client.updateSalesOrder(order.SalesOrderNo, { ShipVia: 'FEDEX GROUND', OrderStatus: 'O' });
    await client.findSalesOrdersByPo('CL-9001', { ARDivisionNo: '01', CustomerNo: 'WEBSALES' });
    await client.listSalesOrdersChangedSince(Date.parse('2026-01-01T00:00:00Z'));
    await client.createCustomer({ ARDivisionNo: '01', CustomerNo: 'JALVAREZ', CustomerName: 'Jordan Alvarez', EmailAddress: 'jordan@example.com', ZipCode: '97209', CreditLimit: 1000, CreditHold: 'N' });
    await client.findCustomer('01', 'JALVAREZ');
    await client.findCustomer('01', 'NOBODY');
    await client.updateCustomer('01', 'JALVAREZ', { TelephoneNo: '503-555-0142' });
    await client.searchCustomers({ email: 'JORDAN@example.com' });
    await client.searchCustomers({ name: 'Jordan Alvarez', zip: '97209' });
    await client.getItem('ESP-BEANS-1KG');
    await client.getItem('NOPE');
    await client.listItemWarehousesChangedSince(0, { WarehouseCode: '000' });
    await client.listPaymentTypes();
    await client.createCashReceipt({ ARDivisionNo: '01', CustomerNo: 'WEBSALES', PaymentType: 'VISA', TransactionDate: '2026-11-25', PostingAmt: 69.14, SalesOrderNo: order.SalesOrderNo, Reference: 'pay_9001' });
    await client.findCashReceiptsByReference('pay_9001');
    sim.ship({ SalesOrderNo: order.SalesOrderNo, TrackingIDs: ['1Z999AA10123456784'] });
    await client.listInvoicesChangedSince(0);
    await client.listSalesOrderHistoryChangedSince(0);

    await assert.rejects(client.createSalesOrder({ ARDivisionNo: '01', CustomerNo: 'WEBSALES', OrderDate: '2026-11-25', CustomerPONo: 'CL-9001', Lines: [{ ItemCode: 'MUG-CER-12', QuantityOrdered: 1 }] }), code('SAGE100.DUPLICATE'));
    await assert.rejects(client.createSalesOrder({ ARDivisionNo: '01', CustomerNo: 'WEBSALES', OrderDate: '2026-11-25', Lines: [{ ItemCode: 'NO-SUCH-SKU', QuantityOrdered: 1 }] }), code('SAGE100.VALIDATION'));
    await assert.rejects(client.updateSalesOrder('0009999', { ShipVia: 'UPS' }), code('SAGE100.NOT_FOUND'));
    sim.lock({ record: 'Customer', key: '01-JALVAREZ' });
    await assert.rejects(client.updateCustomer('01', 'JALVAREZ', { City: 'Portland' }), code('SAGE100.LOCKED'));
    sim.unlock({ record: 'Customer', key: '01-JALVAREZ' });
    sim.setFaults({ throttle: 1 });
    await assert.rejects(client.listPaymentTypes(), code('SAGE100.THROTTLED'));
    sim.setFaults({ http5xx: 1 });
    await assert.rejects(client.listPaymentTypes(), code('SAGE100.UNAVAILABLE'));
    await sim.setOffline('unavailable');
    await assert.rejects(client.getItem('ESP-BEANS-1KG'), code('SAGE100.OFFLINE'));
    await sim.setOnline();
    const stranger = new Sage100Client({ apiUrl: proxy.url, apiKey: 'not-a-key', companyCode: 'ABC', timeoutMs: 2000 });
    await assert.rejects(stranger.listPaymentTypes(), code('SAGE100.AUTH_FAILED'));
    await stranger.close();
  });

  after(async () => {
    await client.close();
    proxy.server.closeAllConnections();
    proxy.server.close();
    await sim.close();
  });

  it('every request the client built is an operation of the document, with its headers, parameters and body', () => {
    assert.ok(exchanges.length > 20);
    for (const exchange of exchanges) {
      const { operation, problems } = contract.checkRequest(exchange);
      assert.ok(operation, `${exchange.method} ${exchange.url}`);
      assert.deepEqual(problems, [], `${exchange.method} ${exchange.url}`);
    }
  });

  it("every simulator reply is a declared status of the operation and validates against the document's schema", () => {
    const statuses = new Set<number>();
    for (const exchange of exchanges) {
      const { operation } = contract.checkRequest(exchange);
      statuses.add(exchange.status);
      assert.deepEqual(contract.checkResponse(operation!, exchange.status, exchange.replyHeaders, exchange.reply), [], `${exchange.method} ${exchange.url} → ${exchange.status}`);
    }
    assert.deepEqual([...statuses].sort(), [200, 201, 401, 404, 409, 422, 429, 500, 503]);
  });

  it('every operation of the document was exercised with success, and the client builds no other', () => {
    const succeeded = new Set(exchanges.filter((e) => e.status < 300).map((e) => contract.checkRequest(e).operation?.operationId));
    assert.deepEqual([...succeeded].sort(), contract.operations.map((o) => o.operationId).sort());
    const built = new Set(Object.keys(sage100Requests));
    assert.deepEqual([...built].sort(), contract.operations.map((o) => o.operationId).sort());
  });

  it("the client's zod schemas list the document's fields, with its lengths and required fields", () => {
    const pairs: Array<[z.ZodType, string, 'request' | 'reply']> = [
      [schemas.newSalesOrderSchema, 'NewSalesOrder', 'request'],
      [schemas.salesOrderLineInputSchema, 'SalesOrderLineInput', 'request'],
      [schemas.salesOrderChangeSchema, 'SalesOrderChange', 'request'],
      [schemas.newCustomerSchema, 'NewCustomer', 'request'],
      [schemas.customerChangeSchema, 'CustomerChange', 'request'],
      [schemas.newCashReceiptSchema, 'NewCashReceipt', 'request'],
      [schemas.salesOrderSchema, 'SalesOrder', 'reply'],
      [schemas.salesOrderLineSchema, 'SalesOrderLine', 'reply'],
      [schemas.salesOrderHistorySchema, 'SalesOrderHistory', 'reply'],
      [schemas.customerSchema, 'Customer', 'reply'],
      [schemas.itemSchema, 'Item', 'reply'],
      [schemas.itemWarehouseSchema, 'ItemWarehouse', 'reply'],
      [schemas.invoiceSchema, 'Invoice', 'reply'],
      [schemas.invoiceLineSchema, 'InvoiceLine', 'reply'],
      [schemas.invoiceTrackingSchema, 'InvoiceTracking', 'reply'],
      [schemas.paymentTypeSchema, 'PaymentType', 'reply'],
      [schemas.cashReceiptSchema, 'CashReceipt', 'reply'],
      [schemas.errorReplySchema, 'Error', 'reply'],
    ];
    for (const [zodSchema, name, kind] of pairs) {
      const ours = z.toJSONSchema(zodSchema, { io: kind === 'request' ? 'input' : 'output', unrepresentable: 'any' }) as { properties: Record<string, { maxLength?: number }>; required?: string[] };
      const theirs = contract.schema(name);
      assert.deepEqual(Object.keys(ours.properties).sort(), Object.keys(theirs.properties).sort(), `${name}: fields`);
      assert.deepEqual([...(ours.required ?? [])].sort(), [...(theirs.required ?? [])].sort(), `${name}: required fields`);
      for (const [field, property] of Object.entries(ours.properties)) {
        const documented = contract.resolve(theirs.properties[field]);
        assert.equal(property.maxLength, documented.maxLength, `${name}.${field}: maxLength`);
      }
    }
  });
});

describe('FacadeContract checker', () => {
  const contract = FacadeContract.load();
  const headers = { 'x-api-key': 'k', 'x-company-code': 'ABC' };

  it('finds what a drifted request gets wrong', () => {
    assert.deepEqual(contract.checkRequest({ method: 'GET', url: '/SO/Orders', headers }).problems, ['no operation GET /SO/Orders']);
    assert.deepEqual(contract.checkRequest({ method: 'GET', url: '/AR/PaymentType?Colour=red', headers }).problems, ['query parameter Colour is not in the contract']);
    assert.deepEqual(contract.checkRequest({ method: 'GET', url: '/AR/PaymentType', headers: { 'x-api-key': 'k', 'x-company': 'ABC' } }).problems, ['header x-company is not in the contract', 'header x-company-code is missing', 'header parameter X-Company-Code is missing']);
    const body = { ARDivisionNo: '01', CustomerNo: 'WEBSALES', OrderDate: '2026-11-25', CustomerPoNo: 'x', ShipVia: 'FEDEX 2-DAY PRIORITY', Lines: [{ ItemCode: 'A', QuantityOrdered: '1' }] };
    assert.deepEqual(contract.checkRequest({ method: 'POST', url: '/SO/SalesOrder', headers, body }).problems, [
      'body: CustomerPoNo is not in the contract', 'body.ShipVia: longer than 15', 'body.Lines[0].QuantityOrdered: expected number, got string',
    ]);
  });

  it('finds what a drifted reply gets wrong', () => {
    const op = contract.operations.find((o) => o.operationId === 'listInvoices')!;
    assert.deepEqual(contract.checkResponse(op, 418, {}, {}), ['listInvoices does not declare HTTP 418']);
    assert.deepEqual(contract.checkResponse(op, 429, {}, { error: 'throttled', message: 'slow down' }), ['listInvoices 429: header Retry-After is missing']);
    const problems = contract.checkResponse(op, 200, {}, { Records: [{ InvoiceNo: '12' }], NextCursor: null });
    assert.ok(problems.includes('listInvoices 200.Records[0].InvoiceNo: does not match ^\\d{7}$'), problems.join('\n'));
    assert.ok(problems.includes('listInvoices 200.Records[0]: InvoiceDate is required'));
  });
});
