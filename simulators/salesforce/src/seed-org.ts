import type { OrgStore } from './store/org-store.js';
import type { ProductSeed } from './simulator-types.js';

export const DEFAULT_PRODUCTS: ProductSeed[] = [
  { productCode: 'TRB-MUG-12OZ', name: 'Ceramic mug 12 oz', unitPrice: 27.5, family: 'Drinkware' },
  { productCode: 'TRB-BTL-750', name: 'Insulated steel bottle 750 ml', unitPrice: 34, family: 'Drinkware' },
  { productCode: 'TRB-TEE-M', name: 'Organic cotton tee, medium', unitPrice: 24, family: 'Apparel' },
  { productCode: 'TRB-CAP-NVY', name: 'Six-panel cap, navy', unitPrice: 19.99, family: 'Apparel' },
  { productCode: 'TRB-TOTE-CNV', name: 'Canvas tote bag', unitPrice: 15.25, family: 'Accessories' },
];

export interface SeededOrg {
  standardPricebookId: string;
  wholesalePricebookId: string;
  recordTypes: { business: string; person: string };
  salesRepUserId: string;
}

/** The org every test starts from: record types, a standard and a wholesale price book, products with prices, users. */
export const seedOrg = (store: OrgStore, products: ProductSeed[], integrationUsers: Record<string, string>): SeededOrg => {
  for (const [clientId, userId] of Object.entries(integrationUsers)) {
    store.seed('User', { Id: userId, Username: `integration+${clientId}@tributary.example`, FirstName: 'Integration', LastName: 'User', IsActive: true });
  }
  const salesRepUserId = store.seed('User', { Username: 'riley.chen@tributary.example', FirstName: 'Riley', LastName: 'Chen', Email: 'riley.chen@tributary.example', IsActive: true });
  const business = store.seed('RecordType', { Name: 'Business Account', DeveloperName: 'Business_Account', SobjectType: 'Account', IsActive: true, IsPersonType: false });
  const person = store.seed('RecordType', { Name: 'Person Account', DeveloperName: 'PersonAccount', SobjectType: 'Account', IsActive: true, IsPersonType: true });
  const standardPricebookId = store.seed('Pricebook2', { Name: 'Standard Price Book', IsActive: true, IsStandard: true });
  store.standardPricebookId = standardPricebookId;
  const wholesalePricebookId = store.seed('Pricebook2', { Name: 'Wholesale 2026', IsActive: true, IsStandard: false });
  products.forEach((product, index) => {
    const productId = store.seed('Product2', { Name: product.name, ProductCode: product.productCode, Family: product.family ?? null, IsActive: true });
    store.seed('PricebookEntry', { Pricebook2Id: standardPricebookId, Product2Id: productId, UnitPrice: product.unitPrice, IsActive: true, UseStandardPrice: false });
    if (index < 2) {
      store.seed('PricebookEntry', { Pricebook2Id: wholesalePricebookId, Product2Id: productId, UnitPrice: Math.round(product.unitPrice * 70) / 100, IsActive: true, UseStandardPrice: false });
    }
  });
  return { standardPricebookId, wholesalePricebookId, recordTypes: { business, person }, salesRepUserId };
};
