import { z } from 'zod';
import { jsonataExpression } from './jsonata-rule.js';
import { itemCatalogueSchema } from '../items/item-catalogue.schema.js';
import { exchangeRateTableSchema } from '../money/exchange-rate-table.schema.js';
import { assessOptionsSchema } from '../anomaly/assess-order.js';

const currency = z.string().regex(/^[A-Z]{3}$/, 'expected an ISO 4217 code such as USD');
const clarityStatus = z.enum(['pending', 'processing', 'shipped', 'cancelled']);

/** Payment method → where the money lands in the ERP, and where the gateway's fee goes. */
export const paymentMethodSchema = z.object({
  glAccount: z.string().min(1).describe('Intacct undeposited-funds / bank GL account'),
  feeAccount: z.string().min(1).optional().describe('GL account for the gateway fee'),
  sage100PaymentType: z.string().min(1).max(5).optional().describe('Sage 100 AR_PaymentType (5 chars)'),
  intacctPaymentMethod: z.enum(['Printed Check', 'Cash', 'EFT', 'Credit Card', 'Online Charge Card', 'Online ACH Debit']).default('Credit Card').describe('ARPYMT PAYMENTMETHOD'),
});

/** Which Intacct transaction definition an order becomes (first matching rule; else the sink's default). */
export const salesDocumentRuleSchema = z.object({
  name: z.string().min(1),
  when: jsonataExpression,
  intacctTransactionType: z.string().min(1),
});

/** A rule: when the JSONata condition holds for the canonical order, apply `set`. First match wins per field. */
export const dimensionRuleSchema = z.object({
  name: z.string().min(1),
  when: jsonataExpression,
  set: z.object({
    DEPARTMENTID: z.string().optional(),
    LOCATIONID: z.string().optional(),
    PROJECTID: z.string().optional(),
    CLASSID: z.string().optional(),
    CUSTOMERID: z.string().optional(),
  }).refine((set) => Object.keys(set).length > 0, 'expected at least one dimension to set'),
});

export const entityRouteSchema = z.object({
  name: z.string().min(1),
  when: jsonataExpression,
  intacctEntity: z.string().min(1).optional(),
  sage100Company: z.string().min(1).max(3).optional(),
});

/** Where a payment gateway's payouts are booked: the settlement journal's three accounts. */
export const settlementGatewaySchema = z.object({
  bankAccount: z.string().min(1).describe('GL account of the bank the net deposit reaches'),
  clearingAccount: z.string().min(1).describe('undeposited-funds / gateway clearing account the cash receipts were booked to'),
  feeAccount: z.string().min(1).describe('expense account for the gateway fees'),
  locationId: z.string().min(1).optional().describe('LOCATION dimension of every entry (multi-entity companies)'),
});

/** Fields of an ERP item that Clarity may overwrite (Clarity is master for them). */
export const productFieldSchema = z.enum(['name', 'description', 'price', 'status']);

const quantity = z.union([z.string(), z.number()]).transform((value) => String(value).trim()).pipe(z.string().regex(/^\d+(\.\d{1,4})?$/, 'expected a non-negative quantity with at most 4 decimals, e.g. "2" or "0.5"'));

/** Which warehouse an order ships from (first matching rule; else company.defaultWarehouse): its lines are reserved there. */
export const fulfilmentRuleSchema = z.object({
  name: z.string().min(1),
  when: jsonataExpression,
  locationId: z.string().min(1),
});

/** The inventory projector's rules: safety stock, where orders reserve, whether returns restock. */
export const inventoryRulesSchema = z.object({
  /** Held back from available-to-sell: per `SKU@location`, then per SKU, else the default. */
  safetyStock: z.object({
    default: quantity.default('0'),
    skus: z.record(z.string().min(1), quantity).default({}),
  }).default({ default: '0', skus: {} }),
  fulfilment: z.array(fulfilmentRuleSchema).default([]),
  /** Returned lines marked restock go back on hand (until the ERP's next count of the key supersedes them). */
  restockReturns: z.boolean().default(true),
  /** Where returned goods are received; company.defaultWarehouse when not set. */
  returnsLocation: z.string().min(1).optional(),
}).default({ safetyStock: { default: '0', skus: {} }, fulfilment: [], restockReturns: true });

/** A system that can master a customer field (the ERP is whichever ERP reported the value). */
export const profileSourceSchema = z.enum(['clarity', 'salesforce', 'erp', 'intacct', 'sage100']);
export const profileFieldSchema = z.enum(['kind', 'email', 'firstName', 'lastName', 'company', 'phone', 'billingAddress', 'shippingAddress', 'accountOwner', 'creditLimit']);

/**
 * Customer 360: which system masters each field of the golden record. A master's value always
 * wins; a value from another system fills the field only while the master has not set it.
 */
export const customerProfileRulesSchema = z.object({
  masters: z.partialRecord(profileFieldSchema, profileSourceSchema).default({}),
}).default({ masters: {} });

/** What happens to an order when some line is short in its Sage 100 warehouse. */
export const sage100StockRuleSchema = z.enum(['hold', 'backorder', 'split']);

