import { z } from 'zod';

/**
 * Structure only (unknown keys, wrong JSON types → 400). Lengths, enumerations and existence are
 * Sage's rules and answer 422 with BOI text: see field-rules.ts and the operations.
 */
const text = z.string();
const num = z.number();
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');

export const lineInputSchema = z.strictObject({
  ItemCode: text,
  ItemType: text.optional(),
  ItemCodeDesc: text.optional(),
  WarehouseCode: text.optional(),
  QuantityOrdered: num,
  UnitPrice: num.optional(),
  LineDiscountPercent: num.optional(),
  ExtensionAmt: num.optional(),
  CommentText: text.optional(),
});
export type LineInput = z.infer<typeof lineInputSchema>;

const headerChangeFields = {
  OrderStatus: text.optional(),
  ShipToName: text.optional(), ShipToAddress1: text.optional(), ShipToAddress2: text.optional(), ShipToAddress3: text.optional(),
  ShipToCity: text.optional(), ShipToState: text.optional(), ShipToZipCode: text.optional(), ShipToCountryCode: text.optional(),
  ShipVia: text.optional(), TermsCode: text.optional(), TaxSchedule: text.optional(), PaymentType: text.optional(), Comment: text.optional(),
  FreightAmt: num.optional(), SalesTaxAmt: num.optional(), TaxableAmt: num.optional(), NonTaxableAmt: num.optional(), DiscountAmt: num.optional(),
};

export const newSalesOrderSchema = z.strictObject({
  ARDivisionNo: text,
  CustomerNo: text,
  OrderDate: date,
  OrderType: text.optional(),
  CustomerPONo: text.optional(),
  EmailAddress: text.optional(),
  UDF_CLARITY_ORDER: text.optional(),
  ...headerChangeFields,
  Lines: z.array(lineInputSchema).min(1, 'an order needs at least one line'),
});
export type NewSalesOrderInput = z.infer<typeof newSalesOrderSchema>;

export const salesOrderChangeSchema = z
  .strictObject({ ...headerChangeFields, Lines: z.array(lineInputSchema).min(1).optional() })
  .refine((change) => Object.keys(change).length > 0, 'nothing to change');
export type SalesOrderChangeInput = z.infer<typeof salesOrderChangeSchema>;

const customerFields = {
  AddressLine1: text.optional(), AddressLine2: text.optional(), AddressLine3: text.optional(), City: text.optional(), State: text.optional(),
  ZipCode: text.optional(), CountryCode: text.optional(), TelephoneNo: text.optional(), EmailAddress: text.optional(), TermsCode: text.optional(),
  TaxSchedule: text.optional(), CreditLimit: num.optional(), CreditHold: text.optional(),
};

export const newCustomerSchema = z.strictObject({ CustomerName: text, ...customerFields });
export type NewCustomerInput = z.infer<typeof newCustomerSchema>;

export const customerChangeSchema = z
  .strictObject({ CustomerName: text.optional(), ...customerFields })
  .refine((change) => Object.keys(change).length > 0, 'nothing to change');
export type CustomerChangeInput = z.infer<typeof customerChangeSchema>;

export const newCashReceiptSchema = z.strictObject({
  ARDivisionNo: text,
  CustomerNo: text,
  PaymentType: text,
  TransactionDate: date,
  PostingAmt: num,
  SalesOrderNo: text.optional(),
  InvoiceNo: text.optional(),
  CheckNo: text.optional(),
  Reference: text,
  Comment: text.optional(),
});
export type NewCashReceiptInput = z.infer<typeof newCashReceiptSchema>;

/** Query parameters shared by every list. */
export const listQuerySchema = z.object({
  DateUpdatedFrom: z.string().regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2})?$/, 'expected YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS').optional(),
  PageSize: z.coerce.number().int().min(1).max(500).default(100),
  Cursor: z.string().max(200).optional(),
});
