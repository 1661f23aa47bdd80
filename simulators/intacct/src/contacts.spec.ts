import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { IntacctSimulator } from './simulator-types.js';
import { createSalesOrderXml, envelope, fn, loginAuth, post, readByQueryXml, startTestSimulator } from './testing/gateway-test-kit.js';

let sim: IntacctSimulator;

before(async () => {
  sim = await startTestSimulator();
});
after(() => sim.close());
beforeEach(() => sim.reset());

const result = (reply: { xml: any }) => reply.xml.response.operation.result[0];
const errorOf = (reply: { xml: any }) => result(reply).errormessage.error[0];
const call = (controlId: string, body: string) => post(sim.url, envelope(loginAuth, [fn(controlId, body)]));

const JANE = 'CL-CUST-77 Jane Roe - 3f9a1c07b2';
const SAM = 'CL-CUST-77 Sam Ortiz - 0c4d5e6f7a';

const contactXml = (fields: { name?: string; printAs?: string; extra?: string; address?: string } = {}) =>
  `<create><CONTACT>${fields.name === '' ? '' : `<CONTACTNAME>${fields.name ?? JANE}</CONTACTNAME>`}${fields.printAs === '' ? '' : `<PRINTAS>${fields.printAs ?? 'Jane Roe'}</PRINTAS>`}<COMPANYNAME>Roe &amp; Daughters</COMPANYNAME><FIRSTNAME>Jane</FIRSTNAME><LASTNAME>Roe</LASTNAME><PHONE1>+1 512 555 0142</PHONE1><EMAIL1>jane.roe@example.com</EMAIL1>${fields.address ?? '<MAILADDRESS><ADDRESS1>500 Congress Ave</ADDRESS1><ADDRESS2>Ste 210</ADDRESS2><CITY>Austin</CITY><STATE>TX</STATE><ZIP>78701</ZIP><COUNTRY>United States</COUNTRY><ISOCOUNTRYCODE>US</ISOCOUNTRYCODE></MAILADDRESS>'}${fields.extra ?? ''}</CONTACT></create>`;

/** The sample order with `<shipto>`/`<billto>` in their xs:sequence place (after shippingmethod, before externalid). */
const orderWithContacts = (shipTo?: string, billTo?: string) =>
  createSalesOrderXml().replace(
    '<externalid>',
    `${shipTo === undefined ? '' : `<shipto><contactname>${shipTo}</contactname></shipto>`}${billTo === undefined ? '' : `<billto><contactname>${billTo}</contactname></billto>`}<externalid>`,
  );

describe('Intacct simulator: CONTACT', () => {
  it('creates a contact, answers RECORDNO and CONTACTNAME, and stores the fields and MAILADDRESS', async () => {
    const reply = await call('contact-1', contactXml());
    assert.equal(result(reply).status, 'success', reply.text);
    assert.deepEqual(result(reply).data, { '@listtype': 'objects', '@count': '1', contact: { RECORDNO: '1', CONTACTNAME: JANE } });
    const [contact] = sim.contacts();
    assert.deepEqual({ ...contact, createdAt: undefined }, {
      recordNo: '1', companyId: 'TRIBUTARY-DEMO', contactName: JANE, printAs: 'Jane Roe', companyName: 'Roe & Daughters', firstName: 'Jane', lastName: 'Roe',
      phone1: '+1 512 555 0142', email1: 'jane.roe@example.com', status: 'active', controlId: 'contact-1', createdAt: undefined,
      mailAddress: { address1: '500 Congress Ave', address2: 'Ste 210', city: 'Austin', state: 'TX', zip: '78701', country: 'United States', isoCountryCode: 'US' },
    });
    assert.deepEqual(((await (await fetch(`${sim.adminUrl}/contacts`)).json()) as Array<{ contactName: string }>).map((c) => c.contactName), [JANE]);
  });

  it('refuses a missing CONTACTNAME or PRINTAS and a duplicate CONTACTNAME with BL01001973', async () => {
    assert.match(errorOf(await call('c-1', contactXml({ name: '' }))).description2, /CONTACTNAME/);
    assert.match(errorOf(await call('c-2', contactXml({ printAs: '' }))).description2, /PRINTAS/);
    assert.equal(result(await call('c-3', contactXml())).status, 'success');
    const duplicate = await call('c-4', contactXml({ printAs: 'Someone else' }));
    assert.equal(errorOf(duplicate).errorno, 'BL01001973');
    assert.equal(errorOf(duplicate).description2, `Another Contact with the given value(s) ${JANE} already exists`);
    assert.equal(result(duplicate).errormessage.error[1].description2, 'Could not create Contact record!');
    assert.match(errorOf(await call('c-5', contactXml({ name: 'x'.repeat(201) }))).description2, /at most 200/);
    assert.equal(sim.contacts().length, 1);
  });

  it('refuses CONTACT elements out of order at control level', async () => {
    const reply = await call('c-1', contactXml().replace(`<CONTACTNAME>${JANE}</CONTACTNAME><PRINTAS>Jane Roe</PRINTAS>`, `<PRINTAS>Jane Roe</PRINTAS><CONTACTNAME>${JANE}</CONTACTNAME>`));
    assert.equal(reply.xml.response.control.status, 'failure');
    assert.equal(reply.xml.response.errormessage.error[0].errorno, 'XL03000003');
    assert.equal(sim.contacts().length, 0);
  });

  it('reads contacts with readByQuery and query, the address flattened under MAILADDRESS.*', async () => {
    await call('c-1', contactXml());
    await call('c-2', contactXml({ name: SAM, printAs: 'Sam Ortiz', address: '<MAILADDRESS><ADDRESS1>18 Front St W</ADDRESS1><CITY>Toronto</CITY><STATE>ON</STATE><ZIP>M5J 2X5</ZIP><COUNTRYCODE>CA</COUNTRYCODE></MAILADDRESS>' }));
    const read = await call('q-1', `<readByQuery><object>CONTACT</object><fields>CONTACTNAME,PRINTAS,MAILADDRESS.ADDRESS1,MAILADDRESS.CITY,MAILADDRESS.ZIP,MAILADDRESS.ISOCOUNTRYCODE</fields><query>CONTACTNAME = '${SAM}'</query><pagesize>10</pagesize></readByQuery>`);
    assert.equal(result(read).data['@listtype'], 'contact');
    assert.deepEqual(result(read).data.contact, {
      CONTACTNAME: SAM, PRINTAS: 'Sam Ortiz', 'MAILADDRESS.ADDRESS1': '18 Front St W', 'MAILADDRESS.CITY': 'Toronto', 'MAILADDRESS.ZIP': 'M5J 2X5', 'MAILADDRESS.ISOCOUNTRYCODE': 'CA',
    });
    const all = await call('q-2', "<readByQuery><object>CONTACT</object><fields>*</fields><query></query><pagesize>10</pagesize></readByQuery>");
    const first = result(all).data.contact[0];
    assert.equal(first.RECORDNO, '1');
    assert.equal(first.STATUS, 'active');
    assert.match(first.WHENCREATED, /^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}:\d{2}$/);
    assert.equal(first.WHENMODIFIED, first.WHENCREATED);
    const queried = await call('q-3', `<query><object>CONTACT</object><select><field>RECORDNO</field><field>CONTACTNAME</field></select><filter><equalto><field>CONTACTNAME</field><value>${JANE}</value></equalto></filter></query>`);
    assert.deepEqual(result(queried).data.CONTACT, { RECORDNO: '1', CONTACTNAME: JANE });
  });
});

