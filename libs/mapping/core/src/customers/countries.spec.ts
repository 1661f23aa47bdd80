import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { knownCountryCodes, toCountryCode } from './countries.js';
import { toRegionCode } from './regions.js';

describe('toCountryCode', () => {
  it('reads alpha-2, alpha-3 and the names customers type', () => {
    for (const [typed, code] of [
      ['us', 'US'], ['USA', 'US'], ['U.S.A.', 'US'], ['United States of America', 'US'],
      ['  united   kingdom ', 'GB'], ['UK', 'GB'], ['GBR', 'GB'], ['England', 'GB'],
      ['Deutschland', 'DE'], ['DEU', 'DE'], ['the Netherlands', 'NL'], ['Österreich', 'AT'],
      ['Osterreich', 'AT'], ['Korea, Republic of', 'KR'], ['Türkiye', 'TR'], ['ie', 'IE'], ['Canada', 'CA'],
    ] as const) {
      assert.equal(toCountryCode(typed), code, typed);
    }
  });

  it('accepts any assigned alpha-2 code, even for countries without a name entry', () => {
    assert.equal(toCountryCode('tv'), 'TV');
    assert.equal(toCountryCode('BQ'), 'BQ');
  });

  it('does not guess at what it does not know', () => {
    for (const typed of ['Atlantis', 'XX', 'ZZZ', '', 'Untied States']) assert.equal(toCountryCode(typed), undefined, typed);
  });

  it('lists 249 distinct codes, each of which ICU can name', () => {
    const codes = knownCountryCodes();
    assert.equal(new Set(codes).size, 249);
    const names = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
    for (const code of codes) assert.ok(names.of(code), code);
  });
});

describe('toRegionCode', () => {
  it('turns US state and territory names into USPS codes', () => {
    assert.equal(toRegionCode('US', 'california'), 'CA');
    assert.equal(toRegionCode('US', ' New   York '), 'NY');
    assert.equal(toRegionCode('US', 'Washington, D.C.'), 'DC');
    assert.equal(toRegionCode('US', 'Puerto Rico'), 'PR');
    assert.equal(toRegionCode('US', 'wa'), 'WA');
  });

  it('turns Canadian province names, English or French, into Canada Post codes', () => {
    assert.equal(toRegionCode('CA', 'Québec'), 'QC');
    assert.equal(toRegionCode('CA', 'PQ'), 'QC');
    assert.equal(toRegionCode('CA', 'Île-du-Prince-Édouard'), 'PE');
    assert.equal(toRegionCode('CA', 'british columbia'), 'BC');
    assert.equal(toRegionCode('CA', 'Newfoundland and Labrador'), 'NL');
  });

  it('leaves regions of other countries, and unknown names, as typed', () => {
    assert.equal(toRegionCode('GB', ' Greater  Manchester'), 'Greater Manchester');
    assert.equal(toRegionCode('DE', 'Bayern'), 'Bayern');
    assert.equal(toRegionCode('US', 'Cascadia'), 'Cascadia');
  });
});
