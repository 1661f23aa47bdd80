import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { requireFields } from './require-fields.js';

const contact = {
  FirstName: 'Maren',
  LastName: '  ',
  Email: null,
  Phone: '+1 503 555 0142',
  MailingAddress: { Street: '1120 NW Couch St', City: 'Portland', PostalCode: '' },
  DoNotCall: false,
  NumberOfOrders__c: 0,
};

describe('requireFields', () => {
  it('lists every missing mandatory field at once, treating blank text as missing', () => {
    const result = requireFields(contact, ['FirstName', 'LastName', 'Email', 'MailingAddress.City', 'MailingAddress.PostalCode', 'Account.Name'], 'Salesforce Contact');
    assert.equal(result.ok, false);
    if (result.ok) return;
    assert.equal(result.error.code, 'MAPPING.MISSING_FIELD');
    assert.equal(result.error.transient, false);
    assert.deepEqual(result.error.details, {
      system: 'Salesforce Contact',
      missing: ['LastName', 'Email', 'MailingAddress.PostalCode', 'Account.Name'],
      path: 'LastName',
    });
    assert.equal(result.error.message, 'Salesforce Contact requires values for LastName, Email, MailingAddress.PostalCode, Account.Name, but the record has none');
  });

  it('passes when every field has a value, counting false and 0 as values', () => {
    assert.deepEqual(requireFields(contact, ['FirstName', 'Phone', 'DoNotCall', 'NumberOfOrders__c'], 'Salesforce Contact'), { ok: true, value: undefined });
  });

  it('reaches into array items', () => {
    const salesOrder = { CUSTOMERID: 'C-10442', SOTRANSITEMS: [{ ITEMID: 'SOCK-MRN-L', QUANTITY: 2 }, { ITEMID: '', QUANTITY: 1 }] };
    const result = requireFields(salesOrder, ['CUSTOMERID', 'SOTRANSITEMS[0].ITEMID', 'SOTRANSITEMS[1].ITEMID', 'SOTRANSITEMS[2].ITEMID'], 'Intacct sales order');
    assert.deepEqual(!result.ok && result.error.details['missing'], ['SOTRANSITEMS[1].ITEMID', 'SOTRANSITEMS[2].ITEMID']);
    assert.match(!result.ok ? result.error.message : '', /^Intacct sales order requires values for/);
  });

  it('treats a record that is not an object as missing everything', () => {
    const result = requireFields(undefined, ['LastName'], 'Salesforce Contact');
    assert.equal(!result.ok && result.error.message, 'Salesforce Contact requires a value for LastName, but the record has none');
  });
});
