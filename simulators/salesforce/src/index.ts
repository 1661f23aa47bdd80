export { startSalesforceSimulator } from './start-simulator.js';
export type {
  ApiUsage,
  ProductSeed,
  SalesforceFaults,
  SalesforceSimulator,
  SalesforceSimulatorInfo,
  SalesforceSimulatorOptions,
  SimulatedClient,
} from './simulator-types.js';
export type { ChangeEventHeader, ChangeEventMessage, ChangeType } from './cdc/change-bus.js';
export type { ExternalIdConfig, Fields } from './store/org-store.js';
export { DEFAULT_EXTERNAL_IDS } from './store/org-store.js';
export { DEFAULT_PRODUCTS } from './seed-org.js';
