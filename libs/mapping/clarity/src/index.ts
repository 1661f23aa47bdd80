export { toCanonicalOrderEvent, ORDER_EVENT_SCHEMA_VERSION, type OrderEventContext } from './to-canonical-order-event.js';
export { toCanonicalOrder } from './to-canonical-order.js';
export type { EventContext } from './event-context.js';
export { toCanonicalPaymentEvent, paymentKindOf, PAYMENT_EVENT_SCHEMA_VERSION } from './to-canonical-payment-event.js';
export { toCanonicalReturnEvent, toCanonicalReturn, RETURN_EVENT_SCHEMA_VERSION } from './to-canonical-return-event.js';
export { toCanonicalProductEvent, toCanonicalProduct, productVersion, PRODUCT_EVENT_SCHEMA_VERSION } from './to-canonical-product-event.js';
export { toCanonicalCustomerEvent, toCanonicalCustomer, customerVersion, CUSTOMER_EVENT_SCHEMA_VERSION } from './to-canonical-customer-event.js';
export { toCanonicalInventoryEvent, toStockAdjustment, inventoryKey, INVENTORY_EVENT_SCHEMA_VERSION } from './to-canonical-inventory-event.js';
export { toCanonicalShipmentEvent, toCanonicalShipment, SHIPMENT_EVENT_SCHEMA_VERSION } from './to-canonical-shipment-event.js';
// The content-based router shared by clarity-ingress and `tributary clarity remap`.
export {
  clarityWebhookRoutes,
  canonicalTopics,
  route,
  type CanonicalTopic,
  type CanonicalEncoders,
  type CanonicalEvents,
  type CanonicalRecord,
  type ClarityEntityKind,
  type WebhookRoute,
  type WebhookRoutes,
} from './webhook-router/webhook-routes.js';
export { translateWebhook, thinWebhookId, withEntity, echoMarker, type Translation, type Refusal } from './webhook-router/webhook-translation.js';
export { isOlder, positionHeaders, positionFromHeaders, PositionHeader, type EntityPosition } from './webhook-router/entity-position.js';
export { eventIdFor } from './webhook-router/event-id.js';
export { AuditHeader } from './webhook-router/audit-headers.js';
export * from './egress/index.js';
