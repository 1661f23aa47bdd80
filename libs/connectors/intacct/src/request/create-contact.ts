import type { IntacctContact } from '../intacct-types.js';
import type { XmlTree } from '../xml/xml-codec.js';
import { mailAddressXml } from './create-customer.js';
import type { EqualityQuery } from './query.js';
import type { IntacctFunction } from './request-envelope.js';

/**
 * Key order below is the key, then the contact fields in DISPLAYCONTACT order (external-apis
 * §1.10); do not reorder.
 */
export const createContactXml = (contact: IntacctContact): XmlTree => ({
  CONTACTNAME: contact.contactName,
  PRINTAS: contact.printAs,
  COMPANYNAME: contact.companyName,
  FIRSTNAME: contact.firstName,
  LASTNAME: contact.lastName,
  PHONE1: contact.phone,
  EMAIL1: contact.email,
  MAILADDRESS: contact.mailAddress ? mailAddressXml(contact.mailAddress) : undefined,
});

export const createContactFunction = (contact: IntacctContact, controlId: string): IntacctFunction => ({
  controlId,
  name: 'create:CONTACT',
  body: { create: { CONTACT: createContactXml(contact) } },
});

/** CONTACT rows whose CONTACTNAME equals `contactName` (one at most: it is the key). */
export const contactsByName = (contactName: string): EqualityQuery => ({
  object: 'CONTACT',
  fields: ['RECORDNO', 'CONTACTNAME'],
  field: 'CONTACTNAME',
  value: contactName,
  caseInsensitive: false,
  pageSize: 10,
});
