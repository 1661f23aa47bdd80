import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { IntegrationError, asIntegrationError, retryAfterMs } from './integration-error.js';

describe('IntegrationError', () => {
  it('keeps code, classification and details', () => {
    const error = IntegrationError.permanent('INTACCT.BUSINESS_ERROR', 'Invalid customer', { errorno: 'BL01001973' });
    assert.equal(error.code, 'INTACCT.BUSINESS_ERROR');
    assert.equal(error.transient, false);
    assert.equal(error.details['errorno'], 'BL01001973');
    assert.ok(error instanceof Error);
  });

  it('treats unknown errors as transient so nothing is dead-lettered by accident', () => {
    const error = asIntegrationError(new Error('socket hang up'));
    assert.equal(error.transient, true);
    assert.equal(error.code, 'UNCLASSIFIED');
    assert.equal(error.message, 'socket hang up');
  });

  it('reads a retry-after hint only when it is a sane number', () => {
    assert.equal(retryAfterMs(IntegrationError.transient('X', 'y', { retryAfterMs: 1500 })), 1500);
    assert.equal(retryAfterMs(IntegrationError.transient('X', 'y', { retryAfterMs: -1 })), undefined);
    assert.equal(retryAfterMs(IntegrationError.transient('X', 'y')), undefined);
  });
});
