export { createSalesforceSink } from './salesforce-sink.app.js';
export { salesforceSinkEnvSchema, type SalesforceSinkConfig } from './salesforce-sink.config.js';
export { customerPipeline, upsertOne } from './customer.pipeline.js';
export { orderPipeline } from './order.pipeline.js';
export { productPipeline } from './product.pipeline.js';
export { UpsertBatcher } from './upsert-batcher.js';
export { ApiBudget } from './api-budget.js';
