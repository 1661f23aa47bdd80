import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { salesforceClientOptions, salesforceEnvSchema } from './salesforce-env.js';

const required = { SALESFORCE_LOGIN_URL: 'https://acme-outdoor.my.salesforce.com', SALESFORCE_CLIENT_ID: '3MVG9ck', SALESFORCE_CLIENT_SECRET: 'cs' };

describe('salesforceEnvSchema', () => {
  it('defaults the version, client name and timeout, carried into the client options', () => {
    const options = salesforceClientOptions(salesforceEnvSchema.parse(required), { onLimits: () => undefined });
    assert.equal(options.apiVersion, '62.0');
    assert.equal(options.clientName, 'tributary');
    assert.equal(options.timeoutMs, 30_000);
    assert.equal(options.loginUrl, 'https://acme-outdoor.my.salesforce.com');
    assert.equal(typeof options.onLimits, 'function');
  });

  it('refuses a version before 46.0, a client name that cannot go in a header, and missing secrets', () => {
    for (const [name, value] of [['SALESFORCE_API_VERSION', '45.0'], ['SALESFORCE_API_VERSION', 'v62'], ['SALESFORCE_CLIENT_NAME', 'has space'], ['SALESFORCE_TIMEOUT_MS', '0'], ['SALESFORCE_LOGIN_URL', 'acme']] as const) {
      assert.equal(salesforceEnvSchema.safeParse({ ...required, [name]: value }).success, false, `${name}=${value}`);
    }
    const missing = salesforceEnvSchema.safeParse({ SALESFORCE_LOGIN_URL: required.SALESFORCE_LOGIN_URL });
    assert.equal(missing.success, false);
    assert.ok(!JSON.stringify(missing.error?.issues).includes('cs'));
  });
});
