import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { IntegrationError } from '@tributary/core';
import { ConfigError } from '@tributary/config';
import { loadMappingConfig } from '@tributary/mapping-core';
import { createInventoryProjector } from './inventory-projector.app.js';
import { inventoryRules, shipFromRule } from './inventory-rules.js';
import { formatQuantity, quantity } from './quantity.js';

const defaultFile = join(fileURLToPath(import.meta.url), '../../../../config/mappings/default.yaml');
const env = (overrides: Record<string, string>) => ({ KAFKA_BROKERS: '127.0.0.1:1', LOG_LEVEL: 'silent', MAPPING_FILE: defaultFile, ...overrides });

describe('inventory-projector start-up checks (before anything connects)', () => {
  it('refuses a mapping file whose inventory section is wrong, naming the path inside it', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'mapping-')), 'prod.yaml');
    writeFileSync(file, readFileSync(defaultFile, 'utf8').replace('TRB-ESPRESSO-MACHINE: "1"', 'TRB-ESPRESSO-MACHINE: "one"').replace('phone: salesforce', 'phone: hubspot'));
    await assert.rejects(createInventoryProjector(env({ MAPPING_FILE: file })), (error: unknown) => {
      assert.ok(error instanceof IntegrationError && error.code === 'CONFIG.INVALID');
      assert.match(error.message, /inventory\.safetyStock\.skus\.TRB-ESPRESSO-MACHINE: expected a non-negative quantity/);
      assert.match(error.message, /customerProfile\.masters\.phone/);
      return true;
    });
  });

  it('refuses a bad setting, naming the variable', async () => {
    await assert.rejects(createInventoryProjector(env({ PROJECTOR_SESSION_TIMEOUT_MS: 'soon' })), (error: unknown) => error instanceof ConfigError && /PROJECTOR_SESSION_TIMEOUT_MS/.test(error.message));
  });
});

describe('inventory rules from the default mapping file', () => {
  const mapping = loadMappingConfig(defaultFile);
  it('safety stock per SKU, else the default; returns to the returns warehouse', () => {
    const rules = inventoryRules(mapping);
    assert.equal(formatQuantity(rules.safetyStock('TRB-ESPRESSO-MACHINE', 'WH-RENO')), '1.0000');
    assert.equal(rules.safetyStock('TRB-MUG-12OZ', 'WH-AUSTIN'), 0);
    assert.equal(rules.returnsLocation, 'WH-AUSTIN');
    assert.equal(rules.restockReturns, true);
  });
  it('Canadian orders ship from Toronto, the rest from the default warehouse', async () => {
    const shipFrom = shipFromRule(mapping);
    const order = (country: string) => ({ shippingAddress: { country } }) as Parameters<typeof shipFrom>[0];
    assert.equal(await shipFrom(order('CA')), 'WH-TORONTO');
    assert.equal(await shipFrom(order('US')), 'WH-AUSTIN');
  });
  it('quantities are exact to four decimals', () => {
    assert.equal(formatQuantity(quantity('12.5') - quantity('0.0001')), '12.4999');
    assert.equal(formatQuantity(quantity('-3')), '-3.0000');
    assert.throws(() => quantity('1.23456'));
  });
});
