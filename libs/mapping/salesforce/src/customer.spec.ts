import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import type { Customer } from '@tributary/canonical-model';
import { loadMappingConfig, parseMappingConfig } from '@tributary/mapping-core';
import { readFileSync } from 'node:fs';
import { enrichCustomer, toSalesforceCustomer } from './customer.js';

const FILE = join(fileURLToPath(import.meta.url), '../../../../../config/mappings/default.yaml');
const rules = loadMappingConfig(FILE).salesforce;
const withRules = (edit: (yaml: string) => string) => {
  const parsed = parseMappingConfig(edit(readFileSync(FILE, 'utf8')), 'test.yaml');
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
  return parsed.value.salesforce;
};
const recordTypes = new Map([['Business_Account', '012B'], ['PersonAccount', '012P']]);
const customer = (overrides: Partial<Customer> = {}): Customer => ({
  customerId: 'c-1', clarityId: 'c-1', salesforceAccountId: null, salesforceContactId: null, kind: 'b2b', email: 'jane@acme.example', firstName: ' Jane ', lastName: 'Roe',
  company: 'Acme Outdoor', phone: '+1 512 555 0100', billingAddress: { name: null, line1: ' 1 Main  St ', line2: 'Suite 2', city: 'Austin', region: 'TX', postalCode: '78701', country: 'US' },
  shippingAddress: null, marketingOptIn: false, accountOwner: null, modifiedAt: 1, version: 'v1', changedFields: [], ...overrides,
});

describe('toSalesforceCustomer', () => {
  it('B2B: a business Account of the rule-chosen record type, with the person as its Contact', async () => {
    const plan = await toSalesforceCustomer(customer(), rules, recordTypes);
    assert.equal(plan.kind, 'upsert');
    if (plan.kind !== 'upsert') return;
    assert.equal(plan.shape, 'business');
    assert.equal(plan.account['Name'], 'Acme Outdoor');
    assert.equal(plan.account['RecordTypeId'], '012B');
    assert.equal(plan.account['Clarity_Customer_Id__c'], 'c-1');
    assert.equal(plan.account['BillingStreet'], '1 Main St\nSuite 2');
    assert.equal(plan.account['BillingCountry'], 'United States');
    assert.equal(plan.account['AccountSource'], 'Web');
    assert.equal(plan.account['Type'], 'Customer - Direct');
    assert.equal(plan.contact?.['FirstName'], 'Jane');
    assert.equal(plan.contact?.['HasOptedOutOfEmail'], true);
  });

  it('B2C: a Person Account by default, Account + Contact when configured', async () => {
    const person = await toSalesforceCustomer(customer({ kind: 'b2c', company: null }), rules, recordTypes);
    assert.ok(person.kind === 'upsert' && person.shape === 'person-account' && person.contact === null);
    assert.equal(person.kind === 'upsert' && person.account['RecordTypeId'], '012P');
    assert.equal(person.kind === 'upsert' && person.account['PersonEmail'], 'jane@acme.example');
    const split = await toSalesforceCustomer(customer({ kind: 'b2c', company: null }), withRules((y) => y.replace('b2cShape: person-account', 'b2cShape: account-contact')), recordTypes);
    assert.ok(split.kind === 'upsert' && split.shape === 'account-contact');
    assert.equal(split.kind === 'upsert' && split.account['Name'], 'Jane Roe');
    assert.equal(split.kind === 'upsert' && split.contact?.['LastName'], 'Roe');
  });

  it('a record-type rule and the sync condition', async () => {
    const r = withRules((y) => y.replace('    rules: []', "    rules:\n      - { name: wholesale, when: \"$contains(company, 'Wholesale')\", recordType: Wholesale }").replace(`syncWhen: "kind in ['b2b', 'b2c']"`, `syncWhen: "kind = 'b2b'"`));
    const types = new Map([...recordTypes, ['Wholesale', '012W']]);
    const plan = await toSalesforceCustomer(customer({ company: 'Big Wholesale Inc' }), r, types);
    assert.equal(plan.kind === 'upsert' && plan.account['RecordTypeId'], '012W');
    const skipped = await toSalesforceCustomer(customer({ kind: 'b2c' }), r, types);
    assert.equal(skipped.kind, 'skip');
  });

  it('missing last name: review by default; from-email and placeholder rules; enrichment fills it', async () => {
    assert.equal((await toSalesforceCustomer(customer({ lastName: null }), rules, recordTypes)).kind, 'missing-last-name');
    const fromEmail = await toSalesforceCustomer(customer({ lastName: ' ' }), withRules((y) => y.replace('rule: review', 'rule: from-email')), recordTypes);
    assert.equal(fromEmail.kind === 'upsert' && fromEmail.contact?.['LastName'], 'jane');
    const placeholder = await toSalesforceCustomer(customer({ lastName: null }), withRules((y) => y.replace('rule: review', 'rule: placeholder')), recordTypes);
    assert.equal(placeholder.kind === 'upsert' && placeholder.contact?.['LastName'], 'Unknown');
    const enriched = enrichCustomer(customer({ lastName: null }), { lastName: 'Roe-Smith' });
    assert.equal((await toSalesforceCustomer(enriched, rules, recordTypes)).kind, 'upsert');
  });

  it('an unknown record type is a permanent mapping error', async () => {
    await assert.rejects(toSalesforceCustomer(customer(), rules, new Map()), /MAPPING|record type/);
  });
});
