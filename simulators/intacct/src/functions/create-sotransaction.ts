import { Decimal } from 'decimal.js';
import { businessErrors, type GatewayError } from '../gateway/gateway-errors.js';
import type { StoredSalesDocument, StoredSalesDocumentLine } from '../simulator-types.js';
import { child, childText, childrenNamed, type XmlElement } from '../xml/xml-reader.js';
import { customerExists, type FunctionContext, type FunctionHandler, type FunctionOutcome } from './function-handler.js';
import { createSoTransactionSchemaError } from './sales-document-schema.js';

const DECIMAL = /^-?\d+(\.\d+)?$/;
const STATES = new Set(['Draft', 'Pending', 'Closed']);

/** Amounts as Intacct shows them: at least two decimals, never rounded away. */
export const formatAmount = (amount: Decimal): string => amount.toFixed(Math.max(2, amount.decimalPlaces()));

const optionalText = (element: XmlElement, name: string): string | undefined => {
  const value = childText(element, name);
  return value === undefined || value === '' ? undefined : value;
};

const isoDate = (dateElement: XmlElement | undefined): string | undefined => {
  if (!dateElement) return undefined;
  const [year, month, day] = ['year', 'month', 'day'].map((name) => Number(childText(dateElement, name)));
  if (!year || !month || !day) return undefined;
  const date = new Date(Date.UTC(year, month - 1, day));
  const valid = date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  return valid ? date.toISOString().slice(0, 10) : undefined;
};

const invalid = (description: string, description2: string, correction = ''): FunctionOutcome => ({
  ok: false,
  errors: businessErrors(description, description2, correction),
});

type Parsed<T> = { value: T } | { errors: GatewayError[] };

/** Optional sotransitem elements the simulator keeps, so tests can see dimensions arrive. */
const LINE_OPTIONAL_FIELDS = [
  ['itemDesc', 'itemdesc'], ['warehouseId', 'warehouseid'], ['locationId', 'locationid'], ['departmentId', 'departmentid'],
  ['projectId', 'projectid'], ['customerDimensionId', 'customerid'], ['classId', 'classid'], ['memo', 'memo'],
] as const;

const readLines = (verb: XmlElement, context: FunctionContext): Parsed<StoredSalesDocumentLine[]> => {
  const items = childrenNamed(child(verb, 'sotransitems') ?? verb, 'sotransitem');
  const lines: StoredSalesDocumentLine[] = [];
  for (const [index, item] of items.entries()) {
    const lineNo = index + 1;
    const itemId = childText(item, 'itemid') ?? '';
    const quantity = childText(item, 'quantity') ?? '';
    const price = childText(item, 'price');
    if (itemId === '') return { errors: businessErrors('Invalid Item', `Line ${lineNo}: item ID is required.`) };
    if (context.items && !context.items.has(itemId)) {
      return { errors: businessErrors('Invalid Item', `Item '${itemId}' on line ${lineNo} does not exist or is inactive.`, 'Use a valid, active item ID.') };
    }
    if (!DECIMAL.test(quantity)) return { errors: businessErrors('Invalid Quantity', `Line ${lineNo}: quantity '${quantity}' is not a number.`) };
    if (price === undefined || price === '') return { errors: businessErrors('Price required', `Line ${lineNo}: enter a price for item '${itemId}'.`) };
    if (!DECIMAL.test(price)) return { errors: businessErrors('Invalid Price', `Line ${lineNo}: price '${price}' is not a number.`) };
    const line: StoredSalesDocumentLine = { lineNo, itemId, quantity, price, lineTotal: formatAmount(new Decimal(quantity).times(price)) };
    for (const [field, name] of LINE_OPTIONAL_FIELDS) {
      const value = optionalText(item, name);
      if (value !== undefined) line[field] = value;
    }
    lines.push(line);
  }
  return { value: lines };
};

const readSubtotals = (verb: XmlElement): Parsed<StoredSalesDocument['subtotals']> => {
  const subtotals: StoredSalesDocument['subtotals'] = [];
  for (const subtotal of childrenNamed(child(verb, 'subtotals') ?? verb, 'subtotal')) {
    const description = childText(subtotal, 'description') ?? '';
    const total = childText(subtotal, 'total') ?? '';
    if (!DECIMAL.test(total)) return { errors: businessErrors('Invalid Subtotal', `Subtotal '${description}': total '${total}' is not a number.`) };
    subtotals.push({ description, total });
  }
  return { value: subtotals };
};

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

    const lines = readLines(verb, context);
    if ('errors' in lines) return { ok: false, errors: lines.errors };
    const subtotals = readSubtotals(verb);
    if ('errors' in subtotals) return { ok: false, errors: subtotals.errors };

    const givenDocNo = optionalText(verb, 'documentno');
    if (givenDocNo && context.state.hasDocument(context.companyId, `${transactionType}-${givenDocNo}`)) {
      return invalid('Duplicate document number', `A ${transactionType} with document number '${givenDocNo}' already exists.`, 'Enter a unique document number.');
    }
    const docNo = givenDocNo ?? context.state.nextDocumentNo(context.companyId, transactionType);
    const total = [...lines.value.map((l) => l.lineTotal), ...subtotals.value.map((s) => s.total)].reduce(
      (sum, amount) => sum.plus(amount),
      new Decimal(0),
    );
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
      lines: lines.value,
      subtotals: subtotals.value,
      total: formatAmount(total),
      ...(exchangeRateDate ? { exchangeRateDate } : {}),
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
