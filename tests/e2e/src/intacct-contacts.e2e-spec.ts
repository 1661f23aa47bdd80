import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sampleOrders, webhookFor, type ClarityAddressPayload, type ClarityOrderPayload } from '@tributary/simulator-clarity';
import type { StoredContact } from '@tributary/simulator-intacct';
import { standardiseAddress } from '@tributary/mapping-core';
import { waitFor } from '@tributary/testing';
import { E2eStack } from './e2e-stack.js';

/** One address written two ways: both standardise to 500 Congress Ave, Ste 210, Austin TX 78701, US. */
const congress: ClarityAddressPayload = { name: 'Jane Roe', line1: '500  Congress Avenue', line2: 'Suite 210', city: 'Austin', region: 'Texas', postalCode: '78701', country: 'US' };
const congressAbbreviated: ClarityAddressPayload = { ...congress, line1: '500 Congress Ave', line2: 'Ste 210', region: 'TX' };
const commerce: ClarityAddressPayload = { name: 'Jane Roe', line1: '200 Commerce Street', line2: null, city: 'Dallas', region: 'TX', postalCode: '75201', country: 'US' };
const lavaca: ClarityAddressPayload = { ...congress, line1: '700 Lavaca Street', line2: null };

const STANDARD_CONGRESS = { address1: '500 Congress Ave', address2: 'Ste 210', city: 'Austin', state: 'TX', zip: '78701', isoCountryCode: 'US' };

const reference = (order: ClarityOrderPayload) => order.orderNumber ?? order.orderId;

const contactsCount = (contacts: readonly StoredContact[]) => contacts.reduce((m, c) => m.set(c.contactName, (m.get(c.contactName) ?? 0) + 1), new Map<string, number>());

/** Web orders (Sales Orders) of Jane Roe and of another customer, with the addresses given. */
const ordersFor = (seed: number, startNumber: number, count: number) =>
  sampleOrders(count, { seed, startNumber }).map((order) => ({
    ...order,
    channel: 'web',
    customerId: `cust-jane-${seed}`,
    customer: { ...order.customer, email: `jane.roe.${seed}@example.com`, firstName: 'Jane', lastName: 'Roe', company: null },
  }));

