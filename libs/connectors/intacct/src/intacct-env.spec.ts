import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { intacctClientOptions, intacctEnvSchema } from './intacct-env.js';

const required = {
  INTACCT_SENDER_ID: 'tributary', INTACCT_SENDER_PASSWORD: 'sp', INTACCT_COMPANY_ID: 'ACME', INTACCT_USER_ID: 'ws_user', INTACCT_USER_PASSWORD: 'up',
};

describe('intacctEnvSchema: batching and concurrency', () => {
  it('defaults to 2 requests in flight, 20 functions per request and a 2 ms window, carried into the client options', () => {
    const options = intacctClientOptions(intacctEnvSchema.parse(required));
    assert.equal(options.maxConcurrentRequests, 2);
    assert.equal(options.maxFunctionsPerRequest, 20);
    assert.equal(options.batchWindowMs, 2);
  });

  it('reads the variables as integers', () => {
    const options = intacctClientOptions(
      intacctEnvSchema.parse({ ...required, INTACCT_MAX_CONCURRENT_REQUESTS: '4', INTACCT_MAX_FUNCTIONS_PER_REQUEST: '1', INTACCT_BATCH_WINDOW_MS: '0' }),
    );
    assert.deepEqual([options.maxConcurrentRequests, options.maxFunctionsPerRequest, options.batchWindowMs], [4, 1, 0]);
  });

  it('refuses values out of bounds with a message that gives them', () => {
    for (const [name, value] of [
      ['INTACCT_MAX_CONCURRENT_REQUESTS', '0'],
      ['INTACCT_MAX_CONCURRENT_REQUESTS', '51'],
      ['INTACCT_MAX_FUNCTIONS_PER_REQUEST', '0'],
      ['INTACCT_MAX_FUNCTIONS_PER_REQUEST', '101'],
      ['INTACCT_MAX_FUNCTIONS_PER_REQUEST', '2.5'],
      ['INTACCT_BATCH_WINDOW_MS', '-1'],
      ['INTACCT_BATCH_WINDOW_MS', '1001'],
      ['INTACCT_BATCH_WINDOW_MS', 'soon'],
    ] as const) {
      const parsed = intacctEnvSchema.safeParse({ ...required, [name]: value });
      assert.equal(parsed.success, false, `${name}=${value}`);
      assert.match(parsed.error?.issues[0]?.message ?? '', /expected an integer from \d+ to \d+/, `${name}=${value}`);
    }
  });
});
