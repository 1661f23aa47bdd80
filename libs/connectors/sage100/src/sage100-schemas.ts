import { z } from 'zod';

/**
 * The facade's records as zod schemas: the one place their shape is written (types below are
 * inferred). Lengths are the Sage lengths of openapi/sage100-facade.v1.yaml; the contract spec
 * checks that these schemas and that document list the same fields with the same lengths.
 *
 * Requests are not validated by the client before sending: BOI is the authority and answers with
 * its own text (SAGE100.VALIDATION). Mapping code may use the request schemas to check lengths first.
 */
const text = (max: number) => z.string().max(max);
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');
const time = z.string().regex(/^\d{2}:\d{2}:\d{2}$/, 'expected HH:MM:SS');
const amount = z.number();
const quantity = z.number();
const yesNo = z.enum(['Y', 'N']);

export const orderTypeSchema = z.enum(['S', 'B', 'Q', 'M', 'R', 'P']);
export const orderStatusSchema = z.enum(['N', 'O', 'C', 'H']);
export const itemTypeSchema = z.enum(['1', '2', '3', '4', '5']);

const stamped = { DateUpdated: date, TimeUpdated: time };

// ── requests ────────────────────────────────────────────────────────────────────────────────
export const salesOrderLineInputSchema = z.strictObject({
  ItemCode: z.string().min(1).max(30),
  ItemType: itemTypeSchema.optional(),
  ItemCodeDesc: text(30).optional(),
  WarehouseCode: text(3).optional(),
  QuantityOrdered: quantity,
  UnitPrice: amount.optional(),
  LineDiscountPercent: z.number().min(0).max(100).optional(),
  ExtensionAmt: amount.optional(),
  CommentText: text(2048).optional(),
});

const shipToFields = {
  ShipToName: text(30).optional(),
  ShipToAddress1: text(30).optional(),
  ShipToAddress2: text(30).optional(),
  ShipToAddress3: text(30).optional(),
  ShipToCity: text(20).optional(),
  ShipToState: text(2).optional(),
  ShipToZipCode: text(10).optional(),
  ShipToCountryCode: text(3).optional(),
};

const orderAmountFields = {
  FreightAmt: amount.optional(),
  SalesTaxAmt: amount.optional(),
  TaxableAmt: amount.optional(),
  NonTaxableAmt: amount.optional(),
  DiscountAmt: amount.optional(),
};

export const newSalesOrderSchema = z.strictObject({
  ARDivisionNo: z.string().min(1).max(2),
  CustomerNo: z.string().min(1).max(20),
  OrderDate: date,
  OrderType: orderTypeSchema.optional(),
  OrderStatus: orderStatusSchema.optional(),
  CustomerPONo: text(15).optional(),
  ...shipToFields,
  ShipVia: text(15).optional(),
  TermsCode: text(2).optional(),
  TaxSchedule: text(9).optional(),
  PaymentType: text(5).optional(),
  EmailAddress: text(250).optional(),
  Comment: text(30).optional(),
  ...orderAmountFields,
  UDF_CLARITY_ORDER: text(50).optional(),
  Lines: z.array(salesOrderLineInputSchema).min(1),
});

export const salesOrderChangeSchema = z.strictObject({
  OrderStatus: orderStatusSchema.optional(),
  ...shipToFields,
  ShipVia: text(15).optional(),
  TermsCode: text(2).optional(),
  TaxSchedule: text(9).optional(),
  PaymentType: text(5).optional(),
  Comment: text(30).optional(),
  ...orderAmountFields,
  Lines: z.array(salesOrderLineInputSchema).min(1).optional(),
});

const customerFields = {
  AddressLine1: text(30).optional(),
  AddressLine2: text(30).optional(),
  AddressLine3: text(30).optional(),
  City: text(20).optional(),
  State: text(2).optional(),
  ZipCode: text(10).optional(),
  CountryCode: text(3).optional(),
  TelephoneNo: text(17).optional(),
  EmailAddress: text(250).optional(),
  TermsCode: text(2).optional(),
  TaxSchedule: text(9).optional(),
  CreditLimit: amount.optional(),
  CreditHold: yesNo.optional(),
};

