import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { CustomerEvent, CustomerProfile } from '@tributary/canonical-model';
import { applyCustomer, applyCustomerXref, type Masters } from './customer-profile-fold.js';

const masters: Masters = { email: 'clarity', billingAddress: 'clarity', phone: 'salesforce', accountOwner: 'salesforce', creditLimit: 'erp' };

const change = (source: 'clarity' | 'salesforce', modifiedAt: number, version: string, fields: Partial<CustomerEvent['customer']>): CustomerEvent => ({
  eventId: `${source}-${version}`, eventType: 'customer.updated', occurredAt: modifiedAt, source, correlationId: 'c', causationId: null, schemaVersion: 1,
  customer: {
    customerId: 'CUST-1', clarityId: source === 'clarity' ? 'CUST-1' : null, salesforceAccountId: source === 'salesforce' ? '001A' : null, salesforceContactId: null,
    kind: 'b2c', email: null, firstName: null, lastName: null, company: null, phone: null, billingAddress: null, shippingAddress: null, marketingOptIn: null, accountOwner: null,
    modifiedAt, version, changedFields: [], ...fields,
  },
});

const fold = (events: CustomerEvent[]): CustomerProfile => events.reduce<CustomerProfile | undefined>((p, e) => applyCustomer(p, e, masters) ?? p, undefined)!;

describe('customer profile fold', () => {
  const events = [
    change('clarity', 100, '1', { email: 'ada@example.com', phone: '+1 512 555 0100', firstName: 'Ada' }),
    change('salesforce', 50, '7', { email: 'ada.old@example.com', phone: '+1 512 555 0199', accountOwner: 'Grace Hopper' }),
    change('salesforce', 200, '8', { email: 'ada.sf@example.com', firstName: 'Adaline' }),
    change('clarity', 150, '2', { firstName: 'Ada L.' }),
  ];

  it('a master always wins its field; other sources fill only what the master has not set', () => {
    const profile = fold(events);
    assert.equal(profile.email, 'ada@example.com');
    assert.equal(profile.provenance['email']?.source, 'clarity');
    assert.equal(profile.phone, '+1 512 555 0199');
    assert.equal(profile.accountOwner, 'Grace Hopper');
    assert.equal(profile.firstName, 'Adaline', 'no master for firstName here: the newest change wins');
    assert.deepEqual(profile.ids, { clarity: 'CUST-1', salesforceAccount: '001A' });
  });

  it('is the same whatever the arrival order', () => {
    const expected = JSON.stringify(fold(events));
    const permutations = (list: CustomerEvent[]): CustomerEvent[][] => list.length <= 1 ? [list] : list.flatMap((e, i) => permutations([...list.slice(0, i), ...list.slice(i + 1)]).map((rest) => [e, ...rest]));
    for (const order of permutations(events)) {
      const profile = fold(order);
      assert.equal(JSON.stringify(profile), expected, 'same record, byte for byte');
    }
  });

  it('adds the ERP id from a DONE cross-reference, idempotently', () => {
    const xref = { key: 'intacct:customer:CUST-1', system: 'intacct', entity: 'customer', sourceId: 'CUST-1', status: 'DONE', externalId: 'C-0042', externalReference: null, eventId: 'e', correlationId: 'c', attempt: 1, detail: null, updatedAt: 5 };
    const profile = applyCustomerXref(fold(events), xref)!;
    assert.equal(profile.ids['intacct'], 'C-0042');
    assert.equal(applyCustomerXref(profile, xref), undefined);
    assert.equal(applyCustomerXref(profile, { ...xref, status: 'PENDING' }), undefined);
  });
});
