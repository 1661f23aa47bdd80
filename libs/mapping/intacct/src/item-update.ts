import type { Product } from '@tributary/canonical-model';
import type { IntacctItemUpdate } from '@tributary/connectors-intacct';
import { err, IntegrationError, ok, type Result } from '@tributary/core';
import type { ItemResolver, MappingConfig } from '@tributary/mapping-core';
import { formatMoney, parseMoney } from './money.js';

/** The ITEM update for a product change, or null when none of the changed fields is Clarity's to set. */
export interface ItemUpdatePlan {
  readonly update: IntacctItemUpdate | null;
  /** Fields not sent, and why (not mastered by Clarity, other currency). */
  readonly skipped: readonly string[];
}

/**
 * A Clarity product change as an Intacct ITEM update carrying only the fields the mapping file
 * makes Clarity master of (`products.clarityMasters`, e.g. price and description): the ERP stays
 * master of the rest. A price in another currency than the company's is never written as
 * BASEPRICE. Pure.
 */
export const toIntacctItemUpdate = (product: Product, rules: { readonly mapping: MappingConfig; readonly items: ItemResolver }): Result<ItemUpdatePlan, IntegrationError> => {
  const masters = new Set(rules.mapping.products.clarityMasters);
  const item = rules.items.resolve(product.sku);
  if (!item.ok) return err(new IntegrationError(item.error.code, `Product ${product.sku}: ${item.error.message}`, item.error.transient, { ...item.error.details, sku: product.sku, path: 'sku' }));
  const skipped: string[] = [];
  const update: IntacctItemUpdate = { itemId: item.value.itemId };
  let changes = 0;

  if (masters.has('name')) {
    update.name = product.name;
    changes++;
  } else skipped.push('name: the ERP is master');
  if (masters.has('description')) {
    if (product.description !== null) {
      update.description = product.description;
      changes++;
    }
  } else skipped.push('description: the ERP is master');
  if (masters.has('status')) {
    if (product.status !== 'active' && product.status !== 'inactive') {
      return err(IntegrationError.permanent('MAPPING.INVALID_STATUS', `Product ${product.sku}: status '${product.status}' is neither active nor inactive`, { sku: product.sku, path: 'status' }));
    }
    update.status = product.status;
    changes++;
  } else skipped.push('status: the ERP is master');
  if (masters.has('price')) {
    if (product.price !== null) {
      const price = parseMoney(product.price);
      if (!price || price.isNegative()) return err(IntegrationError.permanent('MAPPING.INVALID_AMOUNT', `Product ${product.sku}: price '${product.price}' is not a non-negative amount`, { sku: product.sku, path: 'price' }));
      if (product.currency === rules.mapping.company.baseCurrency) {
        update.basePrice = formatMoney(price);
        changes++;
      } else skipped.push(`price: in ${product.currency ?? 'no currency'}, not the base currency ${rules.mapping.company.baseCurrency}`);
    }
  } else skipped.push('price: the ERP is master');

  return ok({ update: changes > 0 ? update : null, skipped });
};
