export { IntacctClient } from './intacct-client.js';
export type {
  IntacctArPayment,
  IntacctArPaymentRef,
  IntacctClientOptions,
  IntacctContact,
  IntacctContactRef,
  IntacctCredentials,
  IntacctCustomer,
  IntacctCustomerRef,
  IntacctDate,
  IntacctGlBatch,
  IntacctGlBatchRef,
  IntacctGlEntry,
  IntacctGlEntryRow,
  IntacctItem,
  IntacctItemUpdate,
  IntacctMailAddress,
  IntacctPaymentMethod,
  IntacctRequestEvent,
  IntacctSalesDocumentRef,
  IntacctSalesOrder,
  IntacctSalesOrderChange,
  IntacctSalesOrderLine,
  IntacctStockLevel,
  IntacctSubtotal,
} from './intacct-types.js';
export { IntacctErrorCode, DUPLICATE_CONTROLID_ERRORNOS } from './intacct-error-codes.js';
export type { IntacctErrorEntry } from './response/intacct-response.js';
export { intacctEnvSchema, intacctClientOptions, type IntacctEnv } from './intacct-env.js';
