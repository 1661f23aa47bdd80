/**
 * The simulator's records are the facade's wire records (external-apis §3.2 field names), so what
 * the admin API shows is what a client would read.
 */
export interface Stamped {
  /** YYYY-MM-DD, UTC. */
  DateUpdated: string;
  /** HH:MM:SS, UTC. */
  TimeUpdated: string;
}

export type OrderType = 'S' | 'B' | 'Q' | 'M' | 'R' | 'P';
export type OrderStatus = 'N' | 'O' | 'C' | 'H';
export type ItemType = '1' | '2' | '3' | '4' | '5';

export interface SalesOrderLine {
  LineKey: string;
  ItemCode: string;
  ItemType: ItemType;
  ItemCodeDesc: string;
  WarehouseCode: string;
  QuantityOrdered: number;
  QuantityShipped: number;
  UnitPrice: number;
  LineDiscountPercent: number;
  ExtensionAmt: number;
  CommentText?: string;
}

export interface SalesOrder extends Stamped {
  SalesOrderNo: string;
  ARDivisionNo: string;
  CustomerNo: string;
  OrderDate: string;
  OrderType: OrderType;
  OrderStatus: OrderStatus;
  CustomerPONo: string;
  ShipToName?: string;
  ShipToAddress1?: string;
  ShipToAddress2?: string;
  ShipToAddress3?: string;
  ShipToCity?: string;
  ShipToState?: string;
  ShipToZipCode?: string;
  ShipToCountryCode?: string;
  ShipVia: string;
  TermsCode: string;
  TaxSchedule: string;
  PaymentType: string;
  EmailAddress?: string;
  Comment?: string;
  FreightAmt: number;
  SalesTaxAmt: number;
  TaxableAmt: number;
  NonTaxableAmt: number;
  DiscountAmt: number;
  DepositAmt: number;
  UDF_CLARITY_ORDER?: string;
  Lines: SalesOrderLine[];
  DateCreated: string;
  TimeCreated: string;
}

/** SO_SalesOrderHistoryHeader: A active, C complete, X deleted, Q quote, Z … */
export interface SalesOrderHistory extends Stamped {
  SalesOrderNo: string;
  ARDivisionNo: string;
  CustomerNo: string;
  OrderDate: string;
  OrderType: OrderType;
  OrderStatus: 'A' | 'C' | 'X' | 'Q' | 'Z';
  CustomerPONo: string;
  UDF_CLARITY_ORDER?: string;
  LastInvoiceNo: string;
}

export interface Customer extends Stamped {
  ARDivisionNo: string;
  CustomerNo: string;
  CustomerName: string;
  AddressLine1?: string;
  AddressLine2?: string;
  AddressLine3?: string;
  City?: string;
  State?: string;
  ZipCode: string;
  CountryCode?: string;
  TelephoneNo?: string;
  EmailAddress: string;
  TermsCode?: string;
  TaxSchedule?: string;
  CreditLimit: number;
  CurrentBalance: number;
  CreditHold: 'Y' | 'N';
  DateCreated: string;
}

export interface Item extends Stamped {
  ItemCode: string;
  ItemType: ItemType;
  ItemCodeDesc: string;
  StandardUnitPrice: number;
  InactiveItem: 'Y' | 'N';
  DefaultWarehouseCode?: string;
  TotalQuantityOnHand: number;
}

export interface ItemWarehouse extends Stamped {
  ItemCode: string;
  WarehouseCode: string;
  QuantityOnHand: number;
  QuantityOnSalesOrder: number;
  QuantityOnBackOrder: number;
}

export interface InvoiceLine {
  LineKey: string;
  ItemCode: string;
  ItemType: ItemType;
  WarehouseCode: string;
  QuantityShipped: number;
  UnitPrice: number;
  ExtensionAmt: number;
}

export interface Invoice extends Stamped {
  InvoiceNo: string;
  InvoiceDate: string;
  InvoiceType: 'IN' | 'CM' | 'DM';
  SalesOrderNo: string;
  CustomerPONo: string;
  UDF_CLARITY_ORDER?: string;
  ARDivisionNo: string;
  CustomerNo: string;
  ShipVia: string;
  ShipDate: string;
  FreightAmt: number;
  SalesTaxAmt: number;
  Lines: InvoiceLine[];
  Tracking: Array<{ PackageNo: string; TrackingID: string }>;
}

export interface PaymentType extends Stamped {
  PaymentType: string;
  PaymentDesc: string;
  PaymentMethod: 'C' | 'O' | 'R' | 'D';
  DefaultTransaction: 'D' | 'P';
}

export interface CashReceipt extends Stamped {
  DepositNo: string;
  ARDivisionNo: string;
  CustomerNo: string;
  PaymentType: string;
  TransactionDate: string;
  PostingAmt: number;
  SalesOrderNo?: string;
  InvoiceNo?: string;
  CheckNo: string;
  Reference: string;
  Comment?: string;
}

/** A record as the admin API lists it: with the company it belongs to. */
export type InCompany<T> = T & { company: string };

export interface CompanySeed {
  code: string;
  /** AR divisions on file. Default ['01']. */
  divisions?: string[];
}

export interface CustomerSeed {
  /** Default: the first company. */
  company?: string;
  ARDivisionNo: string;
  CustomerNo: string;
  CustomerName: string;
  EmailAddress?: string;
  ZipCode?: string;
  AddressLine1?: string;
  City?: string;
  State?: string;
  CountryCode?: string;
  TelephoneNo?: string;
  TermsCode?: string;
  TaxSchedule?: string;
  CreditLimit?: number;
  CurrentBalance?: number;
  CreditHold?: 'Y' | 'N';
}

