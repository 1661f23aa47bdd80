import type { IntegrationError } from '@tributary/core';

/** A Salesforce record as JSON: field API names to values (`attributes` optional). */
export type SalesforceRecord = Record<string, unknown>;

/** Reported after every API call (metrics): `status` is `success` or an IntegrationError code. */
export interface SalesforceRequestEvent {
  operation: string;
  status: string;
  durationMs: number;
  /** Records the call carried (collections), when it carried any. */
  records?: number;
}

/** The org's daily API budget as `Sforce-Limit-Info` last reported it. */
export interface SalesforceApiUsage {
  used: number;
  limit: number;
  remaining: number;
  /** used / limit, 0..1. */
  share: number;
}

export interface SalesforceIdentity {
  userId: string;
  organizationId: string;
  instanceUrl: string;
}

export interface SalesforceClientOptions {
  /** The org's My Domain URL (client credentials are not accepted on login.salesforce.com). */
  loginUrl: string;
  clientId: string;
  clientSecret: string;
  /** Username-password flow instead of client credentials, when both are set. */
  username?: string;
  password?: string;
  /** REST and CometD version; default '62.0' (≥ 46 is needed for collection upserts). */
  apiVersion?: string;
  /** Sent as `Sforce-Call-Options: client=<name>` so CDC reports our writes as ours. */
  clientName: string;
  /** Per HTTP request (until the reply's headers); default 30 000 ms. */
  timeoutMs?: number;
  /** retryAfterMs given to REQUEST_LIMIT_EXCEEDED; default 15 min. */
  limitRetryAfterMs?: number;
  /** How long price book lookups are cached; default 10 min. */
  priceBookCacheTtlMs?: number;
  onRequest?: (event: SalesforceRequestEvent) => void;
  /** Called whenever a reply carries `Sforce-Limit-Info`. */
  onLimits?: (usage: SalesforceApiUsage) => void;
}

/** One record's outcome in a collection call, at the index of the record sent. */
export type RecordOutcome =
  | { kind: 'saved'; id: string; created: boolean }
  | { kind: 'failed'; error: IntegrationError };

export interface CompositeSubrequest {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  /** `/sobjects/Order` (under the versioned base) or a full `/services/data/vXX.X/…` path. */
  url: string;
  referenceId: string;
  body?: unknown;
}

export interface CompositeSubresponse {
  referenceId: string;
  httpStatusCode: number;
  body: unknown;
  /** Set when the subrequest failed (PROCESSING_HALTED for those an allOrNone rollback stopped). */
  error?: IntegrationError;
}

export interface PricebookEntryRef {
  id: string;
  product2Id: string;
  productCode: string;
  unitPrice: number;
  isActive: boolean;
  pricebook2Id: string;
}

export interface QueryResult<T> {
  totalSize: number;
  records: T[];
}
