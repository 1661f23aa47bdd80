import { businessErrors } from '../gateway/gateway-errors.js';
import type { StoredCustomer } from '../simulator-types.js';
import { child, type XmlElement } from '../xml/xml-reader.js';
import { element, leaf } from '../xml/xml-writer.js';
import { CONTACT_TEXT_FIELDS, copyTexts, mailAddress, text } from './contact-fields.js';
import type { FunctionContext, FunctionOutcome } from './function-handler.js';

const STATUSES = new Set(['active', 'inactive']);
const NOT_CREATED = 'Could not create Customer record!';

const invalid = (description: string, description2: string, correction = ''): FunctionOutcome => ({
  ok: false,
  errors: businessErrors(description, description2, correction, NOT_CREATED),
});

/** Generic `<create><CUSTOMER>` (external-apis §1.10). */
export const createCustomer = (customer: XmlElement, context: FunctionContext): FunctionOutcome => {
  const name = text(customer, 'NAME');
  const contact = child(customer, 'DISPLAYCONTACT');
  const printAs = contact && text(contact, 'PRINTAS');
  const status = text(customer, 'STATUS') ?? 'active';
  if (!name) return invalid('Required field missing', 'Customer Name is required.', 'Enter a customer name and try again.');
  if (!contact || !printAs) {
    return invalid('Required field missing', 'DISPLAYCONTACT.PRINTAS (Print as) is required for the primary contact.', 'Enter a Print as name for the contact.');
  }
  if (!STATUSES.has(status)) return invalid('Invalid Status', `Status '${status}' is not one of active, inactive.`);

  const givenId = text(customer, 'CUSTOMERID');
  if (givenId && (context.state.hasCustomer(context.companyId, givenId) || context.customers?.has(givenId))) {
    return invalid('Duplicate customer ID', `A customer with the ID '${givenId}' already exists.`, 'Enter a unique customer ID.');
  }
  const customerId = givenId ?? context.state.nextCustomerId(context.companyId, context.customers);
  const address = mailAddress(contact);
  const stored: StoredCustomer = {
    recordNo: context.state.nextRecordNo(),
    companyId: context.companyId,
    customerId,
    name,
    status,
    displayContact: copyTexts<StoredCustomer['displayContact']>(contact, { printAs, ...(address ? { mailAddress: address } : {}) }, CONTACT_TEXT_FIELDS),
    createdAt: context.now.toISOString(),
    controlId: context.controlId,
  };
  copyTexts(customer, stored, [['currency', 'CURRENCY'], ['clarityId', 'CLARITY_ID']]);
  context.state.addCustomer(stored);
  return {
    ok: true,
    data: element('data', element('customer', [leaf('RECORDNO', stored.recordNo), leaf('CUSTOMERID', customerId)]), { listtype: 'objects', count: 1 }),
  };
};
