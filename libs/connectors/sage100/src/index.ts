export { Sage100Client, sage100UpdatedAtMs, type Sage100CustomerSearch } from './sage100-client.js';
export type { Sage100ClientOptions, Sage100RequestEvent } from './sage100-types.js';
export {
  cashReceiptSchema, customerChangeSchema, customerSchema, invoiceSchema, itemSchema, itemWarehouseSchema, newCashReceiptSchema, newCustomerSchema,
  newSalesOrderSchema, paymentTypeSchema, salesOrderChangeSchema, salesOrderHistorySchema, salesOrderLineInputSchema, salesOrderSchema,
} from './sage100-schemas.js';
export type {
  Sage100CashReceipt, Sage100Customer, Sage100CustomerChange, Sage100ErrorReply, Sage100Invoice, Sage100InvoiceLine, Sage100InvoiceTracking, Sage100Item,
  Sage100ItemType, Sage100ItemWarehouse, Sage100NewCashReceipt, Sage100NewCustomer, Sage100NewSalesOrder, Sage100OrderStatus, Sage100OrderType,
  Sage100PaymentType, Sage100SalesOrder, Sage100SalesOrderChange, Sage100SalesOrderHistory, Sage100SalesOrderLine, Sage100SalesOrderLineInput,
} from './sage100-schemas.js';
export { Sage100ErrorCode } from './sage100-error-codes.js';
export { sage100EnvSchema, sage100ClientOptions, type Sage100Env } from './sage100-env.js';