/**
 * The Sage 100 sink's rules: the AR division customers are created in, header codes, freight and
 * tax as header amounts or as charge lines, what a credit problem or a short line does (per store).
 */
export const sage100RulesSchema = z.object({
  /** AR division new customers are created in (2 digits). */
  arDivisionNo: z.string().regex(/^\d{2}$/, 'expected a 2-digit AR division such as 01').default('01'),
  /** Prefix of the deterministic CustomerNo of a customer created from Clarity (CustomerNo is 20 characters). */
  customerNoPrefix: z.string().regex(/^[A-Z0-9]{0,4}$/, 'expected up to 4 upper-case letters or digits').default('CL'),
  /** false: an order whose customer is not found is held for review instead of creating the customer. */
  autoCreateCustomers: z.boolean().default(true),
  termsCode: z.string().min(1).max(2).optional(),
  taxSchedule: z.string().min(1).max(9).optional(),
  /** Clarity shipping method → ShipVia (15 characters); unmapped methods use defaultShipVia. */
  shipVia: z.record(z.string().min(1), z.string().min(1).max(15)).default({}),
  defaultShipVia: z.string().min(1).max(15).optional(),
  /** ShipVia → the carrier name shipments carry back to Clarity; unmapped: the ShipVia itself. */
  carriers: z.record(z.string().min(1), z.string().min(1)).default({}),
  /** Company warehouse (location id) → Sage 100 WarehouseCode (3 characters). */
  warehouses: z.record(z.string().min(1), z.string().min(1).max(3)).default({}),
  defaultWarehouseCode: z.string().min(1).max(3).default('000'),
  /** header: FreightAmt / SalesTaxAmt; line: a miscellaneous charge line (ItemType 5) whose item carries the GL account. */
  freight: z.object({ as: z.enum(['header', 'line']).default('header'), itemCode: z.string().regex(/^\/.{1,29}$/, 'expected a charge code starting with /').default('/FREIGHT') }).prefault({}),
  tax: z.object({ as: z.enum(['header', 'line']).default('header'), itemCode: z.string().regex(/^\/.{1,29}$/, 'expected a charge code starting with /').default('/SALESTAX') }).prefault({}),
  /** Customer on credit hold, or the order over CreditLimit: create it on hold (OrderStatus H) or hold it for review. */
  credit: z.object({ onProblem: z.enum(['status-hold', 'review']).default('status-hold') }).prefault({}),
  /** Short lines (available = QuantityOnHand − QuantityOnSalesOrder): per store id, else the default. */
  outOfStock: z.object({
    default: sage100StockRuleSchema.default('backorder'),
    stores: z.record(z.string().min(1), sage100StockRuleSchema).default({}),
    /** A held order is checked again after this long even if no restock was seen, with an alert. */
    holdDeadlineMinutes: z.number().int().positive().default(1440),
  }).prefault({}),
}).prefault({});

/** A Salesforce picklist fed from the canonical customer: a JSONata value, its values mapped, a default for the rest. */
export const salesforcePicklistSchema = z.object({
  from: jsonataExpression,
  map: z.record(z.string(), z.string().min(1)).default({}),
  default: z.string().min(1).optional(),
});

/** Which Account record type a B2B customer gets (first matching rule; else recordTypes.b2b). */
export const salesforceRecordTypeRuleSchema = z.object({
  name: z.string().min(1),
  when: jsonataExpression,
  recordType: z.string().min(1).describe('RecordType DeveloperName or Name'),
});

/**
 * The Salesforce sink's and CDC source's rules: the shape of B2B and B2C customers, record types,
 * picklists, which customers are synced, what a missing Contact LastName does, and which channels'
 * orders become Opportunities instead of Orders.
 */
export const salesforceRulesSchema = z.object({
  externalIds: z.object({
    customer: z.string().min(1).default('Clarity_Customer_Id__c'),
    order: z.string().min(1).default('Clarity_Order_Id__c'),
    product: z.string().min(1).default('Clarity_Product_Id__c'),
  }).prefault({}),
  /** Only customers for whom this JSONata condition holds are synced (a skipped customer is an outcome). */
  syncWhen: jsonataExpression.optional(),
  /** B2C customers: a Person Account, or a business-style Account plus a Contact. */
  b2cShape: z.enum(['person-account', 'account-contact']).default('person-account'),
  recordTypes: z.object({
    b2b: z.string().min(1).default('Business_Account'),
    b2c: z.string().min(1).default('PersonAccount'),
    rules: z.array(salesforceRecordTypeRuleSchema).default([]),
  }).prefault({}),
  picklists: z.object({
    account: z.record(z.string().min(1), salesforcePicklistSchema).default({}),
    contact: z.record(z.string().min(1), salesforcePicklistSchema).default({}),
  }).prefault({}),
  /** Addresses: ISO country codes → Salesforce country names (state/country picklists off), trimmed and upper-cased postcodes. */
  address: z.object({
    countryNames: z.record(z.string().regex(/^[A-Z]{2}$/), z.string().min(1)).default({}),
    upperCasePostalCodes: z.boolean().default(true),
  }).prefault({}),
  /** Contact.LastName is required: enrich from Clarity first, then this rule; `review` holds the customer until its next update. */
  missingLastName: z.object({
    enrichFromClarity: z.boolean().default(true),
    rule: z.enum(['review', 'from-email', 'placeholder']).default('review'),
    placeholder: z.string().min(1).default('Unknown'),
  }).prefault({}),
  orders: z.object({
    /** Order channel → order or opportunity; channels not listed use `default`. */
    channels: z.record(z.string().min(1), z.enum(['order', 'opportunity'])).default({}),
    default: z.enum(['order', 'opportunity']).default('order'),
    /** Activate the Order once its items are in. */
    activate: z.boolean().default(false),
    opportunityStage: z.string().min(1).default('Closed Won'),
  }).prefault({}),
}).prefault({});

