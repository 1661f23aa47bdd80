import { Decimal } from 'decimal.js';
import { businessErrors, type GatewayError } from '../gateway/gateway-errors.js';
import type { StoredSalesDocument, StoredSalesDocumentLine } from '../simulator-types.js';
import { child, childText, childrenNamed, type XmlElement } from '../xml/xml-reader.js';
import type { FunctionContext } from './function-handler.js';

export const DECIMAL = /^-?\d+(\.\d+)?$/;
export const STATES = new Set(['Draft', 'Pending', 'Closed']);

/** Amounts as Intacct shows them: at least two decimals, never rounded away. */
export const formatAmount = (amount: Decimal): string => amount.toFixed(Math.max(2, amount.decimalPlaces()));

export const optionalText = (element: XmlElement, name: string): string | undefined => {
  const value = childText(element, name);
  return value === undefined || value === '' ? undefined : value;
};

export const isoDate = (dateElement: XmlElement | undefined): string | undefined => {
  if (!dateElement) return undefined;
  const [year, month, day] = ['year', 'month', 'day'].map((name) => Number(childText(dateElement, name)));
  if (!year || !month || !day) return undefined;
  const date = new Date(Date.UTC(year, month - 1, day));
  const valid = date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  return valid ? date.toISOString().slice(0, 10) : undefined;
};

export type Parsed<T> = { value: T } | { errors: GatewayError[] };

/** Optional sotransitem elements the simulator keeps, so tests can see dimensions arrive. */
export const LINE_OPTIONAL_FIELDS = [
  ['itemDesc', 'itemdesc'], ['warehouseId', 'warehouseid'], ['locationId', 'locationid'], ['departmentId', 'departmentid'],
  ['projectId', 'projectid'], ['customerDimensionId', 'customerid'], ['classId', 'classid'], ['memo', 'memo'],
] as const;

/**
 * A line as it will be stored: `base` (the line being updated, if any) overlaid with the elements
 * of `item`, checked, with its total recomputed.
 */
export const readLine = (
  item: XmlElement,
  lineNo: number,
  context: FunctionContext,
  base?: StoredSalesDocumentLine,
): Parsed<StoredSalesDocumentLine> => {
  const itemId = optionalText(item, 'itemid') ?? base?.itemId ?? '';
  const quantity = childText(item, 'quantity') ?? base?.quantity ?? '';
  const price = childText(item, 'price') ?? base?.price;
  if (itemId === '') return { errors: businessErrors('Invalid Item', `Line ${lineNo}: item ID is required.`) };
  if (context.items && !context.items.has(itemId)) {
    return { errors: businessErrors('Invalid Item', `Item '${itemId}' on line ${lineNo} does not exist or is inactive.`, 'Use a valid, active item ID.') };
  }
  if (!DECIMAL.test(quantity)) return { errors: businessErrors('Invalid Quantity', `Line ${lineNo}: quantity '${quantity}' is not a number.`) };
  if (price === undefined || price === '') return { errors: businessErrors('Price required', `Line ${lineNo}: enter a price for item '${itemId}'.`) };
  if (!DECIMAL.test(price)) return { errors: businessErrors('Invalid Price', `Line ${lineNo}: price '${price}' is not a number.`) };
  const line: StoredSalesDocumentLine = { ...base, lineNo, itemId, quantity, price, lineTotal: formatAmount(new Decimal(quantity).times(price)) };
  for (const [field, name] of LINE_OPTIONAL_FIELDS) {
    const value = optionalText(item, name);
    if (value !== undefined) line[field] = value;
  }
  return { value: line };
};

/** `<subtotal>` (or `<updatesubtotal>`) children of `container`. */
export const readSubtotals = (container: XmlElement, elementName = 'subtotal'): Parsed<StoredSalesDocument['subtotals']> => {
  const subtotals: StoredSalesDocument['subtotals'] = [];
  for (const subtotal of childrenNamed(container, elementName)) {
    const description = childText(subtotal, 'description') ?? '';
    const total = childText(subtotal, 'total') ?? '';
    if (!DECIMAL.test(total)) return { errors: businessErrors('Invalid Subtotal', `Subtotal '${description}': total '${total}' is not a number.`) };
    subtotals.push({ description, total });
  }
  return { value: subtotals };
};

/** Σ line totals + Σ subtotals, exact. */
export const documentTotal = (lines: readonly StoredSalesDocumentLine[], subtotals: StoredSalesDocument['subtotals']): string =>
  formatAmount([...lines.map((l) => l.lineTotal), ...subtotals.map((s) => s.total)].reduce((sum, amount) => sum.plus(amount), new Decimal(0)));

/** The `<sotransitems>` lines of a create, numbered from 1. */
export const readLines = (verb: XmlElement, context: FunctionContext): Parsed<StoredSalesDocumentLine[]> => {
  const lines: StoredSalesDocumentLine[] = [];
  for (const [index, item] of childrenNamed(child(verb, 'sotransitems') ?? verb, 'sotransitem').entries()) {
    const line = readLine(item, index + 1, context);
    if ('errors' in line) return line;
    lines.push(line.value);
  }
  return { value: lines };
};
