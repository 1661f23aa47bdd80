import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { httpStatusFailure, parseRetryAfter, transportFailure } from './classify-failure.js';

const body = (error: string, message: string, field?: string) => JSON.stringify({ error, message, ...(field ? { field } : {}) });

describe('classifying facade failures', () => {
  it('422 validation is permanent SAGE100.VALIDATION carrying the BOI text and field', () => {
    const error = httpStatusFailure('createSalesOrder', 422, body('validation', 'Item code NO-SUCH-SKU is invalid.', 'ItemCode'), undefined, true);
    assert.deepEqual([error.code, error.transient, error.message], ['SAGE100.VALIDATION', false, 'Item code NO-SUCH-SKU is invalid.']);
    assert.deepEqual([error.details['field'], error.details['boiMessage'], error.details['httpStatus']], ['ItemCode', 'Item code NO-SUCH-SKU is invalid.', 422]);
  });

  it('422 duplicate is permanent SAGE100.DUPLICATE', () => {
    const error = httpStatusFailure('createSalesOrder', 422, body('duplicate', 'Customer PO number CL-1 has already been used on sales order 0000007 for this customer.', 'CustomerPONo'), undefined, true);
    assert.deepEqual([error.code, error.transient], ['SAGE100.DUPLICATE', false]);
  });

  it('409 is transient LOCKED; 429 transient THROTTLED with retryAfterMs; 503 transient OFFLINE; none leaves the outcome unknown', () => {
    const locked = httpStatusFailure('updateSalesOrder', 409, body('locked', 'The record 0000007 in SO_SalesOrderHeader is in use by another user.'), undefined, true);
    assert.deepEqual([locked.code, locked.transient, locked.details['outcomeUnknown']], ['SAGE100.LOCKED', true, false]);
    const throttled = httpStatusFailure('listInvoices', 429, body('throttled', 'slow down'), 2000, false);
    assert.deepEqual([throttled.code, throttled.transient, throttled.details['retryAfterMs']], ['SAGE100.THROTTLED', true, 2000]);
    const offline = httpStatusFailure('createSalesOrder', 503, body('offline', 'The Sage 100 agent is not connected to the Sage 100 server.'), undefined, true);
    assert.deepEqual([offline.code, offline.transient, offline.details['outcomeUnknown']], ['SAGE100.OFFLINE', true, false]);
  });

  it('401/403 pause (transient AUTH_FAILED); 400 and a 404 on a write are permanent', () => {
    assert.deepEqual([401, 403].map((s) => httpStatusFailure('listPaymentTypes', s, body('unauthorized', 'no'), undefined, false)).map((e) => [e.code, e.transient]), [['SAGE100.AUTH_FAILED', true], ['SAGE100.AUTH_FAILED', true]]);
    const rejected = httpStatusFailure('createSalesOrder', 400, body('bad_request', 'FreightAmt: expected number'), undefined, true);
    assert.deepEqual([rejected.code, rejected.transient], ['SAGE100.REQUEST_REJECTED', false]);
    assert.deepEqual([httpStatusFailure('updateSalesOrder', 404, body('not_found', 'x'), undefined, true).code], ['SAGE100.NOT_FOUND']);
  });

  it('a 500 or an HTML error page leaves a write unknown and a read known', () => {
    const write = httpStatusFailure('createSalesOrder', 500, '<html>Internal Server Error</html>', undefined, true);
    assert.deepEqual([write.code, write.transient, write.details['outcomeUnknown']], ['SAGE100.UNAVAILABLE', true, true]);
    assert.match(write.message, /HTTP 500: <html>/);
    assert.equal(httpStatusFailure('listInvoices', 502, '', undefined, false).details['outcomeUnknown'], false);
  });

  it('a refused connection is OFFLINE (nothing sent); a timeout is TIMEOUT with the outcome unknown for a write', () => {
    const refused = transportFailure('createSalesOrder', Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }), false, 1000, true);
    assert.deepEqual([refused.code, refused.transient, refused.details['outcomeUnknown']], ['SAGE100.OFFLINE', true, false]);
    const timeout = transportFailure('createSalesOrder', new Error('aborted'), true, 1000, true);
    assert.deepEqual([timeout.code, timeout.transient, timeout.details['outcomeUnknown']], ['SAGE100.TIMEOUT', true, true]);
    const reset = transportFailure('createCashReceipt', { cause: { code: 'ECONNRESET' } }, false, 1000, true);
    assert.deepEqual([reset.code, reset.details['outcomeUnknown']], ['SAGE100.UNAVAILABLE', true]);
  });

  it('reads Retry-After as seconds or a date', () => {
    assert.equal(parseRetryAfter('3'), 3000);
    assert.equal(parseRetryAfter(new Date(10_000).toUTCString(), 4_000), 6000);
    assert.equal(parseRetryAfter('soon'), undefined);
    assert.equal(parseRetryAfter(undefined), undefined);
  });
});
