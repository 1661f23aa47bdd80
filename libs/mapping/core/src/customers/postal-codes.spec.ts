import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { normalisePostalCode } from './postal-codes.js';

describe('normalisePostalCode', () => {
  it('accepts US ZIP and ZIP+4, also for the territories', () => {
    assert.equal(normalisePostalCode('US', ' 90210 '), '90210');
    assert.equal(normalisePostalCode('US', '02139-4307'), '02139-4307');
    assert.equal(normalisePostalCode('US', '021394307'), '02139-4307');
    assert.equal(normalisePostalCode('PR', '00901'), '00901');
  });

  it('rejects what cannot be a ZIP, including ZIPs that lost their leading zero in a spreadsheet', () => {
    for (const zip of ['2139', '90210-12', 'ABCDE', '', 'SW1A 1AA']) assert.equal(normalisePostalCode('US', zip), undefined, zip);
  });

  it('prints Canadian codes upper-case with the space', () => {
    assert.equal(normalisePostalCode('CA', 'k1a0b1'), 'K1A 0B1');
    assert.equal(normalisePostalCode('CA', 'H3Z  2Y7'), 'H3Z 2Y7');
    assert.equal(normalisePostalCode('CA', 'M5V-3L9'), 'M5V 3L9');
  });

  it('rejects Canadian codes with letters Canada Post never uses', () => {
    for (const code of ['D1A 0B1', 'K1A 0B', 'W1A 1A1', '12345']) assert.equal(normalisePostalCode('CA', code), undefined, code);
  });

  it('prints UK postcodes upper-case with one space before the inward code', () => {
    assert.equal(normalisePostalCode('GB', 'sw1a1aa'), 'SW1A 1AA');
    assert.equal(normalisePostalCode('GB', 'M1  1AE'), 'M1 1AE');
    assert.equal(normalisePostalCode('GB', 'ec1a 1bb'), 'EC1A 1BB');
    assert.equal(normalisePostalCode('GB', 'B338TH'), 'B33 8TH');
    assert.equal(normalisePostalCode('JE', 'je2 3ab'), 'JE2 3AB');
    assert.equal(normalisePostalCode('GB', 'gir0aa'), 'GIR 0AA');
    assert.equal(normalisePostalCode('GB', '90210'), undefined);
  });

  it('tidies but trusts postal codes of other countries', () => {
    assert.equal(normalisePostalCode('DE', ' 10115 '), '10115');
    assert.equal(normalisePostalCode('NL', '1012  AB'), '1012 AB');
    assert.equal(normalisePostalCode('IE', 'D02 X285'), 'D02 X285');
    assert.equal(normalisePostalCode('HK', ''), '');
  });
});
