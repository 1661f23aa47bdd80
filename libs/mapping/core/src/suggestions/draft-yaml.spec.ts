import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'yaml';
import { clarityOrderSample, intacctSalesOrderTargets } from './clarity-order.fixture.js';
import { toDraftYaml } from './draft-yaml.js';
import { suggestFieldMappings } from './suggest-field-mappings.js';

describe('toDraftYaml', () => {
  const targets = intacctSalesOrderTargets.map((t) => t.name);
  const draft = toDraftYaml(suggestFieldMappings(clarityOrderSample, [...intacctSalesOrderTargets]), { targets });

  it('is YAML whose fields map each target to its best source, or null', () => {
    const parsed = parse(draft) as { version: number; kind: string; fields: Record<string, string | null> };
    assert.equal(parsed.version, 1);
    assert.equal(parsed.kind, 'field-mapping-draft');
    assert.deepEqual(Object.keys(parsed.fields), targets);
    assert.equal(parsed.fields['TOTAL'], 'totalAmount');
    assert.equal(parsed.fields['ITEMID'], 'lineItems[].sku');
    assert.equal(parsed.fields['MESSAGE'], null);
  });

  it('puts score, reasons and alternatives in comments above each field', () => {
    const lines = draft.split('\n');
    const total = lines.indexOf('  TOTAL: totalAmount');
    assert.match(lines[total - 2] ?? '', /^ {2}# score 0\.\d+: name: total = total/);
    assert.match(lines[total - 1] ?? '', /^ {2}# also: shipping\.amount \(0\.\d+\), paymentInfo\.amount \(0\.\d+\)$/);
    assert.match(draft, /# no candidate in the sample: fill in by hand or delete\n {2}MESSAGE: null/);
    assert.match(draft, /^# Draft field mapping/);
  });

  it('flags a weak best guess', () => {
    const weak = toDraftYaml([{ target: 'PONUMBER', source: 'orderNumber', score: 0.59, why: 'name: number = number' }]);
    assert.match(weak, /# LOW CONFIDENCE, score 0\.59: name: number = number\n {2}PONUMBER: orderNumber/);
  });
});
