export { createIntacctSink } from './intacct-sink.app.js';
export { salesOrderPipeline } from './sales-order.pipeline.js';
