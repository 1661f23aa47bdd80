import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { authenticationFailure, controlFailure, describeErrors, functionFailure } from './classify-failure.js';
import { parseIntacctResponse, type IntacctFunctionResult, type IntacctResponse } from './intacct-response.js';
import {
  businessFailureReply,
  duplicateControlIdReply,
  schemaFailureReply,
  senderFailureReply,
  signInFailureReply,
  throttledReply,
} from './reply-fixtures.js';

const parse = (xml: string): IntacctResponse => {
  const parsed = parseIntacctResponse(xml);
  assert.ok(parsed.ok);
  return parsed.value;
};

const firstResult = (xml: string): IntacctFunctionResult => {
  const response = parse(xml);
  assert.ok(response.kind === 'operation' && response.results[0]);
  return response.results[0];
};

const errorsOf = (xml: string) => {
  const response = parse(xml);
  assert.ok(response.kind !== 'operation');
  return response.errors;
};

describe('Intacct failure classification', () => {
  it('pauses on refused sender credentials (transient AUTH_FAILED)', () => {
    const error = controlFailure(errorsOf(senderFailureReply));
    assert.equal(error.code, 'INTACCT.AUTH_FAILED');
    assert.equal(error.transient, true);
    assert.equal(error.details['level'], 'control');
  });

  it('pauses on refused user credentials (transient AUTH_FAILED)', () => {
    const error = authenticationFailure(errorsOf(signInFailureReply));
    assert.equal(error.code, 'INTACCT.AUTH_FAILED');
    assert.equal(error.transient, true);
    assert.match(error.message, /Sign-in information is incorrect/);
  });

  it('rejects a request the gateway cannot accept permanently', () => {
    const error = controlFailure(errorsOf(schemaFailureReply));
    assert.equal(error.code, 'INTACCT.REQUEST_REJECTED');
    assert.equal(error.transient, false);
  });

  it('treats GW-0010 as throttling and keeps the Retry-After hint', () => {
    const error = controlFailure(errorsOf(throttledReply), 3000);
    assert.equal(error.code, 'INTACCT.THROTTLED');
    assert.equal(error.transient, true);
    assert.equal(error.details['retryAfterMs'], 3000);
  });

  it('recognises a replayed function controlid as permanent DUPLICATE_CONTROLID', () => {
    const error = functionFailure(firstResult(duplicateControlIdReply('so-create-10045')));
    assert.equal(error.code, 'INTACCT.DUPLICATE_CONTROLID');
    assert.equal(error.transient, false);
    assert.equal(error.details['controlId'], 'so-create-10045');
  });

  it('makes other function failures permanent BUSINESS_ERRORs with every error listed', () => {
    const error = functionFailure(firstResult(businessFailureReply('so-create-10045')));
    assert.equal(error.code, 'INTACCT.BUSINESS_ERROR');
    assert.equal(error.transient, false);
    assert.deepEqual(error.details['errors'], [
      {
        errorno: 'BL01001973',
        description: 'Invalid Customer',
        description2: "Customer 'C-9999' does not exist [Support ID: Xk2hE%7EZjXvSkl]",
        correction: 'Use an existing customer & retry',
      },
      { errorno: 'BL01001973', description: '', description2: 'Could not create Document record!', correction: '' },
    ]);
    assert.equal(
      error.message,
      "Intacct create_sotransaction failed: BL01001973 Invalid Customer Customer 'C-9999' does not exist [Support ID: Xk2hE%7EZjXvSkl] Use an existing customer & retry; BL01001973 Could not create Document record!",
    );
  });

  it('says so when a failure carries no details', () => {
    assert.equal(describeErrors([]), 'no error details given');
  });
});
