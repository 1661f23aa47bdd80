import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { chunk, collectionOutcomes, soqlString } from './salesforce-client.js';
import { changeOriginClient, isEcho, toChangeEvent } from './change-events.js';
import { classifyStreamingError } from './change-subscription.js';

describe('collectionOutcomes', () => {
  it('maps each result back to the record at its index; failures are classified, missing results transient', () => {
    const outcomes = collectionOutcomes([
      { id: '0035g000000001aAAA', success: true, errors: [], created: true },
      { success: false, errors: [{ statusCode: 'REQUIRED_FIELD_MISSING', message: 'Required fields are missing: [LastName]', fields: ['LastName'] }] },
    ], 3);
    assert.deepEqual(outcomes[0], { kind: 'saved', id: '0035g000000001aAAA', created: true });
    assert.ok(outcomes[1]?.kind === 'failed' && outcomes[1].error.code === 'SALESFORCE.REQUIRED_FIELD_MISSING' && !outcomes[1].error.transient);
    assert.ok(outcomes[2]?.kind === 'failed' && outcomes[2].error.transient && outcomes[2].error.details['outcomeUnknown'] === true);
  });
});

describe('helpers', () => {
  it('escapes SOQL string literals', () => {
    assert.equal(soqlString("O'Brien \\ Sons"), "'O\\'Brien \\\\ Sons'");
  });

  it('chunks at the collection limit', () => {
    assert.deepEqual(chunk([1, 2, 3, 4, 5], 2), [[1, 2], [3, 4], [5]]);
    assert.deepEqual(chunk([], 200), []);
  });
});

describe('change events', () => {
  const data = {
    schema: 'x',
    payload: {
      ChangeEventHeader: {
        entityName: 'Contact', recordIds: ['0035g000000001aAAA'], changeType: 'UPDATE', changeOrigin: 'com/salesforce/api/rest/62.0;client=tributary',
        transactionKey: 't', sequenceNumber: 1, commitTimestamp: 1, commitNumber: 2, commitUser: '0055g000000001cAAA', changedFields: ['Phone'],
      },
      Phone: '555-0199',
    },
    event: { replayId: 17042 },
  };

  it('parses the payload into header and fields', () => {
    const event = toChangeEvent('/data/ContactChangeEvent', data)!;
    assert.equal(event.replayId, 17042);
    assert.deepEqual(event.fields, { Phone: '555-0199' });
    assert.equal(toChangeEvent('/data/ContactChangeEvent', { payload: {} }), undefined);
  });

  it('recognises our echoes by changeOrigin client or commitUser', () => {
    const event = toChangeEvent('/data/ContactChangeEvent', data)!;
    assert.equal(changeOriginClient(event.header.changeOrigin), 'tributary');
    assert.ok(isEcho(event, { clientName: 'tributary' }));
    assert.ok(!isEcho(event, { clientName: 'other' }));
    assert.ok(isEcho(event, { clientName: 'other', integrationUserId: '0055g000000001cAAA' }));
    assert.ok(!isEcho({ ...event, header: { ...event.header, changeOrigin: '', commitUser: '0055g000000009zAAA' } }, { clientName: 'tributary', integrationUserId: '0055g000000001cAAA' }));
  });

  it('classifies CometD errors', () => {
    assert.equal(classifyStreamingError('400::The replayId {17001} you provided was invalid.  Please provide a valid ID, -2 to replay all events, or -1 to replay only new events.', '/data/AccountChangeEvent').code, 'SALESFORCE.REPLAY_ID_INVALID');
    assert.equal(classifyStreamingError('400::The channel you requested to subscribe to does not exist {/data/FooChangeEvent}', '/data/FooChangeEvent').code, 'SALESFORCE.CHANNEL_UNKNOWN');
    assert.equal(classifyStreamingError('401::Authentication invalid', '/data/AccountChangeEvent').code, 'SALESFORCE.AUTH_FAILED');
  });
});
