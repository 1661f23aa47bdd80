export { toCanonicalOrderEvent, ORDER_EVENT_SCHEMA_VERSION, type OrderEventContext } from './to-canonical-order-event.js';
export { toCanonicalOrder } from './to-canonical-order.js';
export type { EventContext } from './event-context.js';
export { toCanonicalPaymentEvent, paymentKindOf, PAYMENT_EVENT_SCHEMA_VERSION } from './to-canonical-payment-event.js';
export { toCanonicalReturnEvent, toCanonicalReturn, RETURN_EVENT_SCHEMA_VERSION } from './to-canonical-return-event.js';
export { toCanonicalProductEvent, toCanonicalProduct, productVersion, PRODUCT_EVENT_SCHEMA_VERSION } from './to-canonical-product-event.js';
