export { inventoryLevelKey, isUrgentLevel, toClarityInventoryLevel } from './inventory-level.js';
export { toClarityShipment } from './shipment.js';
export { customerPatchFor, clarityPatchableFields, type ClarityPatchableField, type CustomerPatchPlan, type SentFields } from './customer-patch.js';
export { toClarityOrderStatus, planOrderStatus, isClarityOrderStatus, furthestStatus, type ClarityStatusPlan } from './order-status.js';
