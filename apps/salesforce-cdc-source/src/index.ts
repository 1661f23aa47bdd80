export { createSalesforceCdcSource } from './salesforce-cdc-source.app.js';
export { salesforceCdcSourceEnvSchema, type SalesforceCdcSourceConfig } from './salesforce-cdc-source.config.js';
export { ChangeProcessor, entityOfChannel } from './change-processor.js';
export { CheckpointStore, type Checkpoint } from './checkpoint-store.js';
export { checkpointTopic } from './salesforce-cdc-source.module.js';
