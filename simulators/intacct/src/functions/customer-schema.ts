import { checkKnownOrder } from '../gateway/schema-sequence.js';
import { child, type XmlElement } from '../xml/xml-reader.js';

/** Element order of CUSTOMER (external-apis §1.10). Custom fields such as CLARITY_ID may follow. */
const CUSTOMER_ORDER = [
  'CUSTOMERID', 'NAME', 'DISPLAYCONTACT', 'STATUS', 'ONETIME', 'HIDEDISPLAYCONTACT', 'CUSTTYPE', 'CUSTREPID', 'PARENTID',
  'GLGROUP', 'TERRITORYID', 'SUPDOCID', 'TERMNAME', 'OFFSETGLACCOUNTNO', 'ARACCOUNT', 'SHIPPINGMETHOD', 'RESALENO', 'TAXID',
  'CREDITLIMIT', 'ONHOLD', 'DELIVERY_OPTIONS', 'CUSTMESSAGEID', 'COMMENTS', 'CURRENCY', 'CONTACTINFO', 'BILLTO', 'SHIPTO',
  'OBJECTRESTRICTION', 'RESTRICTEDLOCATIONS',
];

const DISPLAYCONTACT_ORDER = [
  'PRINTAS', 'CONTACTNAME', 'COMPANYNAME', 'TAXABLE', 'TAXGROUP', 'TAXSOLUTIONID', 'TAXSCHEDULE', 'PREFIX', 'FIRSTNAME',
  'LASTNAME', 'INITIAL', 'PHONE1', 'PHONE2', 'CELLPHONE', 'PAGER', 'FAX', 'EMAIL1', 'EMAIL2', 'URL1', 'URL2', 'MAILADDRESS',
];

const MAILADDRESS_ORDER = ['ADDRESS1', 'ADDRESS2', 'ADDRESS3', 'CITY', 'STATE', 'ZIP', 'COUNTRY', 'ISOCOUNTRYCODE', 'COUNTRYCODE'];

/** The first element out of order in a CUSTOMER, DISPLAYCONTACT or MAILADDRESS, if any. */
export const customerSchemaError = (customer: XmlElement): string | undefined => {
  const contact = child(customer, 'DISPLAYCONTACT');
  const address = contact && child(contact, 'MAILADDRESS');
  return (
    checkKnownOrder(customer, CUSTOMER_ORDER) ??
    (contact && checkKnownOrder(contact, DISPLAYCONTACT_ORDER)) ??
    (address && checkKnownOrder(address, MAILADDRESS_ORDER))
  );
};
