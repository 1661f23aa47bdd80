export * from './generated/commerce-order.v1.js';
export { topics, deadLetterTopic, type TopicDefinition } from './topics.js';
export { orderEventTypes, type OrderEventType } from './order-event-types.js';