export interface ItemSeed {
  /** Default: every company. */
  company?: string;
  ItemCode: string;
  ItemType: ItemType;
  description: string;
  StandardUnitPrice?: number;
  InactiveItem?: 'Y' | 'N';
  warehouses: Array<{ WarehouseCode: string; QuantityOnHand: number }>;
}

export interface PaymentTypeSeed {
  /** Default: every company. */
  company?: string;
  PaymentType: string;
  PaymentDesc: string;
  PaymentMethod?: 'C' | 'O' | 'R' | 'D';
  DefaultTransaction?: 'D' | 'P';
}

export interface ApiKeySeed {
  key: string;
  /** Companies the key may use; default all. */
  companies?: string[];
}

export interface Sage100SimulatorOptions {
  /** 0 = a random free port (the default). */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Accepted X-API-Key values. */
  apiKeys: Array<string | ApiKeySeed>;
  companies: CompanySeed[];
  customers?: CustomerSeed[];
  items?: ItemSeed[];
  /** Default per company: VISA, MC, AMEX, PAYPL (credit card / other, deposits) and CHECK. */
  paymentTypes?: PaymentTypeSeed[];
  /** Seeds the PRNG behind FaultPlan.rates, so a fault run can be replayed. */
  seed?: number;
  /** Facade requests in flight at once; beyond it 429 with Retry-After. Default 4. */
  maxConcurrent?: number;
  /** How long a `timeout` fault holds a request before dropping it. Default 60 s. */
  timeoutHangMs?: number;
  /** The simulator's clock (DateUpdated/TimeUpdated, dates); default the system clock. */
  clock?: () => Date;
}

export interface FaultRates {
  throttle?: number;
  http5xx?: number;
  timeout?: number;
  commitThenFail?: number;
  locked?: number;
}

/** Counted faults are used up first, then `rates` are drawn from the seeded PRNG. */
export interface FaultPlan {
  /** Delay before answering every facade request. */
  latencyMs?: number;
  /** The next N facade requests: 429 with Retry-After: 1, nothing processed. */
  throttle?: number;
  /** The next N facade requests: 500, nothing processed. */
  http5xx?: number;
  /** The next N facade requests: no answer for timeoutHangMs (or until the client leaves). */
  timeout?: number;
  /** The next N writes: 409 locked, nothing processed (as if a user had the record open). */
  locked?: number;
  /** The next N writes are committed, then answered 500 (or never, with commitThenFailMode 'hang'). */
  commitThenFail?: number;
  commitThenFailMode?: 'http500' | 'hang';
  rates?: FaultRates;
}

export type LockedRecord = 'SalesOrder' | 'Customer';

export interface RecordLock {
  company: string;
  record: LockedRecord;
  /** SalesOrderNo, or `ARDivisionNo-CustomerNo`. */
  key: string;
}

/** 'unavailable': facade routes answer 503; 'refuse': the port stops accepting connections. */
export type OfflineMode = 'unavailable' | 'refuse';

export interface ShipRequest {
  company?: string;
  SalesOrderNo: string;
  /** Default: the order's ShipVia. */
  ShipVia?: string;
  TrackingIDs: string[];
  /** Default: everything still to ship. A line is named by LineKey, or by ItemCode (its first line of that item). */
  lines?: Array<{ LineKey?: string; ItemCode?: string; QuantityShipped: number }>;
}

export interface ShipResult {
  invoice: InCompany<Invoice>;
  /** The order, still open after a partial shipment; absent once it moved to history. */
  order?: InCompany<SalesOrder>;
  history?: InCompany<SalesOrderHistory>;
}

export interface SimulatorStats {
  requests: number;
  byStatus: Record<string, number>;
  /** Per operationId of the contract. */
  byOperation: Record<string, number>;
  maxConcurrentSeen: number;
}

export interface SeedRequest {
  customers?: CustomerSeed[];
  items?: ItemSeed[];
  paymentTypes?: PaymentTypeSeed[];
}

export interface Sage100Simulator {
  /** Base URL of the facade (SAGE100_API_URL). */
  url: string;
  adminUrl: string;
  orders(company?: string): InCompany<SalesOrder>[];
  history(company?: string): InCompany<SalesOrderHistory>[];
  customers(company?: string): InCompany<Customer>[];
  items(company?: string): InCompany<Item>[];
  itemWarehouses(company?: string): InCompany<ItemWarehouse>[];
  invoices(company?: string): InCompany<Invoice>[];
  receipts(company?: string): InCompany<CashReceipt>[];
  paymentTypes(company?: string): InCompany<PaymentType>[];
  seed(seed: SeedRequest): void;
  /** A stock count or receipt in the warehouse: sets QuantityOnHand (creates the row if needed). */
  setQuantityOnHand(row: { company?: string; ItemCode: string; WarehouseCode: string; QuantityOnHand: number }): InCompany<ItemWarehouse>;
  /** The warehouse ships: an invoice with tracking rows; on hand and on sales order go down. Throws SimulatorError. */
  ship(request: ShipRequest): ShipResult;
  lock(lock: { company?: string; record: LockedRecord; key: string }): void;
  unlock(lock: { company?: string; record: LockedRecord; key: string }): void;
  locks(): RecordLock[];
  /** The agent goes offline, until setOnline or for `forMs`. */
  setOffline(mode?: OfflineMode, opts?: { forMs?: number }): Promise<void>;
  setOnline(): Promise<void>;
  setFaults(plan: FaultPlan): void;
  clearFaults(): void;
  stats(): SimulatorStats;
  /** Back to the seeds given at start; faults, locks and stats cleared; online. */
  reset(): void;
  close(): Promise<void>;
}
