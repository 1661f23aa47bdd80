import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Order } from '@tributary/canonical-model';
import { MAX_CONTACTNAME, orderContacts } from './order-contacts.js';

const home = { name: 'Jane Roe', line1: '500  Congress Avenue', line2: 'Suite 210', city: 'Austin', region: 'Texas', postalCode: '78701', country: 'United States' };
const office = { name: 'Roe & Daughters Café', line1: '418 Harbor Lane', line2: null, city: 'Portland', region: 'ME', postalCode: '04101', country: 'US' };

const order = (overrides: Partial<Order> = {}): Order => ({
  orderId: 'clarity-ord-10045', orderNumber: 'WEB-10045', status: 'processing', orderedAt: Date.UTC(2026, 10, 25, 9, 29), currency: 'USD', storeId: 'store-us-1', channel: 'web',
  customer: { customerId: 'cust-77', email: 'jane.roe@example.com', firstName: 'Jane', lastName: 'Roe', company: 'Roe & Daughters Café', phone: '+1 512 555 0142' },
  billingAddress: office,
  shippingAddress: home,
  lines: [{ lineId: '1', sku: 'TRB-MUG-12OZ', description: 'Ceramic mug 12 oz', quantity: 2, unitPrice: '19.99', discount: '0.00', tax: '3.30', lineTotal: '39.98' }],
  shipping: { method: 'UPS Ground', amount: '9.95' },
  payment: null, couponCode: null,
  totals: { subtotal: '39.98', discountTotal: '0.00', taxTotal: '3.30', shippingTotal: '9.95', grandTotal: '53.23' },
  ...overrides,
});

const HASHED = /^CL-CUST-77 (.+) – [0-9a-f]{10}$/;

describe('orderContacts', () => {
  it('builds the ship-to and bill-to contacts from the standardised addresses and the customer', () => {
    const { shipTo, billTo } = orderContacts(order(), 'CL-CUST-77');
    assert.match(shipTo.contactName, HASHED);
    assert.equal(HASHED.exec(shipTo.contactName)?.[1], 'Jane Roe');
    assert.deepEqual({ ...shipTo, contactName: '' }, {
      contactName: '', printAs: 'Jane Roe', companyName: 'Roe & Daughters Café', firstName: 'Jane', lastName: 'Roe', phone: '+1 512 555 0142', email: 'jane.roe@example.com',
      mailAddress: { address1: '500 Congress Ave', address2: 'Ste 210', city: 'Austin', state: 'TX', zip: '78701', isoCountryCode: 'US' },
    });
    assert.equal(billTo.printAs, 'Roe & Daughters Café');
    assert.deepEqual(billTo.mailAddress, { address1: '418 Harbor Ln', city: 'Portland', state: 'ME', zip: '04101', isoCountryCode: 'US' });
    assert.equal(billTo.firstName, undefined, 'a company name is not split into a person');
    assert.notEqual(billTo.contactName, shipTo.contactName);
  });

  it('is deterministic, and the same address written differently is the same contact', () => {
    const first = orderContacts(order(), 'CL-CUST-77');
    const again = orderContacts(order({ orderId: 'clarity-ord-10046', shippingAddress: { ...home, line1: '500 CONGRESS AVE', line2: 'ste 210', region: 'TX', country: 'US' } }), 'CL-CUST-77');
    assert.equal(again.shipTo.contactName, first.shipTo.contactName);
    assert.deepEqual(orderContacts(order(), 'CL-CUST-77'), first);
  });

  it('gives a new address, another recipient or another customer a contact of its own', () => {
    const { shipTo } = orderContacts(order(), 'CL-CUST-77');
    const moved = orderContacts(order({ shippingAddress: { ...home, line1: '700 Lavaca Street' } }), 'CL-CUST-77').shipTo;
    assert.notEqual(moved.contactName, shipTo.contactName);
    assert.equal(moved.mailAddress?.address1, '700 Lavaca St');
    const gift = orderContacts(order({ shippingAddress: { ...home, name: 'Mary Ann Ortiz' } }), 'CL-CUST-77').shipTo;
    assert.notEqual(gift.contactName, shipTo.contactName);
    assert.deepEqual([gift.printAs, gift.firstName, gift.lastName], ['Mary Ann Ortiz', 'Mary Ann', 'Ortiz']);
    const otherCustomer = orderContacts(order(), 'CL-CUST-88').shipTo;
    assert.notEqual(otherCustomer.contactName, shipTo.contactName);
    assert.equal(otherCustomer.contactName.slice(-10) === shipTo.contactName.slice(-10), false, 'the hash itself differs, not only the prefix');
  });

  it('names one contact for both roles when the order ships to its billing address', () => {
    const { shipTo, billTo } = orderContacts(order({ billingAddress: { ...home, line1: '500 Congress Ave' } }), 'CL-CUST-77');
    assert.equal(billTo, shipTo);
  });

  it('keeps CONTACTNAME within 200 characters, cutting the name and never the hash', () => {
    const long = 'Bartholomew-Maximilian '.repeat(12).trim();
    const { shipTo } = orderContacts(order({ shippingAddress: { ...home, name: long } }), 'CL-CUST-77');
    assert.ok([...shipTo.contactName].length <= MAX_CONTACTNAME);
    assert.match(shipTo.contactName, /^CL-CUST-77 Bartholomew-Maximilian .* – [0-9a-f]{10}$/);
    assert.equal(shipTo.printAs, long);
    const emoji = orderContacts(order({ shippingAddress: { ...home, name: '🎁'.repeat(250) } }), 'CL-CUST-77').shipTo;
    assert.ok([...emoji.contactName].length <= MAX_CONTACTNAME);
    assert.doesNotMatch(emoji.contactName, /\uFFFD/);
  });

  it('falls back to the customer for an address without a name, and keeps an address it cannot standardise out of MAILADDRESS', () => {
    const { shipTo } = orderContacts(order({ shippingAddress: { ...home, name: null } }), 'WEBSALES');
    assert.match(shipTo.contactName, /^WEBSALES Jane Roe – [0-9a-f]{10}$/);
    const odd = orderContacts(order({ shippingAddress: { ...home, country: 'Atlantis' } }), 'WEBSALES').shipTo;
    assert.equal(odd.mailAddress, undefined);
    assert.match(odd.contactName, /^WEBSALES Jane Roe – [0-9a-f]{10}$/);
    assert.notEqual(odd.contactName, shipTo.contactName);
  });
});
