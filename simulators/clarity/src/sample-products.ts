import { catalogue, type CatalogueItem } from './catalogue.js';
import type { ClarityProductPayload } from './payload.js';

export interface ProductOptions {
  /** Default USD, like the orders. */
  currency?: string;
  status?: ClarityProductPayload['status'];
  /** A new list price, exact decimal text; default the catalogue's. */
  price?: string;
  /** Default 2026-11-25T08:00:00Z, before the first sample order. */
  modifiedAt?: string;
}

/** A catalogue item as Clarity's `product.updated` describes it. */
export const productFor = (item: CatalogueItem, options: ProductOptions = {}): ClarityProductPayload => ({
  sku: item.sku,
  name: item.name,
  description: `${item.name}, from the Tributary coffee & tea range.`,
  price: options.price ?? item.price,
  currency: options.currency ?? 'USD',
  status: options.status ?? 'active',
  modifiedAt: options.modifiedAt ?? '2026-11-25T08:00:00Z',
});

/** The whole catalogue as products. */
export const sampleProducts = (options: Omit<ProductOptions, 'price'> = {}): ClarityProductPayload[] => catalogue.map((item) => productFor(item, options));
