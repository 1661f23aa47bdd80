import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { XMLParser } from 'fast-xml-parser';
import type { IntacctContact } from '../intacct-types.js';
import { contactsByName, createContactFunction } from './create-contact.js';
import { queryFunction } from './query.js';
import { buildRequestXml, type IntacctFunction } from './request-envelope.js';

const contact: IntacctContact = {
  contactName: 'CL-CUST-77 Jane Roe & Co <HQ> - 3f9a1c07b2',
  printAs: 'Jane Roe & Co <HQ>',
  companyName: 'Roe & Daughters',
  firstName: 'Jane',
  lastName: "O'Roe",
  phone: '+1 512 555 0142',
  email: 'jane.roe@example.com',
  mailAddress: { address1: '500 Congress Ave', address2: 'Ste 210', city: 'Austin', state: 'TX', zip: '78701', isoCountryCode: 'US' },
};

const request = (fn: IntacctFunction) =>
  buildRequestXml({ senderId: 's', senderPassword: 'p', requestControlId: 'r' }, { kind: 'session', sessionId: 'x' }, [fn]);

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
const CONTACT_PATH = ['request', 'operation', 'content', 'function', 'create', 'CONTACT'];

describe('CONTACT create request', () => {
  it('writes the key first, then the contact fields in DISPLAYCONTACT order (external-apis §1.10)', () => {
    const tree = ordered(request(createContactFunction(contact, 'contact-create-1')));
    assert.deepEqual(names(childrenOf(tree, CONTACT_PATH)), ['CONTACTNAME', 'PRINTAS', 'COMPANYNAME', 'FIRSTNAME', 'LASTNAME', 'PHONE1', 'EMAIL1', 'MAILADDRESS']);
    assert.deepEqual(names(childrenOf(tree, [...CONTACT_PATH, 'MAILADDRESS'])), ['ADDRESS1', 'ADDRESS2', 'CITY', 'STATE', 'ZIP', 'ISOCOUNTRYCODE']);
  });

  it('leaves out what is not given and escapes names', () => {
    const bare = ordered(request(createContactFunction({ contactName: 'WEBSALES Sam Ortiz - 0c4d5e6f7a', printAs: 'Sam Ortiz' }, 'c')));
    assert.deepEqual(names(childrenOf(bare, CONTACT_PATH)), ['CONTACTNAME', 'PRINTAS']);
    const xml = request(createContactFunction(contact, 'contact-create-1'));
    assert.match(xml, /<function controlid="contact-create-1"><create><CONTACT><CONTACTNAME>CL-CUST-77 Jane Roe &amp; Co &lt;HQ&gt; - 3f9a1c07b2<\/CONTACTNAME>/);
    const parsed = new XMLParser({ parseTagValue: false }).parse(xml);
    assert.equal(parsed.request.operation.content.function.create.CONTACT.PRINTAS, 'Jane Roe & Co <HQ>');
    assert.equal(createContactFunction(contact, 'c').name, 'create:CONTACT');
  });

  it('looks a contact up by its exact CONTACTNAME with query', () => {
    const xml = request(queryFunction(contactsByName("O'Roe & Co - 1"), 'find-1'));
    assert.match(xml, /<query><object>CONTACT<\/object><select><field>RECORDNO<\/field><field>CONTACTNAME<\/field><\/select><filter><equalto><field>CONTACTNAME<\/field><value>O&apos;Roe &amp; Co - 1<\/value><\/equalto><\/filter><pagesize>10<\/pagesize><\/query>/);
  });
});
