import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { Decimal } from 'decimal.js';
import { IntegrationError } from '@tributary/core';
import { allocateProportionally } from './allocate-proportionally.js';
import { minorUnits } from './currency.js';

const Precise = Decimal.clone({ precision: 60 });

describe('allocateProportionally', () => {
  it('shares a coupon by line amount, the rounding pennies going where the proportions lost most', () => {
    // 10.00 × 49.99 / 79.49 = 6.2888…, 10.00 × 24.50 / 79.49 = 3.0821…, 10.00 × 5.00 / 79.49 = 0.6290…
    assert.deepEqual(allocateProportionally('10.00', ['49.99', '24.50', '5.00'], 'USD'), ['6.29', '3.08', '0.63']);
    assert.deepEqual(allocateProportionally('0.10', ['19.99', '19.99', '19.99'], 'EUR'), ['0.03', '0.03', '0.04']);
  });

  it('shares a negative total (a refund) the same way', () => {
    assert.deepEqual(allocateProportionally('-10.00', ['49.99', '24.50', '5.00'], 'USD'), ['-6.29', '-3.08', '-0.63']);
    assert.deepEqual(allocateProportionally('-0.10', ['1', '1', '1'], 'GBP'), ['-0.03', '-0.03', '-0.04']);
  });

  it('never pushes a small last line below zero or past its own amount', () => {
    // Rounding each line half-up and dumping the remainder on the last line would give -0.01 here.
    assert.deepEqual(allocateProportionally('0.05', ['1.00', '1.00', '1.00', '0.01'], 'USD'), ['0.01', '0.02', '0.02', '0.00']);
    assert.deepEqual(allocateProportionally('0.08', ['0.03', '0.03', '0.03', '0.01'], 'USD'), ['0.02', '0.02', '0.03', '0.01']);
    assert.deepEqual(allocateProportionally('0.05', Array.from({ length: 10 }, () => '4.99'), 'USD'), ['0.00', '0.00', '0.00', '0.00', '0.00', '0.01', '0.01', '0.01', '0.01', '0.01']);
  });

  it('gives nothing to zero-weight lines, even a zero-weight last line', () => {
    assert.deepEqual(allocateProportionally('0.10', ['12.00', '0', '12.00', '12.00', '0.00'], 'USD'), ['0.03', '0.00', '0.03', '0.04', '0.00']);
  });

  it('shares equally when no line has a weight', () => {
    assert.deepEqual(allocateProportionally('1000', ['0', '0', '0'], 'JPY'), ['333', '333', '334']);
  });

  it('puts everything on a single line, in the currency’s own decimals', () => {
    assert.deepEqual(allocateProportionally('15', ['0'], 'USD'), ['15.00']);
    assert.deepEqual(allocateProportionally('1.000', ['1', '2'], 'KWD'), ['0.333', '0.667']);
    assert.deepEqual(allocateProportionally('0', [], 'USD'), []);
  });

  it('refuses what cannot be shared', () => {
    const code = (run: () => unknown) => {
      try {
        run();
        return 'ok';
      } catch (error) {
        return error instanceof IntegrationError && !error.transient ? error.code : 'not an IntegrationError';
      }
    };
    assert.equal(code(() => allocateProportionally('5.00', [], 'USD')), 'MAPPING.NOTHING_TO_ALLOCATE');
    assert.equal(code(() => allocateProportionally('5.00', ['10.00', '-2.00'], 'USD')), 'MAPPING.NEGATIVE_AMOUNT');
    assert.equal(code(() => allocateProportionally('5,00', ['10.00'], 'USD')), 'MAPPING.INVALID_AMOUNT');
    assert.equal(code(() => allocateProportionally('5.00', ['10.00'], 'XXX')), 'MAPPING.UNKNOWN_CURRENCY');
  });

  it('always sums exactly to the total, every share within one minor unit of its proportion and of the total’s sign', () => {
    const scenario = fc.constantFrom('JPY', 'USD', 'KWD').chain((currency) => {
      const places = minorUnits(currency);
      const inMinorUnits = (units: number) => new Precise(units).div(new Precise(10).pow(places)).toFixed(places);
      // Weights are line amounts, sometimes zero, sometimes carrying more decimals than the currency.
      const weight = fc.oneof(fc.constant('0'), fc.integer({ min: 1, max: 50_000_000 }).map((tenThousandths) => new Precise(tenThousandths).div(10_000).toFixed()));
      return fc.record({
        currency: fc.constant(currency),
        total: fc.oneof(fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }), fc.integer({ min: -100, max: 100 })).map(inMinorUnits),
        weights: fc.array(weight, { minLength: 1, maxLength: 40 }),
      });
    });

    fc.assert(
      fc.property(scenario, ({ currency, total, weights }) => {
        const places = minorUnits(currency);
        const unit = new Precise(10).pow(-places);
        const shares = allocateProportionally(total, weights, currency);

        assert.equal(shares.length, weights.length);
        assert.ok(shares.every((share) => new RegExp(places === 0 ? '^-?\\d+$' : `^-?\\d+\\.\\d{${places}}$`).test(share)), `shares ${shares.join(', ')}`);
        assert.ok(shares.reduce((sum, share) => sum.plus(share), new Precise(0)).eq(total), `shares ${shares.join(', ')} do not sum to ${total}`);

        const weightTotal = weights.reduce((sum, w) => sum.plus(w), new Precise(0));
        const effective = weightTotal.isZero() ? weights.map(() => '1') : weights;
        const divisor = weightTotal.isZero() ? new Precise(weights.length) : weightTotal;
        effective.forEach((w, index) => {
          const share = new Precise(shares[index] ?? 'NaN');
          const proportion = new Precise(total).times(w).div(divisor);
          assert.ok(share.minus(proportion).abs().lt(unit), `share ${index} is ${share.toFixed()}, a minor unit or more from ${proportion.toFixed()} (weights ${weights.join(', ')}, total ${total})`);
          assert.ok(share.isZero() || share.isNegative() === new Precise(total).isNegative(), `share ${index} is ${share.toFixed()} against a total of ${total}`);
          if (new Precise(w).isZero()) assert.ok(share.isZero());
        });
      }),
      { numRuns: 500 },
    );
  });
});
