import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { median, medianAbsoluteDeviation, quantile, robustZ } from './robust-statistics.js';

const d = (values: string[]) => values.map((value) => new Decimal(value));

describe('robust statistics', () => {
  it('computes median, MAD and quantiles exactly', () => {
    const totals = d(['212.40', '187.95', '264.00', '239.99', '198.50']);
    assert.equal(median(totals).toFixed(), '212.4');
    assert.equal(median(d(['10.10', '10.20'])).toFixed(), '10.15');
    assert.equal(medianAbsoluteDeviation(totals).toFixed(), '24.45');
    assert.equal(quantile(d(['1', '2', '3', '4', '5']), 0.95).toFixed(), '4.8');
  });

  it('is not moved by one wild value, unlike the mean', () => {
    const withOutlier = d(['212.40', '187.95', '264.00', '239.99', '198.50', '25000.00']);
    assert.equal(median(withOutlier).toFixed(), '226.195');
  });

  it('gives a finite z even when every value is the same, or zero', () => {
    assert.equal(robustZ(new Decimal('49.99'), d(['49.99', '49.99', '49.99']), new Decimal(1)).z, 0);
    assert.ok(Number.isFinite(robustZ(new Decimal('5'), d(['0', '0', '0']), new Decimal(1)).z));
  });

  it('never reports a value at or below the median as above it', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 1, maxLength: 50 }), (cents) => {
        const history = cents.map((c) => new Decimal(c).div(100));
        const centre = median(history);
        return robustZ(centre, history, new Decimal(1)).z === 0 && robustZ(centre.minus(1), history, new Decimal(1)).z < 0;
      }),
    );
  });
});