export const newCustomerSchema = z.strictObject({ CustomerName: z.string().min(1).max(30), ...customerFields });
export const customerChangeSchema = z.strictObject({ CustomerName: z.string().min(1).max(30).optional(), ...customerFields });

export const newCashReceiptSchema = z.strictObject({
  ARDivisionNo: z.string().min(1).max(2),
  CustomerNo: z.string().min(1).max(20),
  PaymentType: z.string().min(1).max(5),
  TransactionDate: date,
  PostingAmt: amount,
  SalesOrderNo: text(7).optional(),
  InvoiceNo: text(7).optional(),
  CheckNo: text(10).optional(),
  Reference: z.string().min(1).max(30),
  Comment: text(30).optional(),
});

// ── replies ─────────────────────────────────────────────────────────────────────────────────
export const salesOrderLineSchema = z.object({
  LineKey: text(6),
  ItemCode: text(30),
  ItemType: itemTypeSchema,
  ItemCodeDesc: text(30),
  WarehouseCode: text(3),
  QuantityOrdered: quantity,
  QuantityShipped: quantity,
  UnitPrice: amount,
  LineDiscountPercent: z.number(),
  ExtensionAmt: amount,
  CommentText: text(2048).optional(),
});

export const salesOrderSchema = z.object({
  SalesOrderNo: z.string().max(7).regex(/^\d{7}$/),
  ARDivisionNo: text(2),
  CustomerNo: text(20),
  OrderDate: date,
  OrderType: orderTypeSchema,
  OrderStatus: orderStatusSchema,
  CustomerPONo: text(15),
  ...shipToFields,
  ShipVia: text(15),
  TermsCode: text(2),
  TaxSchedule: text(9),
  PaymentType: text(5),
  EmailAddress: text(250).optional(),
  Comment: text(30).optional(),
  FreightAmt: amount,
  SalesTaxAmt: amount,
  TaxableAmt: amount,
  NonTaxableAmt: amount,
  DiscountAmt: amount,
  DepositAmt: amount,
  UDF_CLARITY_ORDER: text(50).optional(),
  Lines: z.array(salesOrderLineSchema),
  DateCreated: date,
  TimeCreated: time,
  ...stamped,
});

export const salesOrderHistorySchema = z.object({
  SalesOrderNo: text(7),
  ARDivisionNo: text(2),
  CustomerNo: text(20),
  OrderDate: date,
  OrderType: orderTypeSchema,
  OrderStatus: z.enum(['A', 'C', 'X', 'Q', 'Z']),
  CustomerPONo: text(15),
  UDF_CLARITY_ORDER: text(50).optional(),
  LastInvoiceNo: text(7),
  ...stamped,
});

export const customerSchema = z.object({
  ARDivisionNo: text(2),
  CustomerNo: text(20),
  CustomerName: text(30),
  AddressLine1: text(30).optional(),
  AddressLine2: text(30).optional(),
  AddressLine3: text(30).optional(),
  City: text(20).optional(),
  State: text(2).optional(),
  ZipCode: text(10),
  CountryCode: text(3).optional(),
  TelephoneNo: text(17).optional(),
  EmailAddress: text(250),
  TermsCode: text(2).optional(),
  TaxSchedule: text(9).optional(),
  CreditLimit: amount,
  CurrentBalance: amount,
  CreditHold: yesNo,
  DateCreated: date,
  ...stamped,
});

export const itemSchema = z.object({
  ItemCode: text(30),
  ItemType: itemTypeSchema,
  ItemCodeDesc: text(30),
  StandardUnitPrice: amount,
  InactiveItem: yesNo,
  DefaultWarehouseCode: text(3).optional(),
  TotalQuantityOnHand: quantity,
  ...stamped,
});

export const itemWarehouseSchema = z.object({
  ItemCode: text(30),
  WarehouseCode: text(3),
  QuantityOnHand: quantity,
  QuantityOnSalesOrder: quantity,
  QuantityOnBackOrder: quantity,
  ...stamped,
});

