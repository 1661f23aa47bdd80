/** Web Services sender (partner) credentials plus the company user the requests act as. */
export interface IntacctCredentials {
  senderId: string;
  senderPassword: string;
  userId: string;
  companyId: string;
  userPassword: string;
  /** Entity (location) for a multi-entity company; sessions are then scoped to it. */
  entityId?: string;
}

/**
 * One HTTP exchange with the gateway, for metrics. `operation` is the verb when the request
 * carried one function (`create_sotransaction`, `getAPISession`, …) and `batch` when it carried
 * several. `status` is `success` or an IntegrationError code: the request's, else that of its
 * (first) failed function.
 */
export interface IntacctRequestEvent {
  operation: string;
  status: string;
  durationMs: number;
  /** How many `<function>`s the request carried. */
  functions: number;
}

export interface IntacctClientOptions {
  /** The XML gateway, e.g. https://api.intacct.com/ia/xml/xmlgw.phtml. */
  endpointUrl: string;
  credentials: IntacctCredentials;
  /** Per HTTP request; default 30 000 ms like the official SDK. */
  timeoutMs?: number;
  /**
   * HTTP requests in flight at once for this company (companyId + endpointUrl), shared by every
   * client of it in the process; the rest queue FIFO. Default 2, Intacct's usual performance tier.
   * When clients of one company ask for different limits, the smallest wins.
   */
  maxConcurrentRequests?: number;
  /** Functions of concurrent callers sent together in one request (transaction="false"). Default 20; 1 disables batching. */
  maxFunctionsPerRequest?: number;
  /** How long a partial batch waits for more functions before asking for a request slot. Default 2 ms. */
  batchWindowMs?: number;
  onRequest?: (event: IntacctRequestEvent) => void;
}

export interface IntacctDate {
  year: number;
  month: number;
  day: number;
}

export interface IntacctSalesOrderLine {
  itemId: string;
  itemDesc?: string;
  quantity: number;
  unit?: string;
  /** Exact decimal string, e.g. "19.99". */
  price: string;
  warehouseId?: string;
  locationId?: string;
  departmentId?: string;
  memo?: string;
  projectId?: string;
  /** The line's CUSTOMERID dimension (not the document's customer). */
  customerDimensionId?: string;
  classId?: string;
}

export interface IntacctSubtotal {
  description: string;
  /** Exact decimal string; negative for discounts. */
  total: string;
}

/** The fields of `create_sotransaction` that we send. */
export interface IntacctSalesOrder {
  /** Transaction definition name as configured in the company, e.g. "Sales Order". */
  transactionType: string;
  dateCreated: IntacctDate;
  /**
   * DOCID of the document this one is created from (`createdfrom`), e.g. "Sales Invoice-INV0001" for
   * a Sales Credit Memo or Sales Return; Intacct refuses credits beyond the original's total.
   */
  createdFrom?: string;
  customerId: string;
  /** Lands in SODOCUMENT.PONUMBER; our idempotency lookup key. */
  referenceNo: string;
  externalId?: string;
  message?: string;
  shippingMethod?: string;
  /** CONTACTNAME of an existing CONTACT, sent as `<shipto><contactname>` and `<billto><contactname>`. */
  shipToContact?: string;
  billToContact?: string;
  currency: string;
  baseCurrency?: string;
  exchangeRate?: string;
  /** Date of the rate in `exchangeRate`, recorded on the document. */
  exchangeRateDate?: IntacctDate;
  /** Draft | Pending | Closed; Intacct defaults to Pending. */
  state?: 'Draft' | 'Pending' | 'Closed';
  projectId?: string;
  lines: IntacctSalesOrderLine[];
  subtotals: IntacctSubtotal[];
}

/**
 * What `update_sotransaction` changes on an existing document (external-apis §1.9.1). Only the
 * fields given are sent; `lineNo` is 1-based (SODOCUMENTENTRY.LINE_NO + 1).
 */
export interface IntacctSalesOrderChange {
  message?: string;
  /** CONTACTNAME of an existing CONTACT: switches the document's ship-to or bill-to contact. */
  shipToContact?: string;
  billToContact?: string;
  state?: 'Draft' | 'Pending' | 'Closed';
  /** Replace the given values of existing lines. */
  updateLines?: Array<{ lineNo: number } & Partial<IntacctSalesOrderLine>>;
  /** Appended after the existing lines. */
  addLines?: IntacctSalesOrderLine[];
  /** Replace the document's subtotals. */
  subtotals?: IntacctSubtotal[];
}

export interface IntacctSalesDocumentRef {
  /** DOCID, e.g. "Sales Order-SO0001": the key create_sotransaction returns. */
  key: string;
  recordNo: string;
  docNo: string;
  state: string;
  total: string;
  referenceNo: string;
  /** RECORDNO of the AR invoice an invoice-type document posted (SODOCUMENT.PRRECORDKEY); payments apply to it. */
  prRecordKey?: string;
  /** DOCPARID, CURRENCY and WHENCREATED (mm/dd/yyyy) when the read returned them. */
  transactionType?: string;
  currency?: string;
  whenCreated?: string;
  /** CUSTVENDID: the customer the document is booked to, when the read returned it. */
  customerId?: string;
  /**
   * WHENMODIFIED as epoch ms, read as UTC (exact only for a company whose time zone is UTC); always
   * set by the reads of IntacctClient, absent only from hand-built refs.
   */
  modifiedAt?: number;
  /** CREATEDFROM: DOCID of the document this one was created from, when it was. */
  createdFrom?: string;
}

