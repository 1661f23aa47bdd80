/** What the simulated store sells: a coffee-and-tea shop. Prices in the order currency. */
export interface CatalogueItem {
  readonly sku: string;
  readonly name: string;
  /** Exact decimal text, two places. */
  readonly price: string;
}

export const catalogue: readonly CatalogueItem[] = [
  { sku: 'TRB-MUG-12OZ', name: 'Ceramic mug 12 oz', price: '19.99' },
  { sku: 'TRB-MUG-TRAVEL-16OZ', name: 'Insulated travel mug 16 oz', price: '29.95' },
  { sku: 'TRB-CUP-ESPRESSO-2PK', name: 'Espresso cups, set of 2', price: '24.00' },
  { sku: 'TRB-FRENCHPRESS-1L', name: 'French press 1 l, borosilicate', price: '64.50' },
  { sku: 'TRB-POUROVER-V60', name: 'Pour-over dripper, size 02', price: '27.00' },
  { sku: 'TRB-FILTER-V60-100', name: 'Paper filters, 100 pcs', price: '4.95' },
  { sku: 'TRB-KETTLE-GOOSENECK', name: 'Gooseneck kettle 0.9 l', price: '89.00' },
  { sku: 'TRB-GRINDER-BURR', name: 'Burr grinder, 40 settings', price: '189.00' },
  { sku: 'TRB-GRINDER-HAND', name: 'Hand grinder, ceramic burrs', price: '54.90' },
  { sku: 'TRB-SCALE-0.1G', name: 'Brewing scale 0.1 g', price: '49.00' },
  { sku: 'TRB-ESPRESSO-MACHINE', name: 'Dual-boiler espresso machine', price: '1499.00' },
  { sku: 'TRB-TAMPER-58MM', name: 'Tamper 58 mm, walnut handle', price: '39.50' },
  { sku: 'TRB-MILKJUG-600ML', name: 'Milk pitcher 600 ml', price: '21.25' },
  { sku: 'TRB-BEANS-ETH-1KG', name: 'Ethiopia Yirgacheffe beans 1 kg', price: '31.90' },
  { sku: 'TRB-BEANS-COL-250G', name: 'Colombia Huila beans 250 g', price: '12.75' },
  { sku: 'TRB-BEANS-DECAF-500G', name: 'Swiss-water decaf beans 500 g', price: '18.40' },
  { sku: 'TRB-BEANS-ESPRESSO-1KG', name: 'House espresso blend 1 kg', price: '27.60' },
  { sku: 'TRB-TEA-EARL-100G', name: 'Earl Grey loose leaf 100 g', price: '12.90' },
  { sku: 'TRB-TEA-SENCHA-100G', name: 'Japanese sencha 100 g', price: '16.80' },
  { sku: 'TRB-TEA-CHAI-250G', name: 'Masala chai 250 g', price: '14.20' },
  { sku: 'TRB-TEAPOT-CAST-1L', name: 'Cast-iron teapot 1 l', price: '72.00' },
  { sku: 'TRB-INFUSER-STEEL', name: 'Stainless tea infuser', price: '8.99' },
  { sku: 'TRB-GIFTBOX-TASTER', name: 'Taster gift box, 6 origins', price: '45.00' },
  { sku: 'TRB-DESCALER-250ML', name: 'Descaling solution 250 ml', price: '11.49' },
  { sku: 'TRB-STICKER-LOGO', name: 'Logo sticker', price: '0.10' },
];
