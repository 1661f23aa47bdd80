export type { DecimalString } from './decimal-string.js';
export * from './generated/commerce-order.v1.js';
export { topics, deadLetterTopic, type TopicDefinition } from './topics.js';
export { orderEventTypes, type OrderEventType } from './order-event-types.js';
export * from './generated/integration-xref.v1.js';
export * from './generated/clarity-webhook.v1.js';
export * from './generated/inventory-adjustment.v1.js';
