export interface SimulatedUser {
  companyId: string;
  userId: string;
  password: string;
}

export interface IntacctSimulatorOptions {
  /** 0 = a random free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  senderId: string;
  senderPassword: string;
  users: SimulatedUser[];
  /** When set, an unknown ITEMID fails with BL01001973. */
  items?: string[];
  /** When set, an unknown CUSTOMERID fails with BL01001973; customers created through the API count as known. */
  customers?: string[];
  /** create_sotransaction of these definitions also posts an AR invoice (SODOCUMENT.PRRECORDKEY). Default ['Sales Invoice']. */
  invoiceTransactionTypes?: string[];
  /** In-flight gateway requests allowed; beyond it HTTP 429 GW-0010. Default 2, Intacct's usual tier. */
  maxConcurrent?: number;
  /** Seeds the PRNG behind FaultPlan.rates, so a fault run can be replayed. */
  seed?: number;
  /** Sliding session inactivity timeout. Default 1 h. */
  sessionTimeoutMs?: number;
  /** How long a `timeout` fault holds the request before dropping the connection. Default 60 s. */
  timeoutHangMs?: number;
  /** Gateway URL handed out by getAPISession; default: the URL the client used (its Host header). */
  publicUrl?: string;
  /**
   * ITEMWAREHOUSEINFO rows to start with (and to return to on reset), shared by every company.
   * `qtyOnHand` is a decimal string; QTYONORDER and QTYONHOLD start at "0".
   */
  inventory?: Array<{ itemId: string; warehouseId: string; qtyOnHand: string }>;
  /**
   * ITEM records to start with (and to return to on reset), richer than `items`: every id of
   * `items` also starts as an ITEM (NAME = the id, BASEPRICE "0.00", active); an entry here with
   * the same id wins. `description` is SODESCRIPTION.
   */
  itemMaster?: ItemSeed[];
  /**
   * Definitions that credit the document they are created from (`createdfrom`): together they may
   * not credit more than its TOTAL. Default ['Sales Credit Memo', 'Sales Return'].
   */
  creditTransactionTypes?: string[];
}

export interface StoredSalesDocumentLine {
  lineNo: number;
  /** SODOCUMENTENTRY.RECORDNO, numbered apart from the documents (set when the line is stored). */
  recordNo?: string;
  itemId: string;
  quantity: string;
  price: string;
  lineTotal: string;
  itemDesc?: string;
  warehouseId?: string;
  locationId?: string;
  departmentId?: string;
  projectId?: string;
  /** The line's CUSTOMERID dimension. */
  customerDimensionId?: string;
  classId?: string;
  memo?: string;
}

export interface StoredSalesDocument {
  recordNo: string;
  /** `<transactiontype>-<docNo>`, e.g. "Sales Order-SO0001": the key create_sotransaction returns. */
  docId: string;
  docNo: string;
  transactionType: string;
  companyId: string;
  customerId: string;
  referenceNo: string;
  externalId?: string;
  message?: string;
  shippingMethod?: string;
  state: string;
  currency: string;
  baseCurrency?: string;
  /** `<exchrate>` and `<exchratedate>` (YYYY-MM-DD) when the document is in a foreign currency. */
  exchangeRate?: string;
  exchangeRateDate?: string;
  projectId?: string;
  /** The entity (location) of the session that created it, in a multi-entity company. */
  entityId?: string;
  /** The document date from `<datecreated>`, YYYY-MM-DD. */
  documentDate: string;
  /** Wall-clock time the simulator stored it, ISO-8601. */
  createdAt: string;
  /** Wall-clock time of the last update_sotransaction, ISO-8601; WHENMODIFIED (createdAt until then). */
  modifiedAt?: string;
  controlId: string;
  lines: StoredSalesDocumentLine[];
  subtotals: Array<{ description: string; total: string }>;
  /** Σ quantity × price + Σ subtotals, exact. */
  total: string;
  /** RECORDNO of the AR invoice the document posted (invoice definitions only): SODOCUMENT.PRRECORDKEY. */
  prRecordKey?: string;
  /** DOCID of the document it was created from (`<createdfrom>`): SODOCUMENT.CREATEDFROM. */
  createdFrom?: string;
  /** CONTACTNAME of `<shipto>` and `<billto>`: SODOCUMENT.SHIPTO.CONTACTNAME and BILLTO.CONTACTNAME. */
  shipToContact?: string;
  billToContact?: string;
}

