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
}).refine((c) => !c.exchangeRates || c.exchangeRates.base === c.company.baseCurrency, { message: 'expected exchangeRates.base to equal company.baseCurrency', path: ['exchangeRates', 'base'] });

export type MappingConfig = z.infer<typeof mappingConfigSchema>;
export type DimensionRule = z.infer<typeof dimensionRuleSchema>;
export type SalesDocumentRule = z.infer<typeof salesDocumentRuleSchema>;
export type EntityRoute = z.infer<typeof entityRouteSchema>;
export type SettlementGateway = z.infer<typeof settlementGatewaySchema>;
export type ProductField = z.infer<typeof productFieldSchema>;
export type PaymentMethodMapping = z.infer<typeof paymentMethodSchema>;
