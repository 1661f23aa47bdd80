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

export interface IntacctSalesDocumentRef {
  /** DOCID, e.g. "Sales Order-SO0001": the key create_sotransaction returns. */
  key: string;
  recordNo: string;
  docNo: string;
  state: string;
  total: string;
  referenceNo: string;
}
