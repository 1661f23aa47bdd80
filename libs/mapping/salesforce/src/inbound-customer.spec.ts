import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { canonicalChangedFields, parseSalesforceVersion, toCanonicalCustomer } from './inbound-customer.js';
import { reconcileSalesforceRecords } from './reconciliation.js';

const context = { extIdField: 'Clarity_Customer_Id__c', countryNames: { US: 'United States' }, changedFields: ['phone'] };

describe('Salesforce records → commerce.customer.v1', () => {
  it('a business Account with our external id', () => {
    const event = toCanonicalCustomer('Account', {
      Id: '001000000000001AAA', Name: 'Acme', Phone: '+1 555', IsPersonAccount: false, Clarity_Customer_Id__c: 'c-1', OwnerId: '005X',
      BillingStreet: '1 Main St\nSuite 2', BillingCity: 'Austin', BillingState: 'TX', BillingPostalCode: '78701', BillingCountry: 'United States', SystemModstamp: '2026-11-25T10:00:00.000+0000',
    }, context);
    assert.equal(event.source, 'salesforce');
    assert.equal(event.customer.customerId, 'c-1');
    assert.equal(event.customer.kind, 'b2b');
    assert.equal(event.customer.company, 'Acme');
    assert.equal(event.customer.billingAddress?.country, 'US');
    assert.equal(event.customer.billingAddress?.line2, 'Suite 2');
    assert.deepEqual(parseSalesforceVersion(event.customer.version), { recordId: '001000000000001AAA', modstampMs: Date.parse('2026-11-25T10:00:00Z') });
  });

  it("a Contact of a rep's new Account: the canonical id names the record", () => {
    const event = toCanonicalCustomer('Contact', { Id: '003000000000001AAA', AccountId: '001000000000002AAA', FirstName: 'Jo', LastName: 'Doe', Email: 'jo@x.example', SystemModstamp: '2026-11-25T10:00:00.000Z' }, { ...context, account: { Name: 'Doe Inc' } });
    assert.equal(event.customer.customerId, 'salesforce:003000000000001AAA');
    assert.equal(event.customer.salesforceContactId, '003000000000001AAA');
    assert.equal(event.customer.company, 'Doe Inc');
  });

  it('CDC changed fields, compound ones included', () => {
    assert.deepEqual(canonicalChangedFields(['Phone', 'BillingAddress.City', 'Name.LastName', 'LastModifiedDate']).sort(), ['billingAddress', 'lastName', 'phone']);
    assert.deepEqual(canonicalChangedFields(['Name', 'LastName'], 'Contact'), ['lastName']);
    assert.deepEqual(canonicalChangedFields(['Name'], 'Account'), ['company']);
  });
});

describe('reconcileSalesforceRecords', () => {
  it('missing, duplicate, mismatched and orphan by external id (case-insensitive)', () => {
    const { section, findings } = reconcileSalesforceRecords('order',
      [{ reference: 'o-1', amount: '10.00', items: 1, describe: 'o-1' }, { reference: 'o-2', amount: '5.00', items: 2, describe: 'o-2' }, { reference: 'o-3', describe: 'o-3' }, { reference: 'O-4', amount: '1.00', items: 1, describe: 'o-4' }],
      [{ id: 'a', reference: 'o-1', amount: '10.00', items: 1 }, { id: 'b', reference: 'o-2', amount: '6.00', items: 2 }, { id: 'c', reference: 'o-4', amount: '1.00', items: 1 }, { id: 'd', reference: 'o-4', amount: '1.00', items: 1 }, { id: 'e', reference: 'o-9' }]);
    assert.deepEqual(section.counts, { missing: 1, duplicate: 1, mismatched: 1, orphan: 1 });
    assert.equal(section.matched, 1);
    assert.deepEqual(findings.find((f) => f.kind === 'duplicate')?.records, ['c', 'd']);
  });
});
