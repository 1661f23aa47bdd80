import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { valueCompatibility, valueShape } from './value-compatibility.js';

describe('valueShape', () => {
  it('reads what a value looks like whatever its JSON type', () => {
    const shapes = {
      'number': [349.4, 0],
      'numeric-text': ['361.23', '10482', '-4.95'],
      'date': ['2026-11-24T15:42:08Z', '2026-11-24', '11/24/2026', '2026-11-24T15:42:08.120+01:00'],
      'boolean': [true, 'false'],
      'email': ['maria.okafor@example.com'],
      'code': ['CL-10482', 'cust-48213', 'TRB-GRINDER-BURR', 'ch_3PqL9x2eZvKYlo2C1a8f'],
      'text': ['Burr grinder, 40 settings', 'USD', 'visa'],
      'empty': [null, '', undefined],
    } as const;
    for (const [shape, values] of Object.entries(shapes)) {
      for (const value of values) assert.equal(valueShape(value), shape, String(value));
    }
  });
});

describe('valueCompatibility', () => {
  it('is undefined when the target says nothing about its values', () => {
    assert.equal(valueCompatibility({ name: 'MESSAGE' }, 'Leave at the back door'), undefined);
  });

  it('scores a value against the target type', () => {
    assert.equal(valueCompatibility({ name: 'TOTAL', type: 'number' }, 361.23)?.score, 1);
    assert.equal(valueCompatibility({ name: 'TOTAL', type: 'number' }, '361.23')?.score, 0.9);
    assert.equal(valueCompatibility({ name: 'WHENCREATED', type: 'date' }, 'web')?.score, 0);
    assert.equal(valueCompatibility({ name: 'WHENCREATED', type: 'date' }, null)?.score, 0.5);
  });

  it('averages the type and the example shape, and says why', () => {
    const fit = valueCompatibility({ name: 'WHENCREATED', type: 'date', example: '11/24/2026' }, '2026-11-24T15:42:08Z');
    assert.deepEqual(fit, { score: 1, why: 'value "2026-11-24T15:42:08Z" fits date, looks like example "11/24/2026"' });
    const misfit = valueCompatibility({ name: 'CUSTVENDID', example: 'C-1042' }, 'maria.okafor@example.com');
    assert.ok((misfit?.score ?? 1) < 0.2);
    assert.match(misfit?.why ?? '', /unlike example "C-1042"/);
  });
});
