export { createSage100Sink } from './sage100-sink.app.js';
export { salesOrderPipeline } from './sales-order.pipeline.js';
export { heldOrderOf, HELD_PREFIX, HeldStatus, type HeldOrder, type HoldKind } from './held-orders.js';
