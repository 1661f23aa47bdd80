import type { StoredCustomer } from '../simulator-types.js';
import type { Row } from './query-filter.js';

/**
 * CUSTOMER fields the simulator can read, in the order `*` returns them. Contact fields use the
 * dotted names Intacct queries accept (DISPLAYCONTACT.EMAIL1); CLARITY_ID is our custom field.
 */
export const CUSTOMER_FIELDS = [
  'RECORDNO',
  'CUSTOMERID',
  'NAME',
  'STATUS',
  'CURRENCY',
  'DISPLAYCONTACT.PRINTAS',
  'DISPLAYCONTACT.COMPANYNAME',
  'DISPLAYCONTACT.FIRSTNAME',
  'DISPLAYCONTACT.LASTNAME',
  'DISPLAYCONTACT.PHONE1',
  'DISPLAYCONTACT.EMAIL1',
  'DISPLAYCONTACT.MAILADDRESS.ADDRESS1',
  'DISPLAYCONTACT.MAILADDRESS.ADDRESS2',
  'DISPLAYCONTACT.MAILADDRESS.CITY',
  'DISPLAYCONTACT.MAILADDRESS.STATE',
  'DISPLAYCONTACT.MAILADDRESS.ZIP',
  'DISPLAYCONTACT.MAILADDRESS.COUNTRY',
  'DISPLAYCONTACT.MAILADDRESS.ISOCOUNTRYCODE',
  'CLARITY_ID',
] as const;

export const customerRow = (customer: StoredCustomer): Row => {
  const contact = customer.displayContact;
  const address = contact.mailAddress ?? {};
  return {
    RECORDNO: customer.recordNo,
    CUSTOMERID: customer.customerId,
    NAME: customer.name,
    STATUS: customer.status,
    CURRENCY: customer.currency ?? '',
    'DISPLAYCONTACT.PRINTAS': contact.printAs,
    'DISPLAYCONTACT.COMPANYNAME': contact.companyName ?? '',
    'DISPLAYCONTACT.FIRSTNAME': contact.firstName ?? '',
    'DISPLAYCONTACT.LASTNAME': contact.lastName ?? '',
    'DISPLAYCONTACT.PHONE1': contact.phone1 ?? '',
    'DISPLAYCONTACT.EMAIL1': contact.email1 ?? '',
    'DISPLAYCONTACT.MAILADDRESS.ADDRESS1': address.address1 ?? '',
    'DISPLAYCONTACT.MAILADDRESS.ADDRESS2': address.address2 ?? '',
    'DISPLAYCONTACT.MAILADDRESS.CITY': address.city ?? '',
    'DISPLAYCONTACT.MAILADDRESS.STATE': address.state ?? '',
    'DISPLAYCONTACT.MAILADDRESS.ZIP': address.zip ?? '',
    'DISPLAYCONTACT.MAILADDRESS.COUNTRY': address.country ?? '',
    'DISPLAYCONTACT.MAILADDRESS.ISOCOUNTRYCODE': address.isoCountryCode ?? '',
    CLARITY_ID: customer.clarityId ?? '',
  };
};
