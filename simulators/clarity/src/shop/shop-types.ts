import type {
  ClarityAddressPayload,
  ClarityOrderPayload,
  ClarityPaymentTransactionPayload,
  ClarityProductPayload,
  ClarityReturnPayload,
} from '../payload.js';

/** A customer as the simulated shop keeps it: `data` of `customer.*` webhooks and `GET /api/v1/customers/{id}`. */
export interface ClarityCustomerRecordPayload {
  customerId: string;
  email: string | null;
  firstName: string | null;
  lastName: string | null;
  company: string | null;
  phone: string | null;
  billingAddress: ClarityAddressPayload | null;
  shippingAddress: ClarityAddressPayload | null;
  marketingOptIn?: boolean | null;
  createdAt?: string;
  modifiedAt: string;
  /** Grows by one per change. */
  version?: number;
  changedFields?: string[];
  /** `user:<name>` or `integration:<origin>`. */
  updatedBy: string | null;
}

export interface ClarityShipmentLinePayload {
  lineId?: string | null;
  sku: string;
  quantity: number | string;
}

/** `data` of `shipment.created` and `GET /api/v1/shipments/{id}`. */
export interface ClarityShipmentPayload {
  shipmentId: string;
  orderId: string | null;
  orderNumber: string;
  carrier: string;
  service: string | null;
  trackingNumber: string;
  trackingUrl: string | null;
  shippedAt: string;
  warehouseId?: string | null;
  lines: ClarityShipmentLinePayload[];
  status?: string;
  createdAt?: string;
  updatedBy?: string | null;
}

/** An order as stored: the webhook payload, plus when it last changed. */
export type StoredOrder = ClarityOrderPayload & { modifiedAt?: string };

export type CustomerPatch = Partial<Pick<ClarityCustomerRecordPayload, 'phone' | 'email' | 'firstName' | 'lastName' | 'company' | 'billingAddress' | 'shippingAddress'>>;

export interface InventoryLevel {
  sku: string;
  locationId: string;
  available: string;
  sequence: number;
}

export interface StoredInventoryLevel extends InventoryLevel {
  /** ISO time of the push that set it. */
  updatedAt: string;
}

/** One `PUT /api/v1/inventory` as received. */
export interface InventoryPush {
  at: string;
  atMs: number;
  clientId: string;
  levels: InventoryLevel[];
  accepted: number;
  ignoredStale: number;
}

export interface OrderStatusChange {
  orderId: string;
  from: string;
  to: string;
  note: string | null;
  idempotencyKey: string;
  at: string;
}

export interface ShopFaults {
  /** 0..1: share of `/api/v1` requests answered 503. */
  rate5xx?: number;
  /** 0..1: share of `/api/v1` requests answered 429 with Retry-After. */
  rate429?: number;
  /** Added before every `/api/v1` and token answer. */
  latencyMs?: number;
  /** The next n `/api/v1` requests are answered 503, before any rate is drawn. */
  failNext?: number;
  /** Seconds in Retry-After on a 429. Default 1. */
  retryAfterSeconds?: number;
}

export interface WebhookTarget {
  url: string;
  /** Every active secret; one v1 per secret. */
  secrets: string[];
  /** Including the first. Default 5. */
  maxAttempts?: number;
  /** Base of the exponential back-off. Default 200 ms. */
  backoffMs?: number;
  /** Per attempt. Default 5 s. */
  timeoutMs?: number;
}

export interface EmitOptions {
  /** Send `data: { id }` only; the receiver fetches the entity. */
  thin?: boolean;
  /** Deliver the same webhook (same id) twice, one after the other. */
  duplicate?: boolean;
  /** Wait this long before the first attempt. */
  delayMs?: number;
  /** Pin the webhook id, e.g. to replay an event. */
  eventId?: string;
}

