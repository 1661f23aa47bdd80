export { createClarityEgress } from './clarity-egress.app.js';
export { InventoryCoalescer, type PendingLevel, type OfferOutcome } from './inventory-coalescer.js';
