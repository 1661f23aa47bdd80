import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { XMLParser } from 'fast-xml-parser';
import type { IntacctCustomer } from '../intacct-types.js';
import { createCustomerFunction } from './create-customer.js';
import { buildRequestXml } from './request-envelope.js';

const customer: IntacctCustomer = {
  customerId: 'CL-000501',
  name: 'Harbour & Finch <Roasters>',
  clarityId: 'clarity-cust-501',
  firstName: 'Maeve',
  lastName: "O'Connell",
  companyName: 'Harbour & Finch Ltd',
  email: 'maeve@harbourfinch.example',
  phone: '+1 416 555 0142',
  currency: 'CAD',
  mailAddress: { address1: '18 Front St W', address2: 'Suite 400', city: 'Toronto', state: 'ON', zip: 'M5J 2X5', country: 'Canada', isoCountryCode: 'CA' },
};

const request = (c: IntacctCustomer = customer) =>
  buildRequestXml({ senderId: 's', senderPassword: 'p', requestControlId: 'r' }, { kind: 'session', sessionId: 'x' }, [createCustomerFunction(c, 'cust-create-501')]);

type Nodes = Array<Record<string, unknown>>;
const names = (nodes: Nodes): string[] => nodes.flatMap((node) => Object.keys(node).filter((k) => k !== ':@' && k !== '#text'));
const childrenOf = (nodes: Nodes, path: string[]): Nodes => {
  let current = nodes;
  for (const name of path) {
    const node = current.find((n) => name in n);
    assert.ok(node, `missing <${name}>`);
    current = node[name] as Nodes;
  }
  return current;
};
const ordered = (xml: string) => new XMLParser({ preserveOrder: true, ignoreAttributes: false, parseTagValue: false }).parse(xml) as Nodes;
const CUSTOMER_PATH = ['request', 'operation', 'content', 'function', 'create', 'CUSTOMER'];

describe('CUSTOMER create request', () => {
  it('orders CUSTOMER, DISPLAYCONTACT and MAILADDRESS as external-apis §1.10, custom field last', () => {
    const tree = ordered(request());
    assert.deepEqual(names(childrenOf(tree, CUSTOMER_PATH)), ['CUSTOMERID', 'NAME', 'DISPLAYCONTACT', 'STATUS', 'CURRENCY', 'CLARITY_ID']);
    assert.deepEqual(names(childrenOf(tree, [...CUSTOMER_PATH, 'DISPLAYCONTACT'])), [
      'PRINTAS', 'COMPANYNAME', 'FIRSTNAME', 'LASTNAME', 'PHONE1', 'EMAIL1', 'MAILADDRESS',
    ]);
    assert.deepEqual(names(childrenOf(tree, [...CUSTOMER_PATH, 'DISPLAYCONTACT', 'MAILADDRESS'])), [
      'ADDRESS1', 'ADDRESS2', 'CITY', 'STATE', 'ZIP', 'COUNTRY', 'ISOCOUNTRYCODE',
    ]);
  });

  it('leaves out what is not given, so the company can number the customer', () => {
    const tree = ordered(request({ name: 'Walk-in customer' }));
    assert.deepEqual(names(childrenOf(tree, CUSTOMER_PATH)), ['NAME', 'DISPLAYCONTACT', 'STATUS']);
    assert.deepEqual(names(childrenOf(tree, [...CUSTOMER_PATH, 'DISPLAYCONTACT'])), ['PRINTAS']);
  });

  it('escapes names and round-trips them', () => {
    const xml = request();
    assert.match(xml, /<NAME>Harbour &amp; Finch &lt;Roasters&gt;<\/NAME>/);
    assert.match(xml, /<function controlid="cust-create-501"><create><CUSTOMER>/);
    const parsed = new XMLParser({ parseTagValue: false }).parse(xml);
    const c = parsed.request.operation.content.function.create.CUSTOMER;
    assert.equal(c.DISPLAYCONTACT.PRINTAS, 'Harbour & Finch <Roasters>');
    assert.equal(c.DISPLAYCONTACT.LASTNAME, "O'Connell");
    assert.equal(c.CLARITY_ID, 'clarity-cust-501');
  });
});
