import type { CustomerSeed, ItemSeed } from '../simulator-types.js';

/** A small, realistic company: a coffee roaster's web customers and its stock in two warehouses. */
export const DEMO_SEED: { customers: CustomerSeed[]; items: ItemSeed[] } = {
  customers: [
    { ARDivisionNo: '01', CustomerNo: 'WEBSALES', CustomerName: 'Web Sales (cash customer)', EmailAddress: 'websales@tributary.example', ZipCode: '97205', TermsCode: '00', TaxSchedule: 'WEB', CreditLimit: 0 },
    { ARDivisionNo: '01', CustomerNo: 'ABF', CustomerName: 'American Business Futures', EmailAddress: 'purchasing@abf.example', ZipCode: '92614', City: 'Irvine', State: 'CA', CountryCode: 'USA', TermsCode: '01', TaxSchedule: 'CA', CreditLimit: 25000 },
    { ARDivisionNo: '01', CustomerNo: 'MAEVEOCONNELL', CustomerName: "Maeve O'Connell", EmailAddress: 'Maeve.OConnell@daughters-cafe.example', ZipCode: '02116', City: 'Boston', State: 'MA', CountryCode: 'USA', TermsCode: '00', TaxSchedule: 'MA', CreditLimit: 2000 },
    { ARDivisionNo: '02', CustomerNo: 'HOLDCO', CustomerName: 'Harbour Roasters Ltd', EmailAddress: 'ap@harbour-roasters.example', ZipCode: '98101', TermsCode: '30', TaxSchedule: 'WA', CreditLimit: 500, CurrentBalance: 480, CreditHold: 'Y' },
  ],
  items: [
    { ItemCode: 'ESP-BEANS-1KG', ItemType: '1', description: 'Espresso beans 1 kg', StandardUnitPrice: 24.5, warehouses: [{ WarehouseCode: '000', QuantityOnHand: 120 }, { WarehouseCode: 'EST', QuantityOnHand: 40 }] },
    { ItemCode: 'MUG-CER-12', ItemType: '1', description: 'Ceramic mug 12 oz', StandardUnitPrice: 8.99, warehouses: [{ WarehouseCode: '000', QuantityOnHand: 300 }] },
    { ItemCode: 'GRINDER-BURR-PRO', ItemType: '1', description: 'Burr grinder, professional', StandardUnitPrice: 349, warehouses: [{ WarehouseCode: '000', QuantityOnHand: 2 }] },
    { ItemCode: 'GIFT-WRAP', ItemType: '2', description: 'Gift wrapping', StandardUnitPrice: 4.95, warehouses: [] },
    { ItemCode: 'TEA-SENCHA-250', ItemType: '1', description: 'Sencha green tea 250 g', StandardUnitPrice: 12.75, InactiveItem: 'Y', warehouses: [{ WarehouseCode: '000', QuantityOnHand: 0 }] },
  ],
};
