export { customerPoNo, BACK_ORDER_SUFFIX, MAX_CUSTOMER_PO } from './customer-po.js';
export { sage100CustomerNo, customerSearchKeys, sage100CustomerName, toSage100Customer } from './customer.js';
export { toSage100SalesOrder, salesOrderRequest, sage100OrderTotal, linePercent, warehouseCodeFor, type Sage100CompanyRules, type Sage100OrderPlan, type PlannedLine } from './to-sage100-sales-order.js';
export { decideStock, stockRuleFor, warehouseKey, describeShort, type StockDecision, type ShortLine } from './stock-decision.js';
export { creditProblem } from './credit-decision.js';
export { toSage100CashReceipt, sage100ReceiptReference } from './cash-receipt.js';
export { toShipmentEvent, toSage100InventoryAdjustment, toSage100OrderStatusEvent, clarityOrderNumber, carrierOf, invoiceVersion, itemWarehouseVersion } from './source-events.js';
export { reconcileSage100Orders, reconcileSage100Payments, type Sage100OrderOnFile } from './reconciliation.js';
// The reconciliation engine is shared with Intacct: one report shape for every ERP.
export { reconcileRecords, combineReconciliation, capturedPayment, type ReconciliationReport, type ReconciliationFinding, type ReceivedPayment } from '@tributary/mapping-intacct';
