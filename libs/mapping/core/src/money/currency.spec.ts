import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { IntegrationError } from '@tributary/core';
import { currencyMinorUnits, minorUnits, roundMoney } from './currency.js';

const failsWith = (code: string) => (error: unknown) => error instanceof IntegrationError && error.code === code && !error.transient;

describe('minorUnits', () => {
  it('knows cents, yen and fils', () => {
    assert.deepEqual(
      ['USD', 'EUR', 'GBP', 'CAD', 'AUD', 'JPY', 'KRW', 'KWD', 'BHD', 'OMR', 'JOD'].map(minorUnits),
      [2, 2, 2, 2, 2, 0, 0, 3, 3, 3, 3],
    );
  });

  it('refuses to guess for a code it does not know', () => {
    assert.throws(() => minorUnits('XYZ'), failsWith('MAPPING.UNKNOWN_CURRENCY'));
    assert.throws(() => minorUnits('usd'), failsWith('MAPPING.UNKNOWN_CURRENCY'));
    assert.throws(() => minorUnits('toString'), failsWith('MAPPING.UNKNOWN_CURRENCY'));
    const result = currencyMinorUnits('ZZZ');
    assert.equal(result.ok, false);
    assert.equal(!result.ok && result.error.details['currency'], 'ZZZ');
  });
});

describe('roundMoney', () => {
  it('rounds half away from zero, as the ERPs do, where a float would get it wrong', () => {
    assert.equal(roundMoney('2.675', 'USD'), '2.68'); // 2.675 is 2.67499999… as a double
    assert.equal(roundMoney('1.005', 'EUR'), '1.01');
    assert.equal(roundMoney('0.125', 'GBP'), '0.13');
    assert.equal(roundMoney('-2.675', 'USD'), '-2.68');
  });

  it('keeps exactly the currency’s decimals', () => {
    assert.equal(roundMoney('19.9', 'USD'), '19.90');
    assert.equal(roundMoney('1234.5', 'JPY'), '1235');
    assert.equal(roundMoney('12.3455', 'KWD'), '12.346');
    assert.equal(roundMoney('1049999999.994', 'CAD'), '1049999999.99');
  });

  it('never writes a negative zero', () => {
    assert.equal(roundMoney('-0.004', 'USD'), '0.00');
    assert.equal(roundMoney('-0.4', 'JPY'), '0');
  });

  it('rejects anything but plain decimal notation', () => {
    for (const amount of ['1e3', '0x1F', 'NaN', 'Infinity', '', ' 5.00', '5,00', '.5']) {
      assert.throws(() => roundMoney(amount, 'USD'), failsWith('MAPPING.INVALID_AMOUNT'), amount);
    }
  });
});
