import type { ItemType, SalesOrderLine } from '../simulator-types.js';
import type { CompanyBooks } from '../state/company-books.js';
import { extensionOf } from '../state/money.js';
import { boiError } from './facade-error.js';
import { checkFields } from './field-rules.js';
import type { LineInput } from './request-schemas.js';

const DEFAULT_WAREHOUSE = '000';

const defaultItemType = (books: CompanyBooks, itemCode: string): string =>
  books.items.get(itemCode)?.ItemType ?? (itemCode === '/C' ? '4' : itemCode.startsWith('/') ? '5' : '1');

/**
 * SO_SalesOrderDetail lines as oLines.nAddLine / nSetValue / nWrite would store them: inventory
 * items (type 1) must exist, be active and stocked in the warehouse; charge, comment and misc
 * lines (3, 4, 5) use "/" codes; ExtensionAmt, when given, must be what Sage computes.
 */
export const buildLines = (books: CompanyBooks, inputs: readonly LineInput[], firstLineKey = 1): SalesOrderLine[] =>
  inputs.map((input, index) => {
    checkFields(input);
    const ItemType = (input.ItemType ?? defaultItemType(books, input.ItemCode)) as ItemType;
    checkFields({ ItemType });
    const { ItemCode } = input;
    const item = books.items.get(ItemCode);
    const LineKey = String(firstLineKey + index).padStart(6, '0');
    let WarehouseCode = input.WarehouseCode ?? DEFAULT_WAREHOUSE;
    let UnitPrice = input.UnitPrice ?? 0;
    let ItemCodeDesc = input.ItemCodeDesc ?? '';
    if (ItemType === '1') {
      if (!item) throw boiError('itemNotFound', { ItemCode }, 'ItemCode');
      if (item.ItemType !== '1') throw boiError('itemTypeMismatch', { ItemCode, ItemType }, 'ItemType');
      if (item.InactiveItem === 'Y') throw boiError('itemInactive', { ItemCode }, 'ItemCode');
      WarehouseCode = input.WarehouseCode ?? item.DefaultWarehouseCode ?? DEFAULT_WAREHOUSE;
      if (!books.itemWarehouse(ItemCode, WarehouseCode)) throw boiError('warehouseNotFound', { ItemCode, WarehouseCode }, 'WarehouseCode');
      UnitPrice = input.UnitPrice ?? item.StandardUnitPrice;
      ItemCodeDesc = input.ItemCodeDesc ?? item.ItemCodeDesc;
    } else if (ItemType !== '2' && !ItemCode.startsWith('/')) {
      throw boiError('itemTypeMismatch', { ItemCode, ItemType }, 'ItemCode');
    } else if (ItemType === '2' && item && item.ItemType !== '2') {
      throw boiError('itemTypeMismatch', { ItemCode, ItemType }, 'ItemType');
    }
    const comment = ItemType === '4';
    const QuantityOrdered = comment ? 0 : input.QuantityOrdered;
    if (!comment && ItemType !== '3' && QuantityOrdered <= 0) throw boiError('invalidAmount', { field: 'QuantityOrdered', value: QuantityOrdered }, 'QuantityOrdered');
    if (comment) UnitPrice = 0;
    const LineDiscountPercent = input.LineDiscountPercent ?? 0;
    const expected = extensionOf(QuantityOrdered, UnitPrice, LineDiscountPercent);
    if (input.ExtensionAmt !== undefined && input.ExtensionAmt !== expected) {
      throw boiError('extensionMismatch', { ExtensionAmt: input.ExtensionAmt, ItemCode, expected: expected.toFixed(2) }, 'ExtensionAmt');
    }
    return {
      LineKey, ItemCode, ItemType, ItemCodeDesc, WarehouseCode, QuantityOrdered, QuantityShipped: 0, UnitPrice, LineDiscountPercent, ExtensionAmt: expected,
      ...(input.CommentText !== undefined ? { CommentText: input.CommentText } : {}),
    };
  });
