import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { compileAvroType } from './avro-type.js';
import { formatUnscaled, parseUnscaled } from './decimal-logical-type.js';

const moneyRecord = compileAvroType({
  type: 'record', name: 'Money', fields: [{ name: 'amount', type: { type: 'bytes', logicalType: 'decimal', precision: 14, scale: 2 } }],
});

describe('Avro decimal as exact strings', () => {
  it('round-trips amounts a float would corrupt', () => {
    for (const amount of ['0.30', '19.99', '-0.01', '0.00', '123456789012.34', '-99999999999.99', '1.10']) {
      const decoded = moneyRecord.fromBuffer(moneyRecord.toBuffer({ amount })) as { amount: string };
      assert.equal(decoded.amount, amount);
    }
  });

  it('pads to the scale and refuses more fractional digits than the scale', () => {
    assert.equal((moneyRecord.fromBuffer(moneyRecord.toBuffer({ amount: '19.9' })) as { amount: string }).amount, '19.90');
    assert.throws(() => moneyRecord.toBuffer({ amount: '19.999' }), /more than 2 fractional digits/);
    assert.throws(() => moneyRecord.toBuffer({ amount: 'abc' }), /not a decimal number/);
    assert.throws(() => moneyRecord.toBuffer({ amount: '1234567890123.45' }), /exceeds precision 14/);
  });

  it('encodes the unscaled value as two’s complement, as Java’s Avro reads it', () => {
    const bytes = (moneyRecord.toBuffer({ amount: '-0.01' }) as Buffer);
    // bytes length 1 (zig-zag 2), then 0xff = -1 unscaled
    assert.deepEqual([...bytes], [2, 0xff]);
    assert.equal(parseUnscaled('-12.34', 2), -1234n);
    assert.equal(formatUnscaled(-5n, 2), '-0.05');
  });
});
