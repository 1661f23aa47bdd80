import type { ChangeEventMessage } from './cdc/change-bus.js';
import type { ExternalIdConfig, Fields } from './store/org-store.js';

export interface SimulatedClient {
  /** The connected app's consumer key and secret. */
  clientId: string;
  clientSecret: string;
  /** For the password grant. */
  username?: string;
  password?: string;
  /** The "Run As" user of the client-credentials flow; generated when absent. */
  userId?: string;
}

export interface ProductSeed {
  productCode: string;
  name: string;
  /** Standard price book price. */
  unitPrice: number;
  family?: string;
}

export interface SalesforceSimulatorOptions {
  port?: number;
  host?: string;
  clients: SimulatedClient[];
  /** Highest REST/CometD version served; default '62.0'. */
  apiVersion?: string;
  /** Rolling daily API request allocation; default 15 000. */
  dailyApiLimit?: number;
  /** How long change events stay replayable; default 72 h. */
  replayRetentionMs?: number;
  /** PRNG seed for replay-id gaps and the 5xx fault rate. */
  seed?: number;
  /** Records per query page (Salesforce's default is 2 000); small values make paging testable. */
  queryPageSize?: number;
  /** How long a CometD /meta/connect is held without events; default 110 000 ms (tests use ~1 000). */
  cometdTimeoutMs?: number;
  /** Access tokens stop working after this long (default: until expired by a fault). */
  tokenTtlMs?: number;
  /** External-id fields per object and whether each is unique. */
  externalIds?: ExternalIdConfig;
  /** Objects selected for Change Data Capture; default Account, Contact, Order, OrderItem, Product2, Opportunity, OpportunityLineItem. */
  cdcEntities?: string[];
  /** Products seeded with a standard PricebookEntry; a default catalogue when absent. */
  products?: ProductSeed[];
  /** The base URL handed out as instance_url (behind docker aliases); default the address the client used. */
  publicUrl?: string;
}

export interface SalesforceFaults {
  /** Expire every issued access token now: REST answers 401 INVALID_SESSION_ID, CometD 401::Authentication invalid. */
  expireTokens?: boolean;
  /** Forget every CometD client now: their next message gets 403::Unknown client (reconnect: handshake). */
  unknownClient?: boolean;
  /** Probability (0..1) that a REST call answers HTTP 503 with an HTML body, processing nothing. */
  rate5xx?: number;
  /** The next N change events are delivered twice. */
  duplicateEvents?: number;
  /** The next N deliveries of two or more events come in reverse order. */
  reorderEvents?: number;
  /** The next N upserts that would create a record lose a race to a concurrent writer: DUPLICATE_VALUE. */
  upsertRace?: number;
}

export interface ApiUsage {
  used: number;
  max: number;
}

export interface SalesforceSimulatorInfo {
  orgId: string;
  standardPricebookId: string;
  recordTypes: { business: string; person: string };
  /** The user each client's token runs as (CDC commitUser of API writes), by clientId. */
  integrationUsers: Record<string, string>;
  salesRepUserId: string;
}

export interface SalesforceSimulator extends SalesforceSimulatorInfo {
  /** Base URL: login URL, instance URL and admin API (`/_sim`) share it. */
  url: string;
  instanceUrl: string;
  adminUrl: string;
  close(): Promise<void>;
  /** Back to the seeded org: records, tokens, CometD clients, events, usage and faults. */
  reset(): void;
  /** Live records of a type (all fields). */
  records(type: string): Fields[];
  /** A sales rep's UI edit (create when `id` is undefined): validated, emits CDC with changeOrigin '' and commitUser the rep. */
  setRecord(type: string, id: string | undefined, fields: Fields): string;
  changeAsSalesRep(type: string, id: string | undefined, fields: Fields): string;
  /** Writes a record with no validation and no CDC (legacy data, e.g. duplicate non-unique external ids). */
  seedRecord(type: string, fields: Fields): string;
  /** A GAP_* event naming the records; returns its replay id. */
  emitGap(type: string, ids: string[], changeType?: 'GAP_CREATE' | 'GAP_UPDATE' | 'GAP_DELETE' | 'GAP_UNDELETE'): number;
  /** A GAP_OVERFLOW event for the entity (recordIds `["<prefix>*"]`); returns its replay id. */
  emitOverflow(type: string): number;
  setFaults(faults: SalesforceFaults): void;
  clearFaults(): void;
  setDailyLimit(limit: number): void;
  apiUsage(): ApiUsage;
  /** Retained change events, oldest first, as delivered on their entity channel. */
  cdcEvents(): ChangeEventMessage[];
  /** CometD clients currently known. */
  cometdClients(): number;
  /** Access tokens issued so far (re-authorisations are visible as a count). */
  tokensIssued(): number;
}
