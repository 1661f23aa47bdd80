import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { dedupeKeys, sameCustomer, type DedupeOptions } from './dedupe-keys.js';

const strict: DedupeOptions = { plusAddressing: 'keep' };
const loose: DedupeOptions = { plusAddressing: 'strip', gmailDots: true };

describe('dedupeKeys', () => {
  it('lower-cases and trims the email, keeping the tag unless told otherwise', () => {
    assert.equal(dedupeKeys({ email: '  JANE.ROE+shop@GMail.com ' }, strict).email, 'jane.roe+shop@gmail.com');
    assert.equal(dedupeKeys({ email: 'JANE.ROE+shop@GMail.com' }, { plusAddressing: 'strip' }).email, 'jane.roe@gmail.com');
  });

  it('removes Gmail dots and folds googlemail.com, only for Gmail', () => {
    assert.equal(dedupeKeys({ email: 'JANE.ROE+shop@GMail.com' }, loose).email, 'janeroe@gmail.com');
    assert.equal(dedupeKeys({ email: 'jane.roe@googlemail.com' }, loose).email, 'janeroe@gmail.com');
    assert.equal(dedupeKeys({ email: 'jane.roe+orders@northwind-traders.com' }, loose).email, 'jane.roe@northwind-traders.com');
  });

  it('keeps an email that is nothing but a tag, and ignores what is not an email', () => {
    assert.equal(dedupeKeys({ email: '+orders@example.com' }, loose).email, '+orders@example.com');
    assert.equal(dedupeKeys({ email: 'jane roe at gmail' }, loose).email, undefined);
    assert.equal(dedupeKeys({ email: '@gmail.com' }, loose).email, undefined);
    assert.equal(dedupeKeys({ email: null }, loose).email, undefined);
  });

  it('builds lastname|firstname|postal without diacritics, punctuation or spaces', () => {
    const keys = dedupeKeys({ firstName: 'Zoë', lastName: "O'Brien-Smith", postalCode: 'sw1a 2aa', country: 'GB' }, strict);
    assert.equal(keys.namePostal, 'obriensmith|zoe|sw1a2aa');
    assert.equal(dedupeKeys({ firstName: 'ZOE', lastName: 'O’Brien Smith', postalCode: 'SW1A2AA' }, strict).namePostal, 'obriensmith|zoe|sw1a2aa');
  });

  it('folds letters NFKD leaves whole', () => {
    assert.equal(dedupeKeys({ firstName: 'Søren', lastName: 'Straße', postalCode: '10115' }, strict).namePostal, 'strasse|soren|10115');
    assert.equal(dedupeKeys({ firstName: 'Łukasz', lastName: 'Wójcik', postalCode: '00-950' }, strict).namePostal, 'wojcik|lukasz|00950');
  });

  it('treats a US ZIP+4 as its five-digit ZIP', () => {
    assert.equal(dedupeKeys({ firstName: 'Jane', lastName: 'Roe', postalCode: '02139-4307', country: 'USA' }, strict).namePostal, 'roe|jane|02139');
  });

  it('leaves the name key out when a part is missing', () => {
    assert.deepEqual(dedupeKeys({ lastName: 'Smith', postalCode: '90210' }, strict), {});
    assert.deepEqual(dedupeKeys({ firstName: 'John', lastName: 'Smith', postalCode: ' - ' }, strict), {});
  });
});

describe('sameCustomer', () => {
  it('matches the same mailbox written two ways', () => {
    assert.ok(sameCustomer({ email: 'JANE.ROE+shop@GMail.com' }, { email: 'janeroe@gmail.com' }, loose));
    assert.ok(!sameCustomer({ email: 'JANE.ROE+shop@GMail.com' }, { email: 'janeroe@gmail.com' }, strict));
  });

  it('falls back to name and postal code when one side has no email', () => {
    const storefront = { email: 'zoe@obrien-smith.ie', firstName: 'Zoë', lastName: "O'Brien-Smith", postalCode: 'D02 X285', country: 'IE' };
    const crm = { email: null, firstName: 'Zoe', lastName: 'OBrien Smith', postalCode: 'd02x285', country: 'Ireland' };
    assert.ok(sameCustomer(storefront, crm, strict));
  });

  it('keeps two mailboxes apart even at one address with one name', () => {
    const father = { email: 'john.smith@fabrikam.com', firstName: 'John', lastName: 'Smith', postalCode: '60601' };
    const son = { email: 'jsmith2004@outlook.com', firstName: 'John', lastName: 'Smith', postalCode: '60601' };
    assert.ok(!sameCustomer(father, son, loose));
  });

  it('does not match on nothing', () => {
    assert.ok(!sameCustomer({}, {}, loose));
  });
});
