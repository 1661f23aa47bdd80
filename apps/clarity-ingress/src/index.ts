export { createClarityIngress } from './clarity-ingress.app.js';
// Kept here for existing callers; the router, translation and event ids live in @tributary/mapping-clarity.
export { eventIdFor } from '@tributary/mapping-clarity';
export { DeliveryMemory, type DeliveryMemoryOptions } from './delivery-memory.js';
export type { ClarityEntityReader } from './entity-enrichment.js';