export const invoiceLineSchema = z.object({
  LineKey: text(6),
  ItemCode: text(30),
  ItemType: itemTypeSchema,
  WarehouseCode: text(3),
  QuantityShipped: quantity,
  UnitPrice: amount,
  ExtensionAmt: amount,
});

export const invoiceTrackingSchema = z.object({ PackageNo: text(4), TrackingID: z.string().min(1).max(30) });

export const invoiceSchema = z.object({
  InvoiceNo: z.string().max(7).regex(/^\d{7}$/),
  InvoiceDate: date,
  InvoiceType: z.enum(['IN', 'CM', 'DM']),
  SalesOrderNo: text(7),
  CustomerPONo: text(15),
  UDF_CLARITY_ORDER: text(50).optional(),
  ARDivisionNo: text(2),
  CustomerNo: text(20),
  ShipVia: text(15),
  ShipDate: date,
  FreightAmt: amount,
  SalesTaxAmt: amount,
  Lines: z.array(invoiceLineSchema),
  Tracking: z.array(invoiceTrackingSchema),
  ...stamped,
});

export const paymentTypeSchema = z.object({
  PaymentType: text(5),
  PaymentDesc: text(30),
  PaymentMethod: z.enum(['C', 'O', 'R', 'D']),
  DefaultTransaction: z.enum(['D', 'P']),
  ...stamped,
});

export const cashReceiptSchema = z.object({
  DepositNo: z.string().max(5).regex(/^\d{5}$/),
  ARDivisionNo: text(2),
  CustomerNo: text(20),
  PaymentType: text(5),
  TransactionDate: date,
  PostingAmt: amount,
  SalesOrderNo: text(7).optional(),
  InvoiceNo: text(7).optional(),
  CheckNo: text(10),
  Reference: text(30),
  Comment: text(30).optional(),
  ...stamped,
});

/** A list reply: one page, and the cursor of the next (null on the last). */
export const pageSchema = <T extends z.ZodType>(record: T) => z.object({ Records: z.array(record), NextCursor: z.string().nullable() });

/** An error reply; `message` is BOI's sLastErrorMsg for 422. */
export const errorReplySchema = z.object({
  error: z.enum(['validation', 'duplicate', 'locked', 'throttled', 'offline', 'unauthorized', 'forbidden', 'not_found', 'bad_request', 'internal']),
  message: z.string(),
  field: z.string().optional(),
});

export type Sage100OrderType = z.infer<typeof orderTypeSchema>;
export type Sage100OrderStatus = z.infer<typeof orderStatusSchema>;
export type Sage100ItemType = z.infer<typeof itemTypeSchema>;
export type Sage100NewSalesOrder = z.input<typeof newSalesOrderSchema>;
export type Sage100SalesOrderLineInput = z.input<typeof salesOrderLineInputSchema>;
export type Sage100SalesOrderChange = z.input<typeof salesOrderChangeSchema>;
export type Sage100NewCustomer = z.input<typeof newCustomerSchema>;
export type Sage100CustomerChange = z.input<typeof customerChangeSchema>;
export type Sage100NewCashReceipt = z.input<typeof newCashReceiptSchema>;
export type Sage100SalesOrder = z.infer<typeof salesOrderSchema>;
export type Sage100SalesOrderLine = z.infer<typeof salesOrderLineSchema>;
export type Sage100SalesOrderHistory = z.infer<typeof salesOrderHistorySchema>;
export type Sage100Customer = z.infer<typeof customerSchema>;
export type Sage100Item = z.infer<typeof itemSchema>;
export type Sage100ItemWarehouse = z.infer<typeof itemWarehouseSchema>;
export type Sage100Invoice = z.infer<typeof invoiceSchema>;
export type Sage100InvoiceLine = z.infer<typeof invoiceLineSchema>;
export type Sage100InvoiceTracking = z.infer<typeof invoiceTrackingSchema>;
export type Sage100PaymentType = z.infer<typeof paymentTypeSchema>;
export type Sage100CashReceipt = z.infer<typeof cashReceiptSchema>;
export type Sage100ErrorReply = z.infer<typeof errorReplySchema>;
