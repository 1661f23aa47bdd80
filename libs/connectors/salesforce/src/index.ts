export { SalesforceClient, soqlString, MAX_COLLECTION_RECORDS, MAX_COMPOSITE_SUBREQUESTS } from './salesforce-client.js';
export type {
  CompositeSubrequest,
  CompositeSubresponse,
  PricebookEntryRef,
  QueryResult,
  RecordOutcome,
  SalesforceApiUsage,
  SalesforceClientOptions,
  SalesforceIdentity,
  SalesforceRecord,
  SalesforceRequestEvent,
} from './salesforce-types.js';
export type { ChangeSubscription, SubscribeOptions } from './change-subscription.js';
export { changeOriginClient, isEcho, type ChangeEventHeader, type SalesforceChangeEvent } from './change-events.js';
export { SalesforceErrorCode } from './salesforce-error-codes.js';
export { classifyError, DEFAULT_LIMIT_RETRY_AFTER_MS } from './classify-error.js';
export { salesforceEnvSchema, salesforceClientOptions, type SalesforceEnv } from './salesforce-env.js';