/** One webhook delivery (a duplicate is a second delivery of the same webhook id). */
export interface WebhookDelivery {
  webhookId: string;
  type: string;
  entityId: string;
  thin: boolean;
  /** The body as sent. */
  envelope: { id: string; type: string; createdAt: string; apiVersion: string; data: unknown };
  state: 'pending' | 'delivered' | 'failed' | 'skipped';
  /** The receiver's final status; 0 after a network failure; null while pending or when skipped. */
  status: number | null;
  attempts: number;
  queuedAt: string;
  finishedAt: string | null;
}

export interface ShopData {
  orders?: StoredOrder[];
  customers?: ClarityCustomerRecordPayload[];
  products?: ClarityProductPayload[];
  returns?: ClarityReturnPayload[];
  payments?: ClarityPaymentTransactionPayload[];
  shipments?: ClarityShipmentPayload[];
}

export interface ClaritySimulatorOptions {
  /** Default 0: any free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** OAuth clients allowed to ask for tokens. */
  clients: Array<{ clientId: string; clientSecret: string }>;
  /** Lifetime of issued tokens. Default 3600. */
  tokenTtlSeconds?: number;
  /** Seeds the PRNG behind fault rates, so a run can be replayed. Default 1. */
  seed?: number;
  /** Entities the shop starts with; default none. See sampleShopData. */
  data?: ShopData;
  /** Where webhooks go; without it emits are recorded as `skipped`. */
  webhooks?: WebhookTarget;
}

export type ClarityEntityKind = 'order' | 'customer' | 'product' | 'return' | 'payment' | 'shipment' | 'inventory';

export interface ClaritySimulatorStats {
  tokensIssued: number;
  tokenRequestsRefused: number;
  /** `/api/v1` requests by `METHOD /route` and status. */
  requests: Record<string, Record<string, number>>;
}

export interface ClaritySimulator {
  /** Base URL: `/api/v1/…` and `/oauth/token` live under it. */
  url: string;
  tokenUrl: string;
  adminUrl: string;
  close(): Promise<void>;
  /** Empties every store, forgets tokens, faults, deliveries and stats (the webhook target stays). */
  reset(): void;
  orders(): StoredOrder[];
  customers(): ClarityCustomerRecordPayload[];
  products(): ClarityProductPayload[];
  returns(): ClarityReturnPayload[];
  payments(): ClarityPaymentTransactionPayload[];
  shipments(): ClarityShipmentPayload[];
  inventoryPushes(): InventoryPush[];
  inventory(): StoredInventoryLevel[];
  orderStatuses(): OrderStatusChange[];
  deliveries(): WebhookDelivery[];
  stats(): ClaritySimulatorStats;
  setFaults(faults: ShopFaults): void;
  clearFaults(): void;
  /** Every token issued so far is refused from now on (`invalid_token`). */
  expireTokens(): void;
  setWebhookTarget(target: WebhookTarget | null): void;
  upsertOrder(order: StoredOrder): void;
  upsertCustomer(customer: ClarityCustomerRecordPayload): void;
  upsertProduct(product: ClarityProductPayload): void;
  upsertReturn(orderReturn: ClarityReturnPayload): void;
  upsertPayment(payment: ClarityPaymentTransactionPayload): void;
  upsertShipment(shipment: ClarityShipmentPayload): void;
  /** A person's edit in Clarity's admin: stored, version bumped, `customer.updated` emitted with `updatedBy: "user:<user>"`. */
  changeCustomer(customerId: string, patch: CustomerPatch, user: string): ClarityCustomerRecordPayload;
  /**
   * Sends a webhook about `entity` (an entity object, or the id of a stored one). Resolves when
   * every delivery (two with `duplicate`) has finished or given up.
   */
  emit(type: string, entity: object | string, options?: EmitOptions): Promise<WebhookDelivery[]>;
  /** Resolves once every delivery in flight (including those the shop emitted itself) has finished. */
  idle(): Promise<void>;
}
