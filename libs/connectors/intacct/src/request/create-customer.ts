import type { IntacctCustomer, IntacctMailAddress } from '../intacct-types.js';
import type { XmlTree } from '../xml/xml-codec.js';
import type { IntacctFunction } from './request-envelope.js';

/** Key order below is MAILADDRESS in external-apis §1.10; do not reorder. */
export const mailAddressXml = (address: IntacctMailAddress): XmlTree => ({
  ADDRESS1: address.address1,
  ADDRESS2: address.address2,
  CITY: address.city,
  STATE: address.state,
  ZIP: address.zip,
  COUNTRY: address.country,
  ISOCOUNTRYCODE: address.isoCountryCode,
});

/**
 * Key order below is CUSTOMER and DISPLAYCONTACT in external-apis §1.10; do not reorder. Custom
 * fields (CLARITY_ID) are plain elements and go last.
 */
export const createCustomerXml = (customer: IntacctCustomer): XmlTree => ({
  CUSTOMERID: customer.customerId,
  NAME: customer.name,
  DISPLAYCONTACT: {
    PRINTAS: customer.name,
    COMPANYNAME: customer.companyName,
    FIRSTNAME: customer.firstName,
    LASTNAME: customer.lastName,
    PHONE1: customer.phone,
    EMAIL1: customer.email,
    MAILADDRESS: customer.mailAddress ? mailAddressXml(customer.mailAddress) : undefined,
  },
  STATUS: 'active',
  CURRENCY: customer.currency,
  CLARITY_ID: customer.clarityId,
});

export const createCustomerFunction = (customer: IntacctCustomer, controlId: string): IntacctFunction => ({
  controlId,
  name: 'create:CUSTOMER',
  body: { create: { CUSTOMER: createCustomerXml(customer) } },
});
