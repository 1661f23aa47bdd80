/** The values `OrderEvent.eventType` takes. Kept as a string in Avro so new types evolve compatibly. */
export const orderEventTypes = ['order.created', 'order.updated', 'order.cancelled', 'order.fulfilled'] as const;
export type OrderEventType = (typeof orderEventTypes)[number];
