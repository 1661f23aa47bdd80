import type { StoredContact } from '../simulator-types.js';
import type { Row } from './query-filter.js';
import { usDateTime } from './sodocument-rows.js';

/**
 * CONTACT fields the simulator can read, in the order `*` returns them. The address comes back
 * flattened under dotted names (MAILADDRESS.ADDRESS1), as Intacct reads it.
 */
export const CONTACT_FIELDS = [
  'RECORDNO',
  'CONTACTNAME',
  'PRINTAS',
  'COMPANYNAME',
  'FIRSTNAME',
  'LASTNAME',
  'EMAIL1',
  'PHONE1',
  'MAILADDRESS.ADDRESS1',
  'MAILADDRESS.ADDRESS2',
  'MAILADDRESS.CITY',
  'MAILADDRESS.STATE',
  'MAILADDRESS.ZIP',
  'MAILADDRESS.COUNTRY',
  'MAILADDRESS.ISOCOUNTRYCODE',
  'STATUS',
  'WHENCREATED',
  'WHENMODIFIED',
] as const;

export const contactRow = (contact: StoredContact): Row => {
  const address = contact.mailAddress ?? {};
  return {
    RECORDNO: contact.recordNo,
    CONTACTNAME: contact.contactName,
    PRINTAS: contact.printAs,
    COMPANYNAME: contact.companyName ?? '',
    FIRSTNAME: contact.firstName ?? '',
    LASTNAME: contact.lastName ?? '',
    EMAIL1: contact.email1 ?? '',
    PHONE1: contact.phone1 ?? '',
    'MAILADDRESS.ADDRESS1': address.address1 ?? '',
    'MAILADDRESS.ADDRESS2': address.address2 ?? '',
    'MAILADDRESS.CITY': address.city ?? '',
    'MAILADDRESS.STATE': address.state ?? '',
    'MAILADDRESS.ZIP': address.zip ?? '',
    'MAILADDRESS.COUNTRY': address.country ?? '',
    'MAILADDRESS.ISOCOUNTRYCODE': address.isoCountryCode ?? '',
    STATUS: contact.status,
    WHENCREATED: usDateTime(contact.createdAt),
    WHENMODIFIED: usDateTime(contact.createdAt),
  };
};
