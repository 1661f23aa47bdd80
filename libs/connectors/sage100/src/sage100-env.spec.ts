import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sage100ClientOptions, sage100EnvSchema } from './sage100-env.js';

const required = { SAGE100_API_URL: 'http://sage-agent.internal:8093', SAGE100_API_KEY: 'k-123', SAGE100_COMPANY_CODE: 'ABC' };

describe('sage100EnvSchema', () => {
  it('defaults to a 30 s timeout and 4 requests in flight, carried into the client options', () => {
    const options = sage100ClientOptions(sage100EnvSchema.parse(required));
    assert.deepEqual(options, { apiUrl: 'http://sage-agent.internal:8093', apiKey: 'k-123', companyCode: 'ABC', timeoutMs: 30_000, maxConcurrentRequests: 4 });
  });

  it('lets company routing override the company code', () => {
    assert.equal(sage100ClientOptions(sage100EnvSchema.parse(required), { companyCode: 'XYZ' }).companyCode, 'XYZ');
  });

  it('refuses a missing key, a company code over 3 characters and out-of-range concurrency', () => {
    for (const [name, value] of [['SAGE100_API_KEY', ''], ['SAGE100_COMPANY_CODE', 'ABCD'], ['SAGE100_MAX_CONCURRENT_REQUESTS', '0'], ['SAGE100_MAX_CONCURRENT_REQUESTS', '33'], ['SAGE100_API_URL', 'sage-agent']] as const) {
      assert.equal(sage100EnvSchema.safeParse({ ...required, [name]: value }).success, false, `${name}=${value}`);
    }
  });
});
