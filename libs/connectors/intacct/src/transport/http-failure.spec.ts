import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { httpStatusFailure, parseRetryAfter, transportFailure } from './http-failure.js';

describe('HTTP and network failure classification', () => {
  it('reads Retry-After as seconds or as an HTTP date', () => {
    assert.equal(parseRetryAfter('3'), 3000);
    assert.equal(parseRetryAfter('Wed, 01 May 2024 10:00:05 GMT', Date.parse('2024-05-01T10:00:00Z')), 5000);
    assert.equal(parseRetryAfter('soon'), undefined);
    assert.equal(parseRetryAfter(undefined), undefined);
  });

  it('treats HTTP 429 as throttling with the server-chosen delay', () => {
    const error = httpStatusFailure(429, 2000, '');
    assert.equal(error.code, 'INTACCT.THROTTLED');
    assert.equal(error.transient, true);
    assert.equal(error.details['retryAfterMs'], 2000);
  });

  it('treats HTTP 5xx as unavailable with an unknown outcome', () => {
    for (const status of [500, 502, 503, 524]) {
      const error = httpStatusFailure(status, undefined, 'oops');
      assert.equal(error.code, 'INTACCT.UNAVAILABLE');
      assert.equal(error.transient, true);
      assert.equal(error.details['outcomeUnknown'], true);
    }
  });

  it('knows a refused connection never reached Intacct', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' });
    const error = transportFailure(refused, false, 30000);
    assert.equal(error.code, 'INTACCT.UNAVAILABLE');
    assert.equal(error.details['outcomeUnknown'], false);
  });

  it('treats a timeout after sending as an unknown outcome', () => {
    const error = transportFailure(new Error('This operation was aborted'), true, 30000);
    assert.equal(error.code, 'INTACCT.TIMEOUT');
    assert.equal(error.transient, true);
    assert.equal(error.details['outcomeUnknown'], true);
    const headers = transportFailure(Object.assign(new Error('Headers Timeout Error'), { code: 'UND_ERR_HEADERS_TIMEOUT' }), false, 30000);
    assert.equal(headers.code, 'INTACCT.TIMEOUT');
  });

  it('treats a reset socket as unavailable with an unknown outcome', () => {
    const error = transportFailure(Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' }), false, 30000);
    assert.equal(error.code, 'INTACCT.UNAVAILABLE');
    assert.equal(error.details['outcomeUnknown'], true);
  });

  it('keeps no credential of an echoed request in the error details', () => {
    const echoed = '<request><control><senderid>tributary</senderid><password>sender-Pa55</password></control><operation><authentication><login><userid>ws</userid><companyid>C</companyid><password>user-Pa55</password></login></authentication></operation></request>';
    const error = httpStatusFailure(500, undefined, echoed);
    const body = String(error.details['body']);
    assert.doesNotMatch(body, /Pa55/);
    assert.match(body, /<password>\[redacted\]<\/password>/);
    assert.doesNotMatch(String(httpStatusFailure(502, undefined, `${'x'.repeat(480)}<password>cut-off-secr`).details['body']), /cut-off/);
    assert.doesNotMatch(String(httpStatusFailure(500, undefined, '<sessionid>abc123</sessionid>').details['body']), /abc123/);
  });
});
