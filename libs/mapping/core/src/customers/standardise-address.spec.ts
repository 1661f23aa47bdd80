import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { standardiseAddress } from './standardise-address.js';

describe('standardiseAddress', () => {
  it('standardises a US address typed carelessly into a storefront', () => {
    const result = standardiseAddress({
      name: '  Jane   Roe ',
      line1: '1600  Pennsylvania Avenue Northwest',
      line2: 'Suite   200',
      city: ' Washington ',
      region: 'District of Columbia',
      postalCode: '20500 0003',
      country: 'United States of America',
    });
    assert.deepEqual(result, {
      ok: true,
      value: {
        name: 'Jane Roe',
        line1: '1600 Pennsylvania Ave NW',
        line2: 'Ste 200',
        city: 'Washington',
        region: 'DC',
        postalCode: '20500-0003',
        country: 'US',
      },
    });
  });

  it('standardises a Canadian address with a French province name', () => {
    const result = standardiseAddress({ line1: '1000 Sherbrooke Street West', city: 'Montréal', region: 'Québec', postalCode: 'h3a3g4', country: 'CAN' });
    assert.ok(result.ok);
    assert.equal(result.value.line1, '1000 Sherbrooke St W');
    assert.equal(result.value.region, 'QC');
    assert.equal(result.value.postalCode, 'H3A 3G4');
    assert.equal(result.value.name, null);
    assert.equal(result.value.line2, null);
  });

  it('leaves street words of other countries as typed', () => {
    const result = standardiseAddress({ name: 'Zoë O’Brien-Smith', line1: '10 Downing Street', line2: '', city: 'London', region: null, postalCode: 'sw1a2aa', country: 'UK' });
    assert.ok(result.ok);
    assert.deepEqual(result.value, { name: 'Zoë O’Brien-Smith', line1: '10 Downing Street', line2: null, city: 'London', region: null, postalCode: 'SW1A 2AA', country: 'GB' });
  });

  it('rejects an unknown country, permanently, naming the field', () => {
    const result = standardiseAddress({ line1: '1 Main St', city: 'Springfield', postalCode: '12345', country: 'Freedonia' });
    assert.ok(!result.ok);
    assert.equal(result.error.code, 'MAPPING.UNKNOWN_COUNTRY');
    assert.equal(result.error.transient, false);
    assert.equal(result.error.details['path'], 'country');
  });

  it('rejects a postal code that cannot belong to the country', () => {
    const result = standardiseAddress({ line1: '221B Baker Street', city: 'London', postalCode: 'NW1 6XE', country: 'US' });
    assert.ok(!result.ok);
    assert.equal(result.error.code, 'MAPPING.INVALID_POSTAL_CODE');
    assert.equal(result.error.transient, false);
    assert.equal(result.error.details['path'], 'postalCode');
  });

  it('rejects an address without a street line', () => {
    const result = standardiseAddress({ line1: '   ', city: 'Toronto', postalCode: 'M5V 3L9', country: 'CA' });
    assert.ok(!result.ok);
    assert.equal(result.error.code, 'MAPPING.INVALID_ADDRESS');
    assert.equal(result.error.details['path'], 'line1');
  });

  it('is idempotent: a standard address standardises to itself', () => {
    const first = standardiseAddress({ line1: '350 North Michigan Boulevard', line2: 'Apartment 12C', city: 'Chicago', region: 'illinois', postalCode: '60601', country: 'usa' });
    assert.ok(first.ok);
    assert.deepEqual(standardiseAddress(first.value), first);
  });
});