describe('ship-to and bill-to contacts on Intacct sales documents', () => {
  let stack: E2eStack;
  before(async () => { stack = await E2eStack.start(); });
  after(async () => { await stack.stop(); });

  const documentOf = (order: ClarityOrderPayload) => stack.intacct.documents().find((d) => d.referenceNo === reference(order));
  const contactNamed = (name: string | undefined) => stack.intacct.contacts().find((c) => c.contactName === name);

  it('names contacts carrying the standardised addresses, reuses one for the same address and never shares one between customers', async () => {
    const [first, second] = ordersFor(91, 91_000, 2);
    const a = { ...first!, shippingAddress: congress, billingAddress: commerce };
    const b = { ...second!, shippingAddress: congress, billingAddress: congressAbbreviated };
    const [other] = sampleOrders(1, { seed: 92, startNumber: 92_000 });
    const c = { ...other!, channel: 'web', customerId: 'cust-sam-92', customer: { ...other!.customer, email: 'sam.ortiz.92@example.com', firstName: 'Jane', lastName: 'Roe', company: null }, shippingAddress: congress, billingAddress: congress };

    const sender = stack.sender();
    assert.equal((await sender.send(webhookFor(a))).status, 202);
    await waitFor(() => documentOf(a) !== undefined, { what: 'the first order in Intacct' });
    const documentA = documentOf(a)!;
    const shipTo = contactNamed(documentA.shipToContact);
    const billTo = contactNamed(documentA.billToContact);
    assert.ok(shipTo && billTo, `the document names contacts Intacct has: ${documentA.shipToContact}, ${documentA.billToContact}`);
    assert.deepEqual(shipTo.mailAddress, STANDARD_CONGRESS, 'the ship-to contact carries the standardised shipping address');
    assert.deepEqual(billTo.mailAddress, { address1: '200 Commerce St', city: 'Dallas', state: 'TX', zip: '75201', isoCountryCode: 'US' });
    assert.equal(shipTo.printAs, 'Jane Roe');
    assert.equal(shipTo.email1, a.customer.email);
    assert.ok(shipTo.contactName.startsWith(`${documentA.customerId} Jane Roe – `), `CONTACTNAME names the customer: ${shipTo.contactName}`);
    assert.ok(shipTo.contactName.length <= 200);

    await sender.sendMany([webhookFor(b), webhookFor(c)], { concurrency: 2 });
    await waitFor(() => documentOf(b) !== undefined && documentOf(c) !== undefined, { what: 'the second and third orders in Intacct' });
    const documentB = documentOf(b)!;
    assert.equal(documentB.shipToContact, shipTo.contactName, 'the same address reuses the contact');
    assert.equal(documentB.billToContact, shipTo.contactName, 'the billing address, written differently, is that same contact');
    const documentC = documentOf(c)!;
    assert.notEqual(documentC.customerId, documentA.customerId);
    assert.notEqual(documentC.shipToContact, shipTo.contactName, 'another customer at the same address gets a contact of its own');
    assert.equal(documentC.billToContact, documentC.shipToContact);
    assert.deepEqual(contactNamed(documentC.shipToContact)?.mailAddress, STANDARD_CONGRESS);

    assert.equal(stack.intacct.contacts().length, 3, 'one contact per customer and address');
    assert.deepEqual([...contactsCount(stack.intacct.contacts())].filter(([, n]) => n > 1), [], 'no duplicate CONTACTNAME');
  });

  it('switches the document to a new ship-to contact when an update moves the shipping address', async () => {
    const [order] = ordersFor(93, 93_000, 1);
    const created = { ...order!, shippingAddress: congress, billingAddress: commerce };
    const sender = stack.sender();
    assert.equal((await sender.send(webhookFor(created, { type: 'order.created', createdAt: '2026-11-25T09:00:00Z' }))).status, 202);
    await waitFor(() => documentOf(created) !== undefined, { what: 'the order in Intacct' });
    const before = documentOf(created)!;
    const contactsBefore = stack.intacct.contacts().length;

    const moved = { ...created, shippingAddress: lavaca };
    assert.equal((await sender.send(webhookFor(moved, { type: 'order.updated', createdAt: '2026-11-25T10:00:00Z' }))).status, 202);
    await waitFor(() => documentOf(created)?.shipToContact !== before.shipToContact, { what: 'the ship-to contact switched' });
    const after = documentOf(created)!;
    assert.deepEqual(contactNamed(after.shipToContact)?.mailAddress, { address1: '700 Lavaca St', city: 'Austin', state: 'TX', zip: '78701', isoCountryCode: 'US' });
    assert.equal(after.billToContact, before.billToContact, 'the billing address did not move');
    assert.match(after.message ?? '', /700 Lavaca St/);
    assert.equal(stack.intacct.contacts().length, contactsBefore + 1, 'one new contact, the old one kept');
    assert.ok(contactNamed(before.shipToContact), 'the previous ship-to contact still exists');
  });
});

describe('contacts with one fixed web-sales customer (INTACCT_CUSTOMER_FROM=fixed)', () => {
  let stack: E2eStack;
  before(async () => { stack = await E2eStack.start({ sinkEnv: { INTACCT_CUSTOMER_FROM: 'fixed', INTACCT_CUSTOMER_ID: 'WEBSALES' } }); });
  after(async () => { await stack.stop(); });

  it('still creates one contact per address, under the fixed customer', async () => {
    const orders = sampleOrders(3, { seed: 94, startNumber: 94_000 }).map((order) => ({ ...order, channel: 'web' }));
    await stack.sender().sendMany(orders.map((order) => webhookFor(order)), { concurrency: 3 });
    await waitFor(() => stack.intacct.documents().length >= 3, { what: 'the 3 orders in Intacct' });
    assert.equal(stack.intacct.customers().length, 0, 'no CUSTOMER created');
    for (const order of orders) {
      const document = stack.intacct.documents().find((d) => d.referenceNo === reference(order))!;
      assert.equal(document.customerId, 'WEBSALES');
      const shipTo = stack.intacct.contacts().find((c) => c.contactName === document.shipToContact);
      assert.ok(shipTo?.contactName.startsWith('WEBSALES '), `ship-to contact of ${reference(order)}: ${document.shipToContact}`);
      const standard = standardiseAddress(order.shippingAddress);
      assert.ok(standard.ok);
      assert.deepEqual([shipTo?.mailAddress?.address1, shipTo?.mailAddress?.city, shipTo?.mailAddress?.zip, shipTo?.mailAddress?.isoCountryCode], [standard.value.line1, standard.value.city, standard.value.postalCode, standard.value.country]);
      assert.equal(shipTo?.email1, order.customer.email);
    }
    const addresses = new Set(orders.flatMap((o) => [o.shippingAddress, o.billingAddress].map((a) => JSON.stringify(a))));
    assert.equal(stack.intacct.contacts().length, addresses.size, 'one contact per distinct address');
  });
});
