import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { parseMappingConfig, describeConfigProblems } from './load-mapping-config.js';
import { paymentMapping, resolveDimensions, routeEntity, statusMap } from './rules.js';

const root = join(fileURLToPath(import.meta.url), '../../../../../..');
const defaultFile = join(root, 'config/mappings/default.yaml');
const defaultText = readFileSync(defaultFile, 'utf8');
const load = () => {
  const result = parseMappingConfig(defaultText, 'default.yaml');
  assert.ok(result.ok, result.ok ? '' : describeConfigProblems(result.error));
  return result.value;
};

const order = (overrides: Record<string, unknown> = {}) => ({
  orderId: '10045', channel: 'web', storeId: 'store-us-1', couponCode: 'HOLIDAY10', currency: 'USD',
  shippingAddress: { country: 'US', region: 'TX' },
  lines: [{ sku: 'TRB-ESPRESSO-MACHINE', quantity: 1 }, { sku: 'TRB-MUG-12OZ', quantity: 2 }],
  ...overrides,
});

describe('mapping files', () => {
  it('the shipped default file is valid', () => {
    const config = load();
    assert.equal(config.company.baseCurrency, 'USD');
    assert.equal(config.company.defaultWarehouse, 'WH-AUSTIN');
  });

  it('a wrong file is refused with the file, the path inside it and what was expected', () => {
    const broken = defaultText
      .replace('baseCurrency: USD', 'baseCurrency: dollars')
      .replace(`when: "channel = 'marketplace'"`, `when: "channel = = 'marketplace'"`)
      .replace('defaultWarehouse: WH-AUSTIN', 'defaultWarehouse: WH-PARIS');
    const result = parseMappingConfig(broken, 'config/mappings/prod.yaml');
    assert.equal(result.ok, false);
    const text = result.ok ? '' : describeConfigProblems(result.error);
    assert.match(text, /config\/mappings\/prod\.yaml: company\.baseCurrency: expected an ISO 4217 code such as USD/);
    assert.match(text, /config\/mappings\/prod\.yaml: dimensions\[1\]\.when: expected a JSONata expression/);
    assert.match(text, /company\.defaultWarehouse: expected defaultWarehouse to be one of warehouses/);
  });

  it('reports YAML syntax errors with a line', () => {
    const result = parseMappingConfig('version: 1\ncompany: [unclosed', 'bad.yaml');
    assert.equal(result.ok, false);
    assert.match(result.ok ? '' : describeConfigProblems(result.error), /bad\.yaml: line \d+: valid YAML/);
  });
});

describe('rules from the default mapping file', () => {
  it('sets dimensions from channel, ship-to country, campaign and SKU prefix (first match wins per field)', async () => {
    const { dimensions, matched } = await resolveDimensions(load().dimensions, order());
    assert.deepEqual(dimensions, { DEPARTMENTID: 'ECOM', LOCATIONID: 'US-TX', PROJECTID: 'HOLIDAY-2026', CLASSID: 'EQUIPMENT' });
    assert.deepEqual(matched, ['web store', 'US shipments', 'holiday campaign', 'espresso equipment']);
    const marketplace = await resolveDimensions(load().dimensions, order({ channel: 'marketplace', couponCode: null, lines: [{ sku: 'TRB-MUG-12OZ', quantity: 1 }], shippingAddress: { country: 'CA' } }));
    assert.deepEqual(marketplace.dimensions, { DEPARTMENTID: 'MKTP', LOCATIONID: 'CA-ON' });
  });

  it('routes Canadian orders to the CA entity and the rest to the default', async () => {
    assert.deepEqual(await routeEntity(load(), order({ shippingAddress: { country: 'CA' } })), { intacctEntity: 'CA', sage100Company: 'CAN', route: 'Canada' });
    assert.deepEqual(await routeEntity(load(), order()), { intacctEntity: 'US', sage100Company: 'ABC', route: 'default' });
  });

  it('maps payment methods to GL and fee accounts, and refuses unknown ones', () => {
    const config = load();
    assert.deepEqual(paymentMapping(config, 'Visa'), { ok: true, value: { glAccount: '1210', feeAccount: '6110', sage100PaymentType: 'VISA', intacctPaymentMethod: 'Credit Card' } });
    const paypal = paymentMapping(config, 'PayPal');
    assert.equal(paypal.ok && paypal.value.intacctPaymentMethod, 'EFT');
    assert.equal(paymentMapping(config, 'gift card').ok, true);
    const unknown = paymentMapping(config, 'bitcoin');
    assert.equal(unknown.ok, false);
    assert.equal(unknown.ok ? '' : unknown.error.code, 'MAPPING.UNMAPPED_PAYMENT_METHOD');
  });

  it('maps statuses both ways per system', () => {
    const config = load();
    assert.equal(statusMap(config, 'intacct').toTarget('shipped'), 'Closed');
    assert.equal(statusMap(config, 'sage100').toTarget('cancelled'), 'H');
    assert.equal(statusMap(config, 'sage100').toClarity('O'), 'processing');
    assert.equal(statusMap(config, 'salesforce').toClarity('Activated'), 'processing');
  });

  it('turns a rule that fails on an order into a permanent error naming the rule', async () => {
    const result = parseMappingConfig(defaultText.replace(`when: "channel = 'web'"`, `when: "$substring(channel, 'x')"`), 'default.yaml');
    assert.ok(result.ok);
    await assert.rejects(resolveDimensions(result.value.dimensions, order()), (error: unknown) => {
      const e = error as { code?: string; transient?: boolean; message: string };
      assert.equal(e.code, 'MAPPING.RULE_FAILED');
      assert.equal(e.transient, false);
      assert.match(e.message, /rule "web store"/);
      return true;
    });
  });
});
