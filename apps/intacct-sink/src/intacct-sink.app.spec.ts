import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IntegrationError } from '@tributary/core';
import { ConfigError } from '@tributary/config';
import { createIntacctSink } from './intacct-sink.app.js';

const env = (overrides: Record<string, string>) => ({
  INTACCT_SENDER_ID: 's', INTACCT_SENDER_PASSWORD: 'p', INTACCT_COMPANY_ID: 'c', INTACCT_USER_ID: 'u', INTACCT_USER_PASSWORD: 'p',
  KAFKA_BROKERS: '127.0.0.1:1', LOG_LEVEL: 'silent', ...overrides,
});

describe('intacct-sink start-up checks (before anything connects)', () => {
  it('refuses a wrong mapping file, naming the file, the path inside it and what was expected', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mapping-'));
    const file = join(dir, 'prod.yaml');
    writeFileSync(file, 'version: 1\ncompany: { baseCurrency: dollars, warehouses: [A], defaultWarehouse: A }\npaymentMethods: {}\nstatusMaps: { intacct: {}, sage100: {}, salesforce: {} }\nitems: { items: {} }\n');
    await assert.rejects(createIntacctSink(env({ MAPPING_FILE: file })), (error: unknown) => {
      assert.ok(error instanceof IntegrationError);
      assert.equal(error.code, 'CONFIG.INVALID');
      assert.match(error.message, new RegExp(`${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: company\\.baseCurrency: expected an ISO 4217 code such as USD`));
      return true;
    });
  });

  it('refuses a missing credential, naming the variable', async () => {
    await assert.rejects(createIntacctSink(env({ INTACCT_USER_PASSWORD: '' })), (error: unknown) => error instanceof ConfigError && /INTACCT_USER_PASSWORD/.test(error.message));
  });
});