export interface IntacctMailAddress {
  address1: string;
  address2?: string;
  city: string;
  state?: string;
  zip: string;
  country?: string;
  isoCountryCode: string;
}

/** The fields of a generic CUSTOMER create that we send (external-apis §1.10). */
export interface IntacctCustomer {
  /** Omit when the company numbers customers itself. */
  customerId?: string;
  /** NAME, also sent as DISPLAYCONTACT.PRINTAS. */
  name: string;
  /** The custom field CLARITY_ID. */
  clarityId?: string;
  firstName?: string;
  lastName?: string;
  companyName?: string;
  email?: string;
  phone?: string;
  currency?: string;
  mailAddress?: IntacctMailAddress;
}

export interface IntacctCustomerRef {
  customerId: string;
  recordNo: string;
  name: string;
  email?: string;
  clarityId?: string;
}

/**
 * A CONTACT (generic create; the contact fields of external-apis §1.10). Contacts belong to the
 * company, not to a customer; sales documents name them as ship-to and bill-to.
 */
export interface IntacctContact {
  /** CONTACTNAME: the key, unique per company. */
  contactName: string;
  /** PRINTAS: the name printed on documents. */
  printAs: string;
  companyName?: string;
  firstName?: string;
  lastName?: string;
  /** PHONE1 and EMAIL1. */
  phone?: string;
  email?: string;
  mailAddress?: IntacctMailAddress;
}

export interface IntacctContactRef {
  recordNo: string;
  contactName: string;
}

export type IntacctPaymentMethod = 'Printed Check' | 'Cash' | 'EFT' | 'Credit Card' | 'Online Charge Card' | 'Online ACH Debit';

/** A cash receipt (generic ARPYMT create, external-apis §1.13) applied to AR invoices. */
export interface IntacctArPayment {
  customerId: string;
  receiptDate: IntacctDate;
  paymentMethod: IntacctPaymentMethod;
  undepositedAccountNo: string;
  /** Exact decimal string in `currency`. */
  amount: string;
  currency: string;
  /** Our reference (DOCNUMBER), used for lookups. */
  docNumber: string;
  description?: string;
  /** `recordKey` is the AR invoice RECORDNO (IntacctSalesDocumentRef.prRecordKey), not the DOCID. */
  applyTo: Array<{ recordKey: string; amount: string }>;
}

export interface IntacctArPaymentRef {
  recordNo: string;
  /** TRX_TOTALENTERED: the amount in the payment's currency. */
  amount: string;
  customerId: string;
}

/**
 * An ITEMWAREHOUSEINFO row: stock of an item in a warehouse. The quantity field names are
 * unconfirmed (external-apis §1.11 [?]); quantities are exact decimal strings.
 */
export interface IntacctStockLevel {
  recordNo: string;
  itemId: string;
  warehouseId: string;
  qtyOnHand: string;
  qtyOnOrder?: string;
  qtyOnHold?: string;
  /**
   * WHENMODIFIED as epoch ms (UTC). Read as UTC: a tenant reports company time, so this is only
   * exact for a company whose time zone is UTC.
   */
  modifiedAt: number;
}

/** One GLENTRY line of a journal entry (external-apis §1.12): an amount on one side of an account. */
export interface IntacctGlEntry {
  accountNo: string;
  /** Positive exact decimal string, at most two decimals (TRX_AMOUNT); the side is `type`. */
  amount: string;
  type: 'debit' | 'credit';
  currency?: string;
  description?: string;
  /** Sent as LOCATION and DEPARTMENT: inside GLENTRY the dimensions have no ID suffix. */
  locationId?: string;
  departmentId?: string;
  customerId?: string;
}

/** A journal entry (generic GLBATCH create). Debits must equal credits or Intacct refuses it. */
export interface IntacctGlBatch {
  /** Journal symbol, e.g. "GJ". */
  journal: string;
  batchDate: IntacctDate;
  title: string;
  /** Our reference (REFERENCENO), used for lookups. */
  referenceNo: string;
  /** Intacct defaults to Posted. */
  state?: 'Draft' | 'Posted';
  entries: IntacctGlEntry[];
}

export interface IntacctGlBatchRef {
  recordNo: string;
  /** The journal's batch number. */
  batchNo: string;
  referenceNo: string;
  state: string;
}

/** A GLENTRY as read back. */
export interface IntacctGlEntryRow {
  recordNo: string;
  /** 1-based line number within the batch. */
  lineNo: number;
  accountNo: string;
  amount: string;
  type: 'debit' | 'credit';
  currency?: string;
  description?: string;
  locationId?: string;
  departmentId?: string;
  customerId?: string;
}

/**
 * What a generic ITEM update changes; fields left out stay as they are, and '' empties an
 * optional text. `description` is SODESCRIPTION.
 */
export interface IntacctItemUpdate {
  itemId: string;
  name?: string;
  /** Non-negative exact decimal string. */
  basePrice?: string;
  description?: string;
  status?: 'active' | 'inactive';
}

/** An ITEM record as read for polling. */
export interface IntacctItem {
  recordNo: string;
  itemId: string;
  name: string;
  status: 'active' | 'inactive';
  /** BASEPRICE, exact decimal string; absent when empty. */
  basePrice?: string;
  /** SODESCRIPTION; absent when empty. */
  description?: string;
  /** WHENMODIFIED as epoch ms, read as UTC like IntacctStockLevel.modifiedAt. */
  modifiedAt: number;
}
