import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { XMLParser } from 'fast-xml-parser';
import type { IntacctSalesOrder } from '../intacct-types.js';
import { createSoTransactionFunction } from './create-sotransaction.js';
import { buildRequestXml } from './request-envelope.js';

const order: IntacctSalesOrder = {
  transactionType: 'Sales Order',
  dateCreated: { year: 2024, month: 5, day: 1 },
  customerId: 'C-1001',
  referenceNo: 'WEB-10045',
  externalId: 'clarity-ord-10045',
  message: 'Leave with "Smith & Sons" <reception>',
  shippingMethod: 'UPS Ground',
  currency: 'EUR',
  baseCurrency: 'USD',
  lines: [
    { itemId: 'SKU-1', itemDesc: "Barista's Choice 1kg", quantity: 2, unit: 'Each', price: '19.99', warehouseId: 'WH1' },
    { itemId: 'SKU-2', quantity: 1, price: '5.00', locationId: 'US', departmentId: 'SALES', memo: 'gift' },
  ],
  subtotals: [
    { description: 'Discount', total: '-4.00' },
    { description: 'Shipping', total: '9.95' },
  ],
};

const request = () =>
  buildRequestXml(
    { senderId: 'tributary', senderPassword: 'p&ss<word>', requestControlId: 'req-1' },
    { kind: 'session', sessionId: 'sess-abc' },
    [createSoTransactionFunction(order, 'so-create-10045')],
  );

/** Element names in document order, from an order-preserving parse. */
const childNames = (nodes: Array<Record<string, unknown>>): string[] =>
  nodes.flatMap((node) => Object.keys(node).filter((k) => k !== ':@' && k !== '#text'));

const orderedParse = (xml: string) =>
  new XMLParser({ preserveOrder: true, ignoreAttributes: false, parseTagValue: false }).parse(xml) as Array<Record<string, unknown>>;

const childrenOf = (nodes: Array<Record<string, unknown>>, path: string[]): Array<Record<string, unknown>> => {
  let current = nodes;
  for (const name of path) {
    const node = current.find((n) => name in n);
    assert.ok(node, `missing <${name}>`);
    current = node[name] as Array<Record<string, unknown>>;
  }
  return current;
};