describe('Intacct simulator: ship-to and bill-to contacts of sales documents', () => {
  it('stores the contacts create_sotransaction names and reads them as SHIPTO.CONTACTNAME and BILLTO.CONTACTNAME', async () => {
    await call('c-1', contactXml());
    await call('c-2', contactXml({ name: SAM, printAs: 'Sam Ortiz' }));
    const created = await call('so-1', orderWithContacts(SAM, JANE));
    assert.equal(result(created).status, 'success', created.text);
    const [doc] = sim.documents();
    assert.equal(doc?.shipToContact, SAM);
    assert.equal(doc?.billToContact, JANE);
    const read = await call('q-1', readByQueryXml("PONUMBER = 'WEB-10045'", { fields: 'DOCID,SHIPTO.CONTACTNAME,BILLTO.CONTACTNAME' }));
    assert.deepEqual(result(read).data.sodocument, [{ DOCID: 'Sales Order-SO0001', 'SHIPTO.CONTACTNAME': SAM, 'BILLTO.CONTACTNAME': JANE }]);
    assert.equal(result(await call('so-2', createSalesOrderXml({ referenceNo: 'WEB-10046' }))).status, 'success', 'contacts stay optional');
    assert.equal(sim.documents()[1]?.shipToContact, undefined);
  });

  it('refuses a create naming a contact the company does not have, naming the contact', async () => {
    await call('c-1', contactXml());
    const reply = await call('so-1', orderWithContacts('Nobody at all', JANE));
    assert.equal(errorOf(reply).errorno, 'BL01001973');
    assert.equal(errorOf(reply).description, 'Invalid Contact');
    assert.match(errorOf(reply).description2, /Ship to contact 'Nobody at all' does not exist/);
    assert.match(errorOf(await call('so-2', orderWithContacts(JANE, 'Nobody either'))).description2, /Bill to contact 'Nobody either'/);
    assert.equal(sim.documents().length, 0);
  });

  it('checks shipto and billto against the xs:sequence: after shippingmethod, before externalid, with a contactname', async () => {
    await call('c-1', contactXml());
    const misplaced = await call('so-1', createSalesOrderXml().replace('<currency>USD</currency>', `<currency>USD</currency><shipto><contactname>${JANE}</contactname></shipto>`));
    assert.equal(misplaced.xml.response.control.status, 'failure');
    const empty = await call('so-2', orderWithContacts().replace('<externalid>', '<shipto></shipto><externalid>'));
    assert.equal(empty.xml.response.control.status, 'failure');
    assert.match(empty.xml.response.errormessage.error[0].description2, /contactname/);
    assert.equal(sim.documents().length, 0);
  });

  it('switches the ship-to contact with update_sotransaction and refuses an unknown one', async () => {
    await call('c-1', contactXml());
    await call('c-2', contactXml({ name: SAM, printAs: 'Sam Ortiz' }));
    await call('so-1', orderWithContacts(JANE, JANE));
    const updated = await call('so-update-1', `<update_sotransaction key="Sales Order-SO0001"><message>Moved</message><shipto><contactname>${SAM}</contactname></shipto><state>Pending</state></update_sotransaction>`);
    assert.equal(result(updated).status, 'success', updated.text);
    assert.deepEqual([sim.documents()[0]?.shipToContact, sim.documents()[0]?.billToContact], [SAM, JANE], 'bill-to left alone');
    const refused = await call('so-update-2', `<update_sotransaction key="Sales Order-SO0001"><billto><contactname>Ghost</contactname></billto></update_sotransaction>`);
    assert.match(errorOf(refused).description2, /Bill to contact 'Ghost' does not exist/);
    assert.equal(result(refused).errormessage.error[1].description2, 'Could not update Document record!');
    assert.equal(sim.documents()[0]?.billToContact, JANE);
  });
});
