export { toCanonicalOrderEvent, ORDER_EVENT_SCHEMA_VERSION, type OrderEventContext } from './to-canonical-order-event.js';
export { toCanonicalOrder } from './to-canonical-order.js';
