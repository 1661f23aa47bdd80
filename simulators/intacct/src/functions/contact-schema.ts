import { checkKnownOrder } from '../gateway/schema-sequence.js';
import { child, type XmlElement } from '../xml/xml-reader.js';

/**
 * Element order of CONTACT: the key first, then the contact fields as DISPLAYCONTACT lists them
 * (external-apis §1.10), then STATUS as on CUSTOMER. Custom fields may be anywhere.
 */
const CONTACT_ORDER = [
  'CONTACTNAME', 'PRINTAS', 'COMPANYNAME', 'TAXABLE', 'TAXGROUP', 'TAXSOLUTIONID', 'TAXSCHEDULE', 'PREFIX', 'FIRSTNAME',
  'LASTNAME', 'INITIAL', 'PHONE1', 'PHONE2', 'CELLPHONE', 'PAGER', 'FAX', 'EMAIL1', 'EMAIL2', 'URL1', 'URL2', 'MAILADDRESS', 'STATUS',
];

const MAILADDRESS_ORDER = ['ADDRESS1', 'ADDRESS2', 'ADDRESS3', 'CITY', 'STATE', 'ZIP', 'COUNTRY', 'ISOCOUNTRYCODE', 'COUNTRYCODE'];

/** The first element out of order in a CONTACT or its MAILADDRESS, if any. */
export const contactSchemaError = (contact: XmlElement): string | undefined => {
  const address = child(contact, 'MAILADDRESS');
  return checkKnownOrder(contact, CONTACT_ORDER) ?? (address && checkKnownOrder(address, MAILADDRESS_ORDER));
};
