import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { classifyEntry, classifyError, matchingIds } from './classify-error.js';

/** An error shaped as jsforce 3.10's HttpApiError: name and errorCode from Salesforce, the entry in data. */
const jsforceError = (errorCode: string, message: string, data?: unknown) => Object.assign(new Error(message), { name: errorCode, errorCode, data });

describe('classifyError', () => {
  it('makes validation failures permanent, with the message and the fields', () => {
    const error = classifyError(jsforceError('REQUIRED_FIELD_MISSING', 'Required fields are missing: [LastName]', { message: 'Required fields are missing: [LastName]', errorCode: 'REQUIRED_FIELD_MISSING', fields: ['LastName'] }));
    assert.equal(error.code, 'SALESFORCE.REQUIRED_FIELD_MISSING');
    assert.equal(error.transient, false);
    assert.equal(error.message, 'Required fields are missing: [LastName]');
    assert.deepEqual(error.details['fields'], ['LastName']);
    assert.equal(classifyError(jsforceError('FIELD_INTEGRITY_EXCEPTION', 'Order Products must have a Price Book Entry …')).code, 'SALESFORCE.FIELD_INTEGRITY_EXCEPTION');
    assert.equal(classifyError(jsforceError('INVALID_FIELD', "No such column 'Colour' on sobject of type Account")).code, 'SALESFORCE.INVALID_FIELD');
    assert.equal(classifyError(jsforceError('STRING_TOO_LONG', 'Name: data value too large')).code, 'SALESFORCE.REJECTED');
  });

  it('makes the daily limit a transient LIMIT with a long retryAfterMs', () => {
    const error = classifyError(jsforceError('REQUEST_LIMIT_EXCEEDED', 'TotalRequests Limit exceeded.'), { limitRetryAfterMs: 3_600_000 });
    assert.deepEqual([error.code, error.transient, error.details['retryAfterMs']], ['SALESFORCE.LIMIT', true, 3_600_000]);
    assert.equal(classifyError(jsforceError('REQUEST_LIMIT_EXCEEDED', 'x')).details['retryAfterMs'], 15 * 60 * 1000);
  });

  it('turns HTTP 300 into a permanent MULTIPLE_MATCHES with the record ids', () => {
    const error = classifyError(jsforceError('MULTIPLE_CHOICES', 'Multiple records found', ['/services/data/v62.0/sobjects/Account/0015g000000012XAAQ', '/services/data/v62.0/sobjects/Account/0015g000000012YAAQ']));
    assert.deepEqual([error.code, error.transient, error.details['ids']], ['SALESFORCE.MULTIPLE_MATCHES', false, ['0015g000000012XAAQ', '0015g000000012YAAQ']]);
  });

  it('makes DUPLICATE_VALUE transient so the caller retries as an update', () => {
    const error = classifyError(jsforceError('DUPLICATE_VALUE', 'duplicate value found: Clarity_Customer_Id__c duplicates value on record with id: 0015g000000012XAAQ'));
    assert.deepEqual([error.code, error.transient], ['SALESFORCE.DUPLICATE_VALUE', true]);
  });

  it('makes 5xx, network failures and timeouts transient, with an unknown outcome for writes', () => {
    const http = classifyError(jsforceError('ERROR_HTTP_503', '<html>Service Unavailable</html>'), { write: true });
    assert.deepEqual([http.code, http.transient, http.details['httpStatus'], http.details['outcomeUnknown']], ['SALESFORCE.UNAVAILABLE', true, 503, true]);
    const refused = classifyError(Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } }), { write: true });
    assert.deepEqual([refused.code, refused.transient, refused.details['outcomeUnknown']], ['SALESFORCE.UNAVAILABLE', true, false]);
    const reset = classifyError(Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNRESET' } }), { write: true });
    assert.equal(reset.details['outcomeUnknown'], true);
    const timeout = classifyError(new DOMException('aborted. Request was aborted due to timeout of 30 minutes.', 'AbortError'), { write: false });
    assert.deepEqual([timeout.code, timeout.transient, timeout.details['outcomeUnknown']], ['SALESFORCE.TIMEOUT', true, false]);
  });

  it('makes refused client credentials a transient AUTH_FAILED (pause, never dead-letter)', () => {
    const oauth = Object.assign(new Error('client identifier invalid'), { name: 'invalid_client_id' });
    const error = classifyError(oauth);
    assert.deepEqual([error.code, error.transient, error.details['oauthError']], ['SALESFORCE.AUTH_FAILED', true, 'invalid_client_id']);
  });

  it('classifies MULTIPLE_API_ERRORS by the first and keeps them all', () => {
    const error = classifyError(jsforceError('MULTIPLE_API_ERRORS', 'Multiple errors returned.', [
      { errorCode: 'REQUIRED_FIELD_MISSING', message: 'Required fields are missing: [Name]', fields: ['Name'] },
      { errorCode: 'INVALID_FIELD', message: "No such column 'X'" },
    ]));
    assert.equal(error.code, 'SALESFORCE.REQUIRED_FIELD_MISSING');
    assert.equal((error.details['errors'] as unknown[]).length, 2);
  });
});

describe('classifyEntry (collection results)', () => {
  it('reads statusCode and the ids of DUPLICATE_EXTERNAL_ID', () => {
    const error = classifyEntry({ statusCode: 'DUPLICATE_EXTERNAL_ID', message: 'Legacy_Customer_Number__c: more than one record found for external id field: [0015g000000012XAAQ, 0015g000000012YAAQ]', fields: [] });
    assert.deepEqual([error.code, error.details['ids']], ['SALESFORCE.MULTIPLE_MATCHES', ['0015g000000012XAAQ', '0015g000000012YAAQ']]);
    assert.equal(classifyEntry({ statusCode: 'ALL_OR_NONE_OPERATION_ROLLED_BACK', message: 'rolled back' }).code, 'SALESFORCE.REJECTED');
  });

  it('finds no ids in a message without any', () => {
    assert.deepEqual(matchingIds(undefined, 'Required fields are missing: [LastName]'), []);
  });
});
