import { businessErrors } from '../gateway/gateway-errors.js';
import type { StoredSalesDocument } from '../simulator-types.js';
import { child, type XmlElement } from '../xml/xml-reader.js';
import type { FunctionContext } from './function-handler.js';
import { optionalText, type Parsed } from './sales-document-fields.js';

type DocumentContacts = Pick<StoredSalesDocument, 'shipToContact' | 'billToContact'>;

const ROLES = [
  ['shipToContact', 'shipto', 'Ship to'],
  ['billToContact', 'billto', 'Bill to'],
] as const;

/**
 * `<shipto><contactname>` and `<billto><contactname>` of a create or update: each given name must be
 * an active CONTACT of the company. Only the roles given are returned.
 */
export const readDocumentContacts = (verb: XmlElement, context: FunctionContext, summary?: string): Parsed<DocumentContacts> => {
  const contacts: DocumentContacts = {};
  for (const [field, elementName, role] of ROLES) {
    const holder = child(verb, elementName);
    const contactName = holder && optionalText(holder, 'contactname');
    if (contactName === undefined) continue;
    const contact = context.state.contact(context.companyId, contactName);
    if (!contact || contact.status !== 'active') {
      return {
        errors: businessErrors(
          'Invalid Contact',
          `The ${role} contact '${contactName}' does not exist or is inactive.`,
          'Use the CONTACTNAME of an active contact, or create the contact first.',
          summary,
        ),
      };
    }
    contacts[field] = contactName;
  }
  return { value: contacts };
};
