import type { GatewayError } from '../gateway/gateway-errors.js';
import type { DurableState } from '../state/durable-state.js';
import type { InventoryStore } from '../state/inventory-store.js';
import type { SessionStore } from '../state/session-store.js';
import type { XmlElement } from '../xml/xml-reader.js';
import type { ResultSets } from './result-sets.js';

/** Who is calling and what they may touch, for one function. */
export interface FunctionContext {
  companyId: string;
  userId: string;
  locationId: string;
  controlId: string;
  /** True when this is the only function of the request (getAPISession requires it). */
  soleFunction: boolean;
  now: Date;
  /** URL getAPISession hands out. */
  endpointUrl: string;
  state: DurableState;
  sessions: SessionStore;
  resultSets: ResultSets;
  /** ITEMWAREHOUSEINFO rows, shared by every company. */
  inventory: InventoryStore;
  items?: ReadonlySet<string>;
  customers?: ReadonlySet<string>;
  /** Transaction definitions whose documents post an AR invoice. */
  invoiceTransactionTypes: ReadonlySet<string>;
  /** Definitions that credit their createdfrom document; undefined means Sales Credit Memo and Sales Return. */
  creditTransactionTypes?: ReadonlySet<string>;
}

/** Whether a CUSTOMERID may be used: always when customers are not tracked, else seeded or created through the API. */
export const customerExists = (context: FunctionContext, customerId: string): boolean =>
  customerId !== '' && (!context.customers || context.customers.has(customerId) || context.state.hasCustomer(context.companyId, customerId));

export type FunctionOutcome =
  | { ok: true; key?: string; data?: string; echoName?: string }
  | { ok: false; errors: GatewayError[] };

/**
 * One verb. `schema` runs for every function before any executes, because Intacct validates the
 * whole request against its XSD first: a schema error fails the request at control level.
 */
export interface FunctionHandler {
  schema?: (verb: XmlElement) => string | undefined;
  run: (verb: XmlElement, context: FunctionContext) => FunctionOutcome;
}