/** One mapping file (`config/mappings/*.yaml`); `version` lets files evolve with their readers. */
export const mappingConfigSchema = z.object({
  version: z.literal(1, { message: 'expected version: 1' }),
  company: z.object({
    baseCurrency: currency,
    defaultIntacctEntity: z.string().min(1).optional(),
    defaultSage100Company: z.string().min(1).max(3).optional(),
    warehouses: z.array(z.string().min(1)).min(1, 'expected at least one warehouse'),
    defaultWarehouse: z.string().min(1),
  }).refine((c) => c.warehouses.includes(c.defaultWarehouse), { message: 'expected defaultWarehouse to be one of warehouses', path: ['defaultWarehouse'] }),
  paymentMethods: z.record(z.string().min(1), paymentMethodSchema),
  statusMaps: z.object({
    intacct: z.record(clarityStatus, z.enum(['Draft', 'Pending', 'Closed'])),
    sage100: z.record(clarityStatus, z.enum(['N', 'O', 'C', 'H'])),
    salesforce: z.record(clarityStatus, z.string().min(1)),
  }),
  salesDocuments: z.array(salesDocumentRuleSchema).default([]),
  /** Transaction definitions that create an AR invoice (cash receipts apply to those). */
  invoiceTransactionTypes: z.array(z.string().min(1)).default(['Sales Invoice']),
  dimensions: z.array(dimensionRuleSchema).default([]),
  entityRouting: z.array(entityRouteSchema).default([]),
  items: itemCatalogueSchema,
  exchangeRates: exchangeRateTableSchema.optional(),
  anomaly: assessOptionsSchema.extend({ enabled: z.boolean().default(true) }).default({ enabled: true, holdThreshold: 0.7, minHistory: 5 }),
  /** Gateway payouts → one GLBATCH journal each (gross, fees, net deposit). */
  settlements: z.object({
    journal: z.string().min(1).default('GJ'),
    gateways: z.record(z.string().min(1), settlementGatewaySchema).default({}),
  }).default({ journal: 'GJ', gateways: {} }),
  /** Returns → credit memos created from the original document. */
  returns: z.object({
    intacctTransactionType: z.string().min(1).default('Sales Credit Memo'),
  }).default({ intacctTransactionType: 'Sales Credit Memo' }),
  /** Product changes from Clarity update only the fields Clarity is master for. */
  products: z.object({
    clarityMasters: z.array(productFieldSchema).default(['price', 'description']),
  }).default({ clarityMasters: ['price', 'description'] }),
  customers: z.object({
    plusAddressing: z.enum(['strip', 'keep']).default('strip'),
    gmailDots: z.boolean().default(true),
  }).default({ plusAddressing: 'strip', gmailDots: true }),
  inventory: inventoryRulesSchema,
  customerProfile: customerProfileRulesSchema,
  sage100: sage100RulesSchema,
  salesforce: salesforceRulesSchema,
}).refine((c) => !c.exchangeRates || c.exchangeRates.base === c.company.baseCurrency, { message: 'expected exchangeRates.base to equal company.baseCurrency', path: ['exchangeRates', 'base'] });

export type MappingConfig = z.infer<typeof mappingConfigSchema>;
export type DimensionRule = z.infer<typeof dimensionRuleSchema>;
export type SalesDocumentRule = z.infer<typeof salesDocumentRuleSchema>;
export type EntityRoute = z.infer<typeof entityRouteSchema>;
export type SettlementGateway = z.infer<typeof settlementGatewaySchema>;
export type ProductField = z.infer<typeof productFieldSchema>;
export type PaymentMethodMapping = z.infer<typeof paymentMethodSchema>;
export type InventoryRules = z.infer<typeof inventoryRulesSchema>;
export type FulfilmentRule = z.infer<typeof fulfilmentRuleSchema>;
export type CustomerProfileRules = z.infer<typeof customerProfileRulesSchema>;
export type ProfileField = z.infer<typeof profileFieldSchema>;
export type ProfileSource = z.infer<typeof profileSourceSchema>;
export type Sage100Rules = z.infer<typeof sage100RulesSchema>;
export type Sage100StockRule = z.infer<typeof sage100StockRuleSchema>;
export type SalesforceRules = z.infer<typeof salesforceRulesSchema>;
export type SalesforcePicklist = z.infer<typeof salesforcePicklistSchema>;
