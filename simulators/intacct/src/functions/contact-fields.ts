import type { StoredMailAddress } from '../simulator-types.js';
import { child, childText, type XmlElement } from '../xml/xml-reader.js';

/** A child element's text; empty counts as absent, as Intacct treats `<FIELD/>`. */
export const text = (parent: XmlElement, name: string): string | undefined => {
  const value = childText(parent, name);
  return value === undefined || value === '' ? undefined : value;
};

/** Copies the named child elements that are present and non-empty into `target`. */
export const copyTexts = <T extends object>(parent: XmlElement, target: T, fields: ReadonlyArray<readonly [keyof T & string, string]>): T => {
  for (const [field, name] of fields) {
    const value = text(parent, name);
    if (value !== undefined) (target as Record<string, string>)[field] = value;
  }
  return target;
};

/** The contact fields a CUSTOMER's DISPLAYCONTACT and a CONTACT share, beyond PRINTAS and MAILADDRESS. */
export const CONTACT_TEXT_FIELDS = [
  ['companyName', 'COMPANYNAME'], ['firstName', 'FIRSTNAME'], ['lastName', 'LASTNAME'], ['phone1', 'PHONE1'], ['email1', 'EMAIL1'],
] as const;

/** `<MAILADDRESS>` of a contact; the SDK names the country code COUNTRYCODE, the docs ISOCOUNTRYCODE (§1.10). */
export const mailAddress = (contact: XmlElement, acceptCountryCode = false): StoredMailAddress | undefined => {
  const address = child(contact, 'MAILADDRESS');
  if (!address) return undefined;
  const stored = copyTexts<StoredMailAddress>(address, {}, [
    ['address1', 'ADDRESS1'], ['address2', 'ADDRESS2'], ['city', 'CITY'], ['state', 'STATE'], ['zip', 'ZIP'],
    ['country', 'COUNTRY'], ['isoCountryCode', 'ISOCOUNTRYCODE'],
  ]);
  const countryCode = acceptCountryCode ? text(address, 'COUNTRYCODE') : undefined;
  if (stored.isoCountryCode === undefined && countryCode !== undefined) stored.isoCountryCode = countryCode;
  return stored;
};
