import { businessErrors } from '../gateway/gateway-errors.js';
import type { StoredContact } from '../simulator-types.js';
import type { XmlElement } from '../xml/xml-reader.js';
import { element, leaf } from '../xml/xml-writer.js';
import { CONTACT_TEXT_FIELDS, copyTexts, mailAddress, text } from './contact-fields.js';
import type { FunctionContext, FunctionOutcome } from './function-handler.js';

const STATUSES = new Set(['active', 'inactive']);
const NOT_CREATED = 'Could not create Contact record!';
/** The width of CONTACTNAME in the simulator; Intacct's own limit is not documented in external-apis. */
export const MAX_CONTACTNAME = 200;

const invalid = (description: string, description2: string, correction = ''): FunctionOutcome => ({
  ok: false,
  errors: businessErrors(description, description2, correction, NOT_CREATED),
});

/** Generic `<create><CONTACT>`: CONTACTNAME (the key, unique per company) and PRINTAS are required. */
export const createContact = (contact: XmlElement, context: FunctionContext): FunctionOutcome => {
  const contactName = text(contact, 'CONTACTNAME');
  const printAs = text(contact, 'PRINTAS');
  const status = text(contact, 'STATUS') ?? 'active';
  if (!contactName) return invalid('Required field missing', 'Contact Name (CONTACTNAME) is required.', 'Enter a unique contact name and try again.');
  if (!printAs) return invalid('Required field missing', 'Print as (PRINTAS) is required.', 'Enter a Print as name for the contact.');
  if (contactName.length > MAX_CONTACTNAME) {
    return invalid('Invalid Contact Name', `Contact Name is ${contactName.length} characters long; at most ${MAX_CONTACTNAME} are allowed.`, 'Enter a shorter contact name.');
  }
  if (!STATUSES.has(status)) return invalid('Invalid Status', `Status '${status}' is not one of active, inactive.`);
  if (context.state.contact(context.companyId, contactName)) {
    return invalid('', `Another Contact with the given value(s) ${contactName} already exists`, 'Use a unique value instead.');
  }

  const address = mailAddress(contact, true);
  const stored: StoredContact = copyTexts<StoredContact>(contact, {
    recordNo: context.state.nextRecordNo(),
    companyId: context.companyId,
    contactName,
    printAs,
    ...(address ? { mailAddress: address } : {}),
    status,
    createdAt: context.now.toISOString(),
    controlId: context.controlId,
  }, CONTACT_TEXT_FIELDS);
  context.state.addContact(stored);
  return {
    ok: true,
    data: element('data', element('contact', [leaf('RECORDNO', stored.recordNo), leaf('CONTACTNAME', contactName)]), { listtype: 'objects', count: 1 }),
  };
};