describe('create_sotransaction request', () => {
  it('follows the xs:sequence of create_sotransaction', () => {
    const header = childNames(childrenOf(orderedParse(request()), ['request', 'operation', 'content', 'function', 'create_sotransaction']));
    assert.deepEqual(header, [
      'transactiontype', 'datecreated', 'customerid', 'referenceno', 'message', 'shippingmethod',
      'externalid', 'basecurr', 'currency', 'sotransitems', 'subtotals',
    ]);
  });

  it('writes createdfrom between datecreated and customerid, for a credit memo linked to its invoice', () => {
    const memo: IntacctSalesOrder = { ...order, transactionType: 'Sales Credit Memo', createdFrom: "Sales Invoice-INV'0001 & co", state: 'Pending' };
    const xml = buildRequestXml({ senderId: 's', senderPassword: 'p', requestControlId: 'r' }, { kind: 'session', sessionId: 'x' }, [createSoTransactionFunction(memo, 'scm-1')]);
    const header = childNames(childrenOf(orderedParse(xml), ['request', 'operation', 'content', 'function', 'create_sotransaction']));
    assert.deepEqual(header, [
      'transactiontype', 'datecreated', 'createdfrom', 'customerid', 'referenceno', 'message', 'shippingmethod',
      'externalid', 'basecurr', 'currency', 'state', 'sotransitems', 'subtotals',
    ]);
    assert.match(xml, /<createdfrom>Sales Invoice-INV&apos;0001 &amp; co<\/createdfrom>/);
    assert.doesNotMatch(request(), /<createdfrom/, 'left out when not set');
  });

  it('names the ship-to and bill-to contacts between shippingmethod and externalid', () => {
    const withContacts: IntacctSalesOrder = { ...order, shipToContact: 'C-1001 Jane Roe & Co - 3f9a1c07b2', billToContact: 'C-1001 Jane Roe - 0c4d5e6f7a' };
    const xml = buildRequestXml({ senderId: 's', senderPassword: 'p', requestControlId: 'r' }, { kind: 'session', sessionId: 'x' }, [createSoTransactionFunction(withContacts, 'so-1')]);
    const verb = childrenOf(orderedParse(xml), ['request', 'operation', 'content', 'function', 'create_sotransaction']);
    assert.deepEqual(childNames(verb), [
      'transactiontype', 'datecreated', 'customerid', 'referenceno', 'message', 'shippingmethod', 'shipto', 'billto',
      'externalid', 'basecurr', 'currency', 'sotransitems', 'subtotals',
    ]);
    assert.deepEqual(childNames(childrenOf(verb, ['shipto'])), ['contactname']);
    assert.match(xml, /<shipto><contactname>C-1001 Jane Roe &amp; Co - 3f9a1c07b2<\/contactname><\/shipto><billto><contactname>C-1001 Jane Roe - 0c4d5e6f7a<\/contactname><\/billto>/);
    assert.doesNotMatch(request(), /<shipto>|<billto>/, 'left out when not set');
  });

  it('follows the xs:sequence of sotransitem', () => {
    const items = childrenOf(orderedParse(request()), ['request', 'operation', 'content', 'function', 'create_sotransaction', 'sotransitems']);
    assert.deepEqual(childNames(items[0]?.['sotransitem'] as Array<Record<string, unknown>>), [
      'itemid', 'itemdesc', 'warehouseid', 'quantity', 'unit', 'price',
    ]);
    assert.deepEqual(childNames(items[1]?.['sotransitem'] as Array<Record<string, unknown>>), [
      'itemid', 'quantity', 'price', 'locationid', 'departmentid', 'memo',
    ]);
  });

  it('writes the date with two-digit month and day', () => {
    assert.match(request(), /<datecreated><year>2024<\/year><month>05<\/month><day>01<\/day><\/datecreated>/);
  });

  it('escapes customer text so it survives the round trip', () => {
    const xml = request();
    assert.match(xml, /<message>Leave with &quot;Smith &amp; Sons&quot; &lt;reception&gt;<\/message>/);
    assert.match(xml, /<password>p&amp;ss&lt;word&gt;<\/password>/);
    const parsed = new XMLParser({ parseTagValue: false }).parse(xml);
    const so = parsed.request.operation.content.function.create_sotransaction;
    assert.equal(so.message, 'Leave with "Smith & Sons" <reception>');
    assert.equal(so.sotransitems.sotransitem[0].itemdesc, "Barista's Choice 1kg");
  });

  it('writes the control block Intacct needs for idempotency', () => {
    const control = childrenOf(orderedParse(request()), ['request', 'control']);
    assert.deepEqual(childNames(control), ['senderid', 'password', 'controlid', 'uniqueid', 'dtdversion', 'includewhitespace']);
    assert.match(request(), /<uniqueid>true<\/uniqueid><dtdversion>3\.0<\/dtdversion><includewhitespace>false<\/includewhitespace>/);
    assert.match(request(), /<function controlid="so-create-10045"><create_sotransaction>/);
    assert.match(request(), /<authentication><sessionid>sess-abc<\/sessionid><\/authentication>/);
    assert.ok(request().startsWith('<?xml version="1.0" encoding="UTF-8"?><request><control>'));
  });

  it('leaves out optional elements that are not set', () => {
    const minimal = createSoTransactionFunction(
      { ...order, message: undefined, shippingMethod: undefined, externalId: undefined, baseCurrency: undefined, subtotals: [] },
      'c',
    );
    const xml = buildRequestXml({ senderId: 's', senderPassword: 'p', requestControlId: 'r' }, { kind: 'session', sessionId: 'x' }, [minimal]);
    assert.doesNotMatch(xml, /<message|<shippingmethod|<externalid|<basecurr|<subtotals|<exchrate/);
  });
});
