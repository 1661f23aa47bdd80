import { itemCatalogueSchema, type ItemCatalogue, type ItemCatalogueInput } from './item-catalogue.schema.js';

/** A coffee-and-tea shop's SKUs (as the Clarity simulator sells them) → Intacct item ids. */
export const coffeeShopItems: Readonly<Record<string, string>> = {
  'TRB-MUG-12OZ': 'MUG-CER-12',
  'TRB-MUG-TRAVEL-16OZ': 'MUG-TRV-16',
  'TRB-CUP-ESPRESSO-2PK': 'CUP-ESP-2',
  'TRB-FRENCHPRESS-1L': 'BRW-FP-1000',
  'TRB-POUROVER-V60': 'BRW-V60-02',
  'TRB-FILTER-V60-100': 'FLT-V60-100',
  'TRB-KETTLE-GOOSENECK': 'KTL-GN-900',
  'TRB-GRINDER-BURR': 'GRD-BURR-40',
  'TRB-BEANS-ETH-1KG': 'BNS-ETH-1000',
  'TRB-BEANS-ETH-250G': 'BNS-ETH-250',
  'TRB-BEANS-ESPRESSO-1KG': 'BNS-ESP-1000',
  'TRB-TEA-EARL-100G': 'TEA-EG-100',
  'TRB-TEA-SENCHA-100G': 'TEA-SEN-100',
  'TRB-DESCALER-250ML': 'CLN-DSC-250',
};

export const coffeeShop = (overrides: Partial<ItemCatalogueInput> = {}): ItemCatalogue =>
  itemCatalogueSchema.parse({
    items: coffeeShopItems,
    aliases: {
      'AMZ-B0C9XMUG12': 'TRB-MUG-12OZ', // marketplace listing → canonical SKU
      'TRB-KETTLE-GN': 'KTL-GN-900', // retired SKU → item id
    },
    ...overrides,
  });
