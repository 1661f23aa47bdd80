import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { convert } from './convert.js';
import { exchangeRateTableSchema, type ExchangeRateTable } from './exchange-rate-table.schema.js';

const table: ExchangeRateTable = exchangeRateTableSchema.parse({
  base: 'USD',
  rates: [
    { currency: 'EUR', date: '2026-11-20', rate: '0.9187' },
    { currency: 'EUR', date: '2026-11-24', rate: '0.9213' },
    { currency: 'GBP', date: '2026-11-24', rate: '0.7962' },
    { currency: 'JPY', date: '2026-11-24', rate: '154.37' },
    { currency: 'KWD', date: '2026-11-23', rate: '0.3074' },
    { currency: 'CAD', date: '2026-11-25', rate: '1.4031' },
  ],
});

const value = <T>(result: { ok: true; value: T } | { ok: false; error: Error }): T => {
  if (!result.ok) assert.fail(result.error.message);
  return result.value;
};

describe('convert', () => {
  it('uses the latest rate on or before the date', () => {
    assert.deepEqual(value(convert('249.99', 'USD', 'EUR', '2026-11-25', table)), { amount: '230.32', rate: '0.9213', rateDate: '2026-11-24', from: 'USD', to: 'EUR' });
    assert.equal(value(convert('249.99', 'USD', 'EUR', '2026-11-22', table)).rate, '0.9187');
    assert.equal(value(convert('249.99', 'USD', 'EUR', '2026-11-20', table)).rateDate, '2026-11-20');
  });

  it('converts into the base by inverting the rate', () => {
    const result = value(convert('1000.00', 'EUR', 'USD', '2026-11-24', table));
    assert.equal(result.amount, '1085.42'); // 1000 / 0.9213 = 1085.4227…
    assert.equal(result.rate, '1.085422772');
  });

  it('crosses through the base without rounding twice, and dates it by the older leg', () => {
    const result = value(convert('1250.00', 'EUR', 'JPY', '2026-11-24', table));
    assert.equal(result.amount, '209446'); // 1250 × 154.37 / 0.9213 = 209445.8916…
    assert.equal(result.rateDate, '2026-11-24');
    const kwd = value(convert('89.95', 'GBP', 'KWD', '2026-11-24', table));
    assert.equal(kwd.amount, '34.728'); // 89.95 × 0.3074 / 0.7962 = 34.72824…
    assert.equal(kwd.rateDate, '2026-11-23');
  });

  it('passes an amount already in the target currency through, rounded', () => {
    assert.deepEqual(value(convert('42.5', 'GBP', 'GBP', '2026-11-24', table)), { amount: '42.50', rate: '1', rateDate: '2026-11-24', from: 'GBP', to: 'GBP' });
  });

  it('names the currency and date when no rate is in force yet', () => {
    const result = convert('100.00', 'USD', 'CAD', '2026-11-24', table);
    assert.equal(result.ok, false);
    if (result.ok) return;
    assert.equal(result.error.code, 'MAPPING.NO_EXCHANGE_RATE');
    assert.equal(result.error.transient, false);
    assert.deepEqual(result.error.details, { currency: 'CAD', date: '2026-11-24', base: 'USD' });
    assert.match(result.error.message, /CAD.*2026-11-24/);
    const before = convert('100.00', 'EUR', 'GBP', '2026-11-19', table);
    assert.equal(!before.ok && before.error.details['currency'], 'EUR');
  });

  it('rejects unknown currencies, bad amounts and bad dates as permanent errors', () => {
    const codes = [
      convert('100.00', 'USD', 'XYZ', '2026-11-24', table),
      convert('1e2', 'USD', 'EUR', '2026-11-24', table),
      convert('100.00', 'USD', 'EUR', '24/11/2026', table),
    ].map((result) => (result.ok ? 'ok' : result.error.code));
    assert.deepEqual(codes, ['MAPPING.UNKNOWN_CURRENCY', 'MAPPING.INVALID_AMOUNT', 'MAPPING.INVALID_DATE']);
  });
});

describe('exchangeRateTableSchema', () => {
  it('rejects duplicate days, a rate for the base, and zero or malformed rates', () => {
    const problems = exchangeRateTableSchema.safeParse({
      base: 'USD',
      rates: [
        { currency: 'EUR', date: '2026-11-24', rate: '0.9213' },
        { currency: 'EUR', date: '2026-11-24', rate: '0.9220' },
        { currency: 'USD', date: '2026-11-24', rate: '1' },
        { currency: 'GBP', date: '2026-11-24', rate: '0.000' },
        { currency: 'JPY', date: '2026-11-24', rate: '1.5e2' },
        { currency: 'CAD', date: '2026-11-31', rate: '1.40' },
      ],
    });
    assert.equal(problems.success, false);
    assert.deepEqual(problems.error?.issues.map((issue) => issue.path.join('.')).sort(), ['rates.1', 'rates.2.currency', 'rates.3.rate', 'rates.4.rate', 'rates.5.date']);
  });
});
