import { businessErrors } from '../gateway/gateway-errors.js';
import { itemChangeProblem, type ItemChange } from '../state/item-master.js';
import { childText, type XmlElement } from '../xml/xml-reader.js';
import { element, leaf } from '../xml/xml-writer.js';
import type { FunctionContext, FunctionOutcome } from './function-handler.js';

const NOT_UPDATED = 'Could not update Item record!';

const invalid = (description: string, description2: string, correction = ''): FunctionOutcome => ({
  ok: false,
  errors: businessErrors(description, description2, correction, NOT_UPDATED),
});

/** The change an `<ITEM>` element asks for: only the fields present, '' for an emptied one. */
const requestedChange = (itemId: string, item: XmlElement): ItemChange => {
  const change: ItemChange = { itemId };
  const fields = [
    ['name', 'NAME'], ['status', 'STATUS'], ['basePrice', 'BASEPRICE'], ['soDescription', 'SODESCRIPTION'], ['extendedDescription', 'EXTENDED_DESCRIPTION'],
  ] as const;
  for (const [field, name] of fields) {
    const value = childText(item, name);
    if (value !== undefined) change[field] = value;
  }
  return change;
};

/**
 * Generic `<update><ITEM>` (external-apis §1.10 pattern, §1.11 fields), keyed by ITEMID or
 * RECORDNO: fields left out stay as they are; every update bumps WHENMODIFIED.
 */
export const updateItem = (item: XmlElement, context: FunctionContext): FunctionOutcome => {
  const itemId = childText(item, 'ITEMID') ?? '';
  const recordNo = childText(item, 'RECORDNO') ?? '';
  if (!itemId && !recordNo) return invalid('Required field missing', 'ITEMID or RECORDNO is required to update an item.');
  const existing = itemId ? context.state.item(itemId) : context.state.itemsInOrder().find((i) => i.recordNo === recordNo);
  if (!existing) {
    return invalid('Invalid Item', `Item '${itemId || recordNo}' does not exist.`, 'Use the ID of an existing item.');
  }
  const change = requestedChange(existing.itemId, item);
  const problem = itemChangeProblem(change);
  if (problem) return invalid('Invalid field value', problem);
  const updated = context.state.putItem(change, context.now);
  return {
    ok: true,
    data: element('data', element('item', [leaf('RECORDNO', updated.recordNo), leaf('ITEMID', updated.itemId)]), { listtype: 'objects', count: 1 }),
  };
};
