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

/** One HTTP exchange with the gateway, for metrics. `status` is `success` or an IntegrationError code. */
export interface IntacctRequestEvent {
  operation: string;
  status: string;
  durationMs: number;
}

export interface IntacctClientOptions {
  /** The XML gateway, e.g. https://api.intacct.com/ia/xml/xmlgw.phtml. */
  endpointUrl: string;
  credentials: IntacctCredentials;
  /** Per HTTP request; default 30 000 ms like the official SDK. */
  timeoutMs?: number;
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
  customerId: string;
  /** Lands in SODOCUMENT.PONUMBER; our idempotency lookup key. */
  referenceNo: string;
  externalId?: string;
  message?: string;
  shippingMethod?: string;
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
