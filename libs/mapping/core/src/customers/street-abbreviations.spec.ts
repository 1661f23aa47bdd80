import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { abbreviateStreetLine } from './street-abbreviations.js';

describe('abbreviateStreetLine', () => {
  it('abbreviates suffixes, directionals and unit designators', () => {
    assert.equal(abbreviateStreetLine('1600 Pennsylvania Avenue Northwest'), '1600 Pennsylvania Ave NW');
    assert.equal(abbreviateStreetLine('350 North Michigan Boulevard'), '350 N Michigan Blvd');
    assert.equal(abbreviateStreetLine('123 West 57th Street, Suite 1400'), '123 W 57th St, Ste 1400');
    assert.equal(abbreviateStreetLine('Apartment 4B'), 'Apt 4B');
    assert.equal(abbreviateStreetLine('88 Old Mill Road'), '88 Old Mill Rd');
  });

  it('settles the abbreviations people already typed, dropping the full stop', () => {
    assert.equal(abbreviateStreetLine('42 Elm Ave.'), '42 Elm Ave');
    assert.equal(abbreviateStreetLine('9 Harbour Blvd., Ste. 3'), '9 Harbour Blvd, Ste 3');
  });

  it('keeps an all-capitals line in capitals', () => {
    assert.equal(abbreviateStreetLine('500 SOUTH GRAND AVENUE'), '500 S GRAND AVE');
  });

  it('leaves words alone when they are the street name itself', () => {
    assert.equal(abbreviateStreetLine('10 North Street'), '10 North St');
    assert.equal(abbreviateStreetLine('1 Avenue Road'), '1 Avenue Rd');
    assert.equal(abbreviateStreetLine('200 Avenue of the Americas'), '200 Avenue of the Americas');
    assert.equal(abbreviateStreetLine('12 St. Louis Avenue'), '12 St. Louis Ave');
    assert.equal(abbreviateStreetLine('Apt E'), 'Apt E');
    assert.equal(abbreviateStreetLine('Suite East 210'), 'Ste East 210');
    assert.equal(abbreviateStreetLine('Floor Street'), 'Floor St');
    assert.equal(abbreviateStreetLine('Office Park Drive'), 'Office Park Dr');
  });

  it('leaves lines without those words untouched', () => {
    assert.equal(abbreviateStreetLine('PO Box 4410'), 'PO Box 4410');
    assert.equal(abbreviateStreetLine('1234 rue Sainte-Catherine Ouest'), '1234 rue Sainte-Catherine Ouest');
  });

  it('is idempotent, whatever mix of street words it is given', () => {
    const word = fc.constantFrom('100', '4B', '#12', 'Main', 'Oak', 'St.', 'Street', 'AVENUE', 'Ave', 'Road', 'North', 'N', 'West', 'SW', 'Suite', 'Apt', 'Floor', 'of', 'the', 'Louis,', 'E');
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 7 }), (words) => {
        const once = abbreviateStreetLine(words.join(' '));
        return abbreviateStreetLine(once) === once;
      }),
      { numRuns: 2000 },
    );
  });
});
