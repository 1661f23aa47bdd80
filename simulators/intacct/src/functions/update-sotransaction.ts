import { businessErrors } from '../gateway/gateway-errors.js';
import type { StoredSalesDocument, StoredSalesDocumentLine } from '../simulator-types.js';
import { child, childrenNamed, type XmlElement } from '../xml/xml-reader.js';
import type { FunctionContext, FunctionHandler, FunctionOutcome } from './function-handler.js';
import { documentTotal, isoDate, optionalText, readLine, readSubtotals, STATES, type Parsed } from './sales-document-fields.js';
import { readDocumentContacts } from './sales-document-contacts.js';
import { lockedDocumentErrors, targetDocument } from './sales-document-lock.js';
import { updateSoTransactionSchemaError } from './sales-document-schema.js';

const SUMMARY = 'Could not update Document record!';

const invalid = (description: string, description2: string, correction = ''): FunctionOutcome => ({
  ok: false,
  errors: businessErrors(description, description2, correction, SUMMARY),
});

/**
 * The document's lines after `updatesotransitems`: each `updatesotransitem line_num="N"` overlays
 * line N, each `sotransitem` is appended. Nothing is stored until every line checked out.
 */
const updatedLines = (verb: XmlElement, document: StoredSalesDocument, context: FunctionContext): Parsed<StoredSalesDocumentLine[]> => {
  const lines = [...document.lines];
  for (const item of child(verb, 'updatesotransitems')?.children ?? []) {
    const lineNo = item.name === 'updatesotransitem' ? Number(item.attributes['line_num']) : lines.length + 1;
    const base = item.name === 'updatesotransitem' ? lines[lineNo - 1] : undefined;
    if (item.name === 'updatesotransitem' && !base) {
      return { errors: businessErrors('Invalid line number', `${document.docId} has no line ${lineNo}.`, 'Use a line_num between 1 and the number of lines.', SUMMARY) };
    }
    const line = readLine(item, lineNo, context, base);
    if ('errors' in line) return line;
    lines[lineNo - 1] = base ? line.value : { ...line.value, recordNo: context.state.nextEntryRecordNo() };
  }
  return { value: lines };
};

/** `updatesubtotals` (as the SDKs send it) or `subtotals` replace the document's subtotals. */
const updatedSubtotals = (verb: XmlElement, document: StoredSalesDocument): Parsed<StoredSalesDocument['subtotals']> => {
  const updates = child(verb, 'updatesubtotals');
  if (updates) return readSubtotals(updates, 'updatesubtotal');
  const replacement = child(verb, 'subtotals');
  return replacement ? readSubtotals(replacement) : { value: document.subtotals };
};

/** An invoice's AR record is recreated with a new RECORDNO when the document changes (§1.9.1 PRRECORDKEY). */
const repostArInvoice = (document: StoredSalesDocument, context: FunctionContext): void => {
  const invoice = document.prRecordKey === undefined ? undefined : context.state.arInvoice(context.companyId, document.prRecordKey);
  if (!invoice) return;
  invoice.recordNo = context.state.nextRecordNo();
  invoice.total = document.total;
  invoice.openBalance = document.total;
  document.prRecordKey = invoice.recordNo;
};

/** Legacy update_sotransaction (external-apis §1.9.1): header fields, line edits and subtotals of a Draft or Pending document. */
export const updateSoTransaction: FunctionHandler = {
  schema: updateSoTransactionSchemaError,
  run: (verb, context) => {
    const target = targetDocument(verb, context, 'update');
    if ('errors' in target) return { ok: false, errors: target.errors };
    const { document } = target;
    const locked = lockedDocumentErrors(document, context, 'update');
    if (locked) return { ok: false, errors: locked };

    const dateElement = child(verb, 'datecreated');
    const documentDate = dateElement ? isoDate(dateElement) : document.documentDate;
    if (!documentDate) return invalid('Invalid Date', 'datecreated is not a valid date.', 'Enter a valid year, month and day.');
    const state = optionalText(verb, 'state') ?? document.state;
    if (optionalText(verb, 'state') !== undefined && !STATES.has(state)) {
      return invalid('Invalid State', `State '${state}' is not one of Draft, Pending, Closed.`);
    }
    const contacts = readDocumentContacts(verb, context, SUMMARY);
    if ('errors' in contacts) return { ok: false, errors: contacts.errors };
    const lines = updatedLines(verb, document, context);
    if ('errors' in lines) return { ok: false, errors: lines.errors };
    const subtotals = updatedSubtotals(verb, document);
    if ('errors' in subtotals) return { ok: false, errors: subtotals.errors };

    document.documentDate = documentDate;
    document.state = state;
    document.referenceNo = optionalText(verb, 'referenceno') ?? document.referenceNo;
    for (const [field, name] of [['externalId', 'externalid'], ['message', 'message'], ['shippingMethod', 'shippingmethod'], ['projectId', 'projectid']] as const) {
      const value = optionalText(verb, name);
      if (value !== undefined) document[field] = value;
    }
    Object.assign(document, contacts.value);
    document.lines = lines.value;
    document.subtotals = subtotals.value;
    document.total = documentTotal(lines.value, subtotals.value);
    document.modifiedAt = context.now.toISOString();
    repostArInvoice(document, context);
    return { ok: true, key: document.docId };
  },
};
