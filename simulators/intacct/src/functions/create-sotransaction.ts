import { businessErrors } from '../gateway/gateway-errors.js';
import type { StoredSalesDocument } from '../simulator-types.js';
import { child, childText } from '../xml/xml-reader.js';
import { overCreditErrors, sourceDocument } from './created-from.js';
import { customerExists, type FunctionContext, type FunctionHandler, type FunctionOutcome } from './function-handler.js';
import { documentTotal, isoDate, optionalText, readLines, readSubtotals, STATES } from './sales-document-fields.js';
import { readDocumentContacts } from './sales-document-contacts.js';
import { createSoTransactionSchemaError } from './sales-document-schema.js';

export { formatAmount } from './sales-document-fields.js';

const invalid = (description: string, description2: string, correction = ''): FunctionOutcome => ({
  ok: false,
  errors: businessErrors(description, description2, correction),
});

/** An invoice definition posts to AR: the AR invoice gets its own RECORDNO, kept on the document as PRRECORDKEY. */
const postArInvoice = (document: StoredSalesDocument, context: FunctionContext): void => {
  const recordNo = context.state.nextRecordNo();
  context.state.addArInvoice({
    recordNo,
    companyId: document.companyId,
    customerId: document.customerId,
    docId: document.docId,
    currency: document.currency,
    total: document.total,
    openBalance: document.total,
  });
  document.prRecordKey = recordNo;
};

/** Legacy create_sotransaction (external-apis §1.9.1): stores the document, returns its DOCID as `<key>`. */
export const createSoTransaction: FunctionHandler = {
  schema: createSoTransactionSchemaError,
  run: (verb, context) => {
    const transactionType = childText(verb, 'transactiontype') ?? '';
    const customerId = childText(verb, 'customerid') ?? '';
    const documentDate = isoDate(child(verb, 'datecreated'));
    const state = optionalText(verb, 'state') ?? 'Pending';
    if (transactionType === '') return invalid('Invalid Transaction Definition', 'Transaction type is required.');
    if (!documentDate) return invalid('Invalid Date', 'datecreated is not a valid date.', 'Enter a valid year, month and day.');
    if (!customerExists(context, customerId)) {
      return invalid('Invalid Customer', `Customer '${customerId}' does not exist or is inactive.`, 'Use a valid, active customer ID.');
    }
    if (!STATES.has(state)) return invalid('Invalid State', `State '${state}' is not one of Draft, Pending, Closed.`);
    const contacts = readDocumentContacts(verb, context);
    if ('errors' in contacts) return { ok: false, errors: contacts.errors };
    const createdFrom = optionalText(verb, 'createdfrom');
    const source = createdFrom === undefined ? undefined : sourceDocument(createdFrom, context);
    if (source && 'errors' in source) return { ok: false, errors: source.errors };

    const lines = readLines(verb, context);
    if ('errors' in lines) return { ok: false, errors: lines.errors };
    const subtotals = readSubtotals(child(verb, 'subtotals') ?? verb);
    if ('errors' in subtotals) return { ok: false, errors: subtotals.errors };

    const givenDocNo = optionalText(verb, 'documentno');
    if (givenDocNo && context.state.hasDocument(context.companyId, `${transactionType}-${givenDocNo}`)) {
      return invalid('Duplicate document number', `A ${transactionType} with document number '${givenDocNo}' already exists.`, 'Enter a unique document number.');
    }
    const total = documentTotal(lines.value, subtotals.value);
    const overCredit = source && overCreditErrors(source.document, transactionType, total, context);
    if (overCredit) return { ok: false, errors: overCredit };
    const docNo = givenDocNo ?? context.state.nextDocumentNo(context.companyId, transactionType);
    const exchangeRateDate = isoDate(child(verb, 'exchratedate'));
    const document: StoredSalesDocument = {
      recordNo: context.state.nextRecordNo(),
      docId: `${transactionType}-${docNo}`,
      docNo,
      transactionType,
      companyId: context.companyId,
      customerId,
      referenceNo: optionalText(verb, 'referenceno') ?? '',
      state,
      currency: optionalText(verb, 'currency') ?? optionalText(verb, 'basecurr') ?? 'USD',
      documentDate,
      createdAt: context.now.toISOString(),
      controlId: context.controlId,
      lines: lines.value.map((line) => ({ ...line, recordNo: context.state.nextEntryRecordNo() })),
      subtotals: subtotals.value,
      total,
      ...(exchangeRateDate ? { exchangeRateDate } : {}),
      ...(source ? { createdFrom: source.document.docId } : {}),
      ...contacts.value,
    };
    if (context.locationId) document.entityId = context.locationId;
    for (const [field, name] of [['externalId', 'externalid'], ['message', 'message'], ['shippingMethod', 'shippingmethod'], ['baseCurrency', 'basecurr'], ['exchangeRate', 'exchrate'], ['projectId', 'projectid']] as const) {
      const value = optionalText(verb, name);
      if (value !== undefined) document[field] = value;
    }
    if (context.invoiceTransactionTypes.has(transactionType)) postArInvoice(document, context);
    context.state.addDocument(document);
    return { ok: true, key: document.docId };
  },
};
