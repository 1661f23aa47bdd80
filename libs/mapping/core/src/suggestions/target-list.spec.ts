import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseTargetLines, parseTargetList, parseTargetSpec, targetFileSchema } from './target-list.js';

describe('parseTargetSpec', () => {
  it('reads NAME, NAME:type and NAME:type:example, examples may hold colons', () => {
    assert.deepEqual(parseTargetSpec('CUSTVENDID'), { name: 'CUSTVENDID' });
    assert.deepEqual(parseTargetSpec('TOTAL:number'), { name: 'TOTAL', type: 'number' });
    assert.deepEqual(parseTargetSpec('WHENMODIFIED:date:11/24/2026 15:42:08'), { name: 'WHENMODIFIED', type: 'date', example: '11/24/2026 15:42:08' });
    assert.deepEqual(parseTargetSpec('ITEMID::GRD-BURR-40'), { name: 'ITEMID', example: 'GRD-BURR-40' });
  });

  it('names what is wrong', () => {
    assert.equal(parseTargetSpec('TOTAL:money'), 'unknown type "money" for TOTAL: expected one of string, number, date, boolean');
    assert.equal(parseTargetSpec(':number'), 'empty target name in ":number"');
  });
});

describe('parseTargetList and parseTargetLines', () => {
  it('reads a comma list', () => {
    assert.deepEqual(parseTargetList('TOTAL:number, CUSTVENDID,,WHENCREATED:date'), {
      targets: [{ name: 'TOTAL', type: 'number' }, { name: 'CUSTVENDID' }, { name: 'WHENCREATED', type: 'date' }],
      problems: [],
    });
    assert.deepEqual(parseTargetList(' , ').problems, ['no target fields given']);
  });

  it('reads one target per line so examples may hold commas', () => {
    const text = '# Intacct SODOCUMENT\nTOTAL:number:1,204.50\n\nCUSTVENDID\r\n';
    assert.deepEqual(parseTargetLines(text).targets, [{ name: 'TOTAL', type: 'number', example: '1,204.50' }, { name: 'CUSTVENDID' }]);
  });
});

describe('targetFileSchema', () => {
  it('accepts names and full target objects', () => {
    assert.deepEqual(targetFileSchema.parse(['TOTAL', { name: 'WHENCREATED', type: 'date', example: '11/24/2026' }]), [
      { name: 'TOTAL' },
      { name: 'WHENCREATED', type: 'date', example: '11/24/2026' },
    ]);
    assert.equal(targetFileSchema.safeParse([{ name: 'TOTAL', type: 'money' }]).success, false);
    assert.equal(targetFileSchema.safeParse([]).success, false);
  });
});
