export { toIntacctSalesOrder } from './to-intacct-sales-order.js';
export { salesOrderControlId } from './sales-order-control-id.js';
export { intacctOrderMappingRulesSchema, type IntacctOrderMappingRules } from './mapping-rules.js';
export { MappingErrorCode } from './mapping-error.js';
export { applyCompanyRules, type CompanyRules, type SalesOrderPlan } from './company-rules.js';
export { intacctCustomerId, toIntacctCustomer } from './customer.js';
export { toIntacctCashReceipt, cashReceiptReference } from './cash-receipt.js';
export { reconcileSalesDocuments, type ReconciliationReport, type ReconciliationFinding, type FindingKind } from './reconciliation.js';
export { toInventoryAdjustmentEvent, stockVersion, stockKey } from './inventory-adjustment.js';
