/**
 * One HTTP exchange with the facade, for metrics. `operation` is the contract's operationId
 * (`createSalesOrder`, `listInvoices`, …); `status` is `success` or an IntegrationError code.
 */
export interface Sage100RequestEvent {
  operation: string;
  status: string;
  durationMs: number;
}

export interface Sage100ClientOptions {
  /** Base URL of the facade (agent or gateway), e.g. http://sage-agent.internal:8093. */
  apiUrl: string;
  /** Sent as X-API-Key; never logged nor put in errors. */
  apiKey: string;
  /** Sage 100 company code (X-Company-Code), e.g. ABC. One client per company. */
  companyCode: string;
  /** Per HTTP request; default 30 000 ms. */
  timeoutMs?: number;
  /**
   * Requests in flight at once to this agent (apiUrl), shared by every client of it in the
   * process; the rest queue FIFO. Default 4. The smallest asked for wins.
   */
  maxConcurrentRequests?: number;
  onRequest?: (event: Sage100RequestEvent) => void;
}
