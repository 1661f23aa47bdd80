import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_EXTERNAL_IDS, OrgStore, type RecordChange } from './org-store.js';

const context = { userId: '0055g000000001cAAA', changeOrigin: 'com/salesforce/api/rest/62.0;client=tributary' };
const setup = () => {
  const committed: RecordChange[][] = [];
  const store = new OrgStore(DEFAULT_EXTERNAL_IDS, (changes) => committed.push(changes), context.userId);
  return { store, committed };
};

describe('OrgStore', () => {
  it('reports an UPDATE with only the fields whose value changed, and nothing for a no-op update', () => {
    const { store, committed } = setup();
    const { id } = store.transaction(context, () => store.create('Account', { Name: 'Acme', Phone: '1' }, context));
    store.transaction(context, () => store.update('Account', id, { Name: 'Acme', Phone: '2' }, context));
    store.transaction(context, () => store.update('Account', id, { Phone: '2' }, context));
    assert.equal(committed.length, 2);
    assert.deepEqual(Object.keys(committed[1]![0]!.fields).sort(), ['LastModifiedDate', 'Phone']);
  });

  it('rolls a failed transaction back, and nested ones act as savepoints', () => {
    const { store, committed } = setup();
    assert.throws(() => store.transaction(context, () => {
      store.create('Account', { Name: 'Kept only if all succeed' }, context);
      store.create('Contact', { FirstName: 'No last name' }, context);
    }), { errorCode: 'REQUIRED_FIELD_MISSING' });
    assert.equal(store.all('Account').length, 0);
    store.transaction(context, () => {
      store.create('Account', { Name: 'Outer' }, context);
      assert.throws(() => store.transaction(context, () => store.create('Account', { Name: 'Inner', Clarity_Customer_Id__c: 'X' }, context) && store.create('Contact', {}, context)));
    });
    assert.deepEqual(store.all('Account').map((a) => a.fields['Name']), ['Outer']);
    assert.equal(committed.length, 1);
    assert.equal(committed[0]!.length, 1);
  });

  it('upserts by external id: creates, updates, refuses several matches and reused unique values', () => {
    const { store } = setup();
    const created = store.transaction(context, () => store.upsert('Account', 'Clarity_Customer_Id__c', 'C-1', { Name: 'One' }, context));
    assert.equal(created.created, true);
    assert.equal(store.transaction(context, () => store.upsert('Account', 'Clarity_Customer_Id__c', 'c-1', { Phone: '5' }, context)).id, created.id);
    store.seed('Account', { Name: 'A', Legacy_Customer_Number__c: 'L' });
    store.seed('Account', { Name: 'B', Legacy_Customer_Number__c: 'L' });
    assert.throws(() => store.upsert('Account', 'Legacy_Customer_Number__c', 'L', { Name: 'X' }, context), (e: unknown) => (e as { ids?: string[] }).ids?.length === 2);
    assert.throws(() => store.transaction(context, () => store.create('Account', { Name: 'Two', Clarity_Customer_Id__c: 'C-1' }, context)), { errorCode: 'DUPLICATE_VALUE' });
    assert.throws(() => store.upsert('Account', 'Phone', '5', {}, context), { errorCode: 'NOT_FOUND' });
  });
});
