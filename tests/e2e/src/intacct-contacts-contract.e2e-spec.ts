import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { IntegrationError } from '@tributary/core';
import { IntacctClient, type IntacctContact, type IntacctSalesOrder } from '@tributary/connectors-intacct';
import { startIntacctSimulator, type IntacctSimulator } from '@tributary/simulator-intacct';

const isPermanentBusinessError = (pattern: RegExp) => (e: unknown) =>
  e instanceof IntegrationError && e.code === 'INTACCT.BUSINESS_ERROR' && !e.transient && pattern.test(e.message);

/** CONTACT create and lookup, and documents naming ship-to and bill-to contacts: the connector against the simulator. */
describe('IntacctClient ⇄ Intacct simulator contract: contacts', () => {
  let simulator: IntacctSimulator;
  let client: IntacctClient;
  const credentials = { senderId: 'contract-sender', senderPassword: 'sp', companyId: 'ACME-CONTACTS', userId: 'ws_user', userPassword: 'up' };

  before(async () => {
    simulator = await startIntacctSimulator({ port: 0, senderId: credentials.senderId, senderPassword: credentials.senderPassword, users: [{ companyId: credentials.companyId, userId: credentials.userId, password: credentials.userPassword }] });
    client = new IntacctClient({ endpointUrl: simulator.url, credentials, timeoutMs: 2000 });
  });
  after(async () => { await client.close(); await simulator.close(); });

  const home: IntacctContact = {
    contactName: "CL-CUST-77 Jane O'Roe & Co – 3f9a1c07b2", printAs: "Jane O'Roe & Co", companyName: 'Roe & Daughters Café', firstName: 'Jane', lastName: "O'Roe",
    phone: '+1 512 555 0142', email: 'jane.roe@example.com',
    mailAddress: { address1: '500 Congress Ave', address2: 'Ste 210', city: 'Austin', state: 'TX', zip: '78701', isoCountryCode: 'US' },
  };
  const office: IntacctContact = { ...home, contactName: 'CL-CUST-77 Jane Roe – 0c4d5e6f7a', printAs: 'Jane Roe', mailAddress: { address1: '200 Commerce St', city: 'Dallas', state: 'TX', zip: '75201', isoCountryCode: 'US' } };
  const order = (referenceNo: string, contacts: Pick<IntacctSalesOrder, 'shipToContact' | 'billToContact'>): IntacctSalesOrder => ({
    transactionType: 'Sales Order', dateCreated: { year: 2026, month: 11, day: 25 }, customerId: 'CL-CUST-77', referenceNo, currency: 'USD', shippingMethod: 'UPS Ground', ...contacts,
    lines: [{ itemId: 'TRB-MUG-12OZ', quantity: 2, price: '19.99' }], subtotals: [{ description: 'Shipping', total: '9.95' }],
  });

  it('creates contacts, finds them by exact CONTACTNAME and refuses a duplicate name', async () => {
    const created = await client.createContact(home, { controlId: 'contact-create-1' });
    assert.equal(created.contactName, home.contactName);
    assert.deepEqual(await client.findContact(home.contactName), created);
    assert.equal(await client.findContact(home.contactName.toUpperCase()), null);
    const [stored] = simulator.contacts();
    assert.deepEqual([stored?.printAs, stored?.lastName, stored?.companyName, stored?.mailAddress], [home.printAs, "O'Roe", 'Roe & Daughters Café', home.mailAddress]);
    await assert.rejects(client.createContact({ ...home, printAs: 'Someone else' }, { controlId: 'contact-create-2' }), isPermanentBusinessError(/Another Contact with the given value\(s\)/));
    await assert.rejects(client.createContact(home, { controlId: 'contact-create-1' }), (e: unknown) => e instanceof IntegrationError && e.code === 'INTACCT.DUPLICATE_CONTROLID');
    assert.equal(simulator.contacts().length, 1);
  });

  it('names the contacts on a document, switches the ship-to with an update and refuses an unknown contact', async () => {
    await client.createContact(office, { controlId: 'contact-create-3' });
    const { key } = await client.createSalesOrder(order('CL-9001', { shipToContact: home.contactName, billToContact: office.contactName }), { controlId: 'so-create-9001' });
    const stored = () => simulator.documents().find((d) => d.docId === key);
    assert.deepEqual([stored()?.shipToContact, stored()?.billToContact], [home.contactName, office.contactName]);
    await client.updateSalesOrder(key, { message: 'Ship to the office', shipToContact: office.contactName }, { controlId: 'so-update-9001' });
    assert.deepEqual([stored()?.shipToContact, stored()?.billToContact, stored()?.message], [office.contactName, office.contactName, 'Ship to the office']);
    await assert.rejects(
      client.createSalesOrder(order('CL-9002', { shipToContact: 'CL-CUST-77 Nobody – 0000000000' }), { controlId: 'so-create-9002' }),
      isPermanentBusinessError(/Nobody – 0000000000/),
    );
    assert.equal(simulator.documents().length, 1);
  });
});