/** A state change made from outside, as if a user worked the document in Intacct (admin `POST /documents/state`). */
export interface DocumentStateChange {
  docId: string;
  /** A readable name or a one-letter code of external-apis §1.9.1; stored as the readable name. */
  state: string;
  /** Needed only when several companies have a document with that DOCID. */
  companyId?: string;
}

export type DocumentStateOutcome =
  | { kind: 'changed'; document: StoredSalesDocument }
  | { kind: 'not-found' }
  | { kind: 'ambiguous'; companyIds: string[] }
  | { kind: 'invalid-state'; state: string };

/** The AR invoice (ARINVOICE) an invoice-type sales document posts; payments apply to its RECORDNO. */
export interface StoredArInvoice {
  recordNo: string;
  companyId: string;
  customerId: string;
  /** DOCID of the sales document that created it. */
  docId: string;
  currency: string;
  total: string;
  /** total − Σ payments applied. */
  openBalance: string;
}

export interface StoredMailAddress {
  address1?: string;
  address2?: string;
  city?: string;
  state?: string;
  zip?: string;
  country?: string;
  isoCountryCode?: string;
}

export interface StoredCustomer {
  recordNo: string;
  companyId: string;
  customerId: string;
  name: string;
  status: string;
  currency?: string;
  displayContact: {
    printAs: string;
    firstName?: string;
    lastName?: string;
    companyName?: string;
    email1?: string;
    phone1?: string;
    mailAddress?: StoredMailAddress;
  };
  /** The custom field CLARITY_ID. */
  clarityId?: string;
  createdAt: string;
  controlId: string;
}

/** A CONTACT (generic create, the contact fields of external-apis §1.10): CONTACTNAME is unique per company. */
export interface StoredContact {
  recordNo: string;
  companyId: string;
  contactName: string;
  printAs: string;
  companyName?: string;
  firstName?: string;
  lastName?: string;
  phone1?: string;
  email1?: string;
  mailAddress?: StoredMailAddress;
  status: string;
  /** Wall-clock time the simulator stored it, ISO-8601: WHENCREATED and WHENMODIFIED. */
  createdAt: string;
  controlId: string;
}

export interface StoredArPaymentDetail {
  /** RECORDNO of the AR invoice paid. */
  recordKey: string;
  amount: string;
}

/** A cash receipt (ARPYMT). */
export interface StoredArPayment {
  recordNo: string;
  companyId: string;
  customerId: string;
  paymentMethod: string;
  /** RECEIPTDATE as sent, mm/dd/yyyy. */
  receiptDate: string;
  currency: string;
  /** Where the money went: UNDEPOSITEDACCOUNTNO or FINANCIALENTITY. */
  undepositedAccountNo?: string;
  financialEntity?: string;
  docNumber?: string;
  description?: string;
  /** AMOUNTTOPAY / TRX_AMOUNTTOPAY when given, else Σ details. */
  amount: string;
  details: StoredArPaymentDetail[];
  createdAt: string;
  controlId: string;
}

/**
 * One ITEMWAREHOUSEINFO row: stock of an item in a warehouse. The quantity field names are
 * unconfirmed (external-apis §1.11 [?]).
 */
/** One line (GLENTRY) of a journal entry batch. */
export interface StoredGlEntry {
  recordNo: string;
  /** 1-based, in the order sent. */
  lineNo: number;
  accountNo: string;
  /** TR_TYPE: 1 = debit, -1 = credit. */
  trType: 1 | -1;
  /** TRX_AMOUNT with two decimals, positive. */
  amount: string;
  currency?: string;
  exchangeRate?: string;
  description?: string;
  /** The LOCATION and DEPARTMENT dimensions (GLENTRY names them without the ID suffix). */
  location?: string;
  department?: string;
  customerId?: string;
}

/** A journal entry batch (GLBATCH, external-apis §1.12): balanced debits and credits. */
export interface StoredGlBatch {
  recordNo: string;
  /** Numbered per company and journal: 1, 2, … */
  batchNo: string;
  companyId: string;
  journal: string;
  /** BATCH_DATE as sent, mm/dd/yyyy. */
  batchDate: string;
  title: string;
  referenceNo?: string;
  state: 'Draft' | 'Posted';
  entries: StoredGlEntry[];
  /** Wall-clock time the simulator stored it, ISO-8601: WHENCREATED and WHENMODIFIED. */
  createdAt: string;
  controlId: string;
}

/** An ITEM record to seed (IntacctSimulatorOptions.itemMaster) or to change from the admin API. */
export interface ItemSeed {
  itemId: string;
  name: string;
  /** Non-negative decimal string; default "0.00". */
  basePrice?: string;
  /** SODESCRIPTION. */
  description?: string;
  status?: 'active' | 'inactive';
}

