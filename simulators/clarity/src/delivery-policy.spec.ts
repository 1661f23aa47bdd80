import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { backoffDelayMs, shouldRetry } from './delivery-policy.js';

describe('delivery policy', () => {
  it('retries server errors, network errors and "not now", never success or other client errors', () => {
    const retried = [0, 301, 408, 429, 500, 502, 503, 504].filter(shouldRetry);
    assert.deepEqual(retried, [0, 301, 408, 429, 500, 502, 503, 504]);
    assert.deepEqual([200, 202, 204, 400, 401, 403, 404, 409, 413, 422].filter(shouldRetry), []);
  });

  it('backs off exponentially from the base, with a cap', () => {
    assert.deepEqual([1, 2, 3, 4].map((attempt) => backoffDelayMs(attempt, 500)), [500, 1000, 2000, 4000]);
    assert.equal(backoffDelayMs(20, 500), 30_000);
  });
});