/** An ITEM record (external-apis §1.11), shared by every company like the `items` option. */
export interface StoredItem {
  /** Numbered per object, apart from the other records. */
  recordNo: string;
  itemId: string;
  name: string;
  status: 'active' | 'inactive';
  basePrice: string;
  soDescription?: string;
  extendedDescription?: string;
  /** 1 when created, +1 on every change. */
  version: number;
  /** ISO-8601 (UTC): WHENCREATED and WHENMODIFIED. */
  createdAt: string;
  modifiedAt: string;
}

export interface StoredStock {
  recordNo: string;
  itemId: string;
  warehouseId: string;
  /** Decimal strings. */
  qtyOnHand: string;
  qtyOnOrder: string;
  qtyOnHold: string;
  /** When the row was last set, ISO-8601 (UTC): WHENMODIFIED. */
  modifiedAt: string;
}

export interface FaultRates {
  http5xx?: number;
  throttle?: number;
  timeout?: number;
  commitThenFail?: number;
}

/** Injected failures. Counts apply to the next N gateway requests; rates are probabilities 0..1 per request. */
export interface FaultPlan {
  /** Added to every gateway request before it is answered. */
  latencyMs?: number;
  /** Answer HTTP 503 with an HTML body; nothing is processed. */
  http5xx?: number;
  /** Answer HTTP 429 GW-0010 with Retry-After; nothing is processed. */
  throttle?: number;
  /** Hold the request without answering for timeoutHangMs (or until the client gives up), then drop it; nothing is processed. */
  timeout?: number;
  /** Of the next N requests that contain a write (create_, update_ or delete_sotransaction, or a generic create or update): process and store, then answer HTTP 500 (or hang). */
  commitThenFail?: number;
  /** How a commitThenFail request ends. Default 'http500'. */
  commitThenFailMode?: 'http500' | 'hang';
  rates?: FaultRates;
}

export interface SimulatorStats {
  /** Gateway requests received (admin calls excluded). */
  requests: number;
  /** By HTTP status sent; `no-response` for requests dropped by a timeout fault or by the client. */
  byStatus: Record<string, number>;
  /** Functions of authenticated requests, by verb, including ones refused (duplicate controlid, business errors). */
  functions: Record<string, number>;
  /** Most gateway requests in flight at once, counting the ones refused with 429. */
  maxConcurrentSeen: number;
}

export interface IntacctSimulator {
  /** Full gateway URL: http://host:port/ia/xml/xmlgw.phtml. */
  url: string;
  /** Base URL of the admin API: http://host:port/_sim. */
  adminUrl: string;
  documents(): StoredSalesDocument[];
  /** Documents removed by delete_sotransaction, oldest deletion first. */
  deletedDocuments(): StoredSalesDocument[];
  arInvoices(): StoredArInvoice[];
  customers(): StoredCustomer[];
  /** CONTACT records of every company, oldest first. */
  contacts(): StoredContact[];
  payments(): StoredArPayment[];
  /** Creates or updates the ITEMWAREHOUSEINFO row of that item and warehouse; WHENMODIFIED = now. Throws on a non-decimal quantity. */
  setStock(itemId: string, warehouseId: string, qtyOnHand: string): void;
  /** ITEMWAREHOUSEINFO rows, in RECORDNO order. */
  inventory(): StoredStock[];
  /** Journal entry batches of every company with their entries, oldest first. */
  glBatches(): StoredGlBatch[];
  /** ITEM records, in RECORDNO order. */
  items(): StoredItem[];
  /**
   * Creates or changes an ITEM as if edited in the Intacct UI: given fields change, WHENMODIFIED =
   * now, version + 1. A new item's NAME defaults to its id. Throws RangeError on a bad price or status.
   */
  setItem(change: ItemSeed | (Partial<ItemSeed> & { itemId: string })): StoredItem;
  setFaults(plan: FaultPlan): void;
  clearFaults(): void;
  stats(): SimulatorStats;
  /** Sets a document's STATE (name or code) and bumps its WHENMODIFIED, as a user working it in Intacct would. */
  setDocumentState(change: DocumentStateChange): DocumentStateOutcome;
  /** Makes every open session invalid, as if the company's session timeout passed. */
  expireSessions(): void;
  /** Forgets documents, invoices, customers, contacts, payments, sessions, controlids, faults and stats; inventory goes back to the `inventory` option, ITEMs to `items` and `itemMaster`. */
  reset(): void;
  close(): Promise<void>;
}
