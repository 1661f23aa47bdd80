import { IntegrationError, retryAfterMs } from '@tributary/core';
import type { z } from 'zod';
import { Sage100ErrorCode } from './sage100-error-codes.js';
import {
  cashReceiptSchema, customerSchema, invoiceSchema, itemSchema, itemWarehouseSchema, pageSchema, paymentTypeSchema, salesOrderHistorySchema, salesOrderSchema,
  type Sage100CashReceipt, type Sage100Customer, type Sage100CustomerChange, type Sage100Invoice, type Sage100Item, type Sage100ItemWarehouse,
  type Sage100NewCashReceipt, type Sage100NewCustomer, type Sage100NewSalesOrder, type Sage100PaymentType, type Sage100SalesOrder,
  type Sage100SalesOrderChange, type Sage100SalesOrderHistory,
} from './sage100-schemas.js';
import type { Sage100ClientOptions } from './sage100-types.js';
import { dateUpdatedFrom, sage100Requests as requests, type ListParams, type Sage100Request } from './request/sage100-requests.js';
import { HttpTransport } from './transport/http-transport.js';
import { joinAgentSlots, type RequestSlots } from './transport/request-slots.js';

const DEFAULT_TIMEOUT_MS = 30_000;
const DEFAULT_MAX_CONCURRENT_REQUESTS = 4;
/** A throttled reply without Retry-After still holds the agent's next requests this long. */
const DEFAULT_THROTTLE_HOLD_MS = 1_000;
const PAGE_SIZE = 200;

/** A customer search: by e-mail, or by name and ZIP code (the mapping library's dedupe keys). */
export type Sage100CustomerSearch = { email: string } | { name: string; zip: string };

/** DateUpdated + TimeUpdated (UTC, one-second precision) as epoch ms: the poller's watermark. */
export const sage100UpdatedAtMs = (record: { DateUpdated: string; TimeUpdated: string }): number =>
  Date.parse(`${record.DateUpdated}T${record.TimeUpdated}Z`);

/**
 * Client of the Tributary Sage 100 facade (openapi/sage100-facade.v1.yaml), for one company.
 * Every failure is thrown as a classified IntegrationError (SAGE100.*); replies are validated
 * against the contract's schemas. At most `maxConcurrentRequests` requests are in flight per
 * agent, counted across every client of it in the process.
 *
 * Lists "changed since" take `sinceMs` and are inclusive at one-second precision: the records of
 * the watermark's second come again, so the caller dedupes by key + DateUpdated + TimeUpdated.
 */
export class Sage100Client {
  private readonly transport: HttpTransport;
  private readonly slots: RequestSlots;
  private readonly leaveSlots: () => void;
  /** The options without the API key, which only the transport holds. */
  private readonly options: Omit<Sage100ClientOptions, 'apiKey'>;

  constructor(options: Sage100ClientOptions) {
    const { apiKey: _apiKey, ...rest } = options;
    this.options = rest;
    this.transport = new HttpTransport(options.apiUrl, options.apiKey, options.companyCode, options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
    const agent = joinAgentSlots(options.apiUrl, options.maxConcurrentRequests ?? DEFAULT_MAX_CONCURRENT_REQUESTS);
    this.slots = agent.slots;
    this.leaveSlots = agent.leave;
  }

  get companyCode(): string {
    return this.options.companyCode;
  }

  /**
   * Creates the order; Sage numbers it. A CustomerPONo already used by the customer fails with
   * SAGE100.DUPLICATE: look the order up with findSalesOrdersByPo (also after an unknown outcome).
   */
  async createSalesOrder(order: Sage100NewSalesOrder): Promise<Sage100SalesOrder> {
    return this.call(requests.createSalesOrder(order), salesOrderSchema);
  }

  /** The open order, or null when it is not in the open file (it may have gone to history). */
  async getSalesOrder(salesOrderNo: string): Promise<Sage100SalesOrder | null> {
    return this.callOrNull(requests.getSalesOrder(salesOrderNo), salesOrderSchema);
  }

  /** Header changes; `Lines` replaces every line of an order nothing has shipped from. */
  async updateSalesOrder(salesOrderNo: string, change: Sage100SalesOrderChange): Promise<Sage100SalesOrder> {
    return this.call(requests.updateSalesOrder(salesOrderNo, change), salesOrderSchema);
  }

  /**
   * Every order with exactly that CustomerPONo, in the open file and in history (invoiced or
   * purged), optionally for one customer: the effect-once check before a create.
   */
  async findSalesOrdersByPo(
    customerPoNo: string,
    customer?: { ARDivisionNo: string; CustomerNo: string },
  ): Promise<{ open: Sage100SalesOrder[]; history: Sage100SalesOrderHistory[] }> {
    const filter = { CustomerPONo: customerPoNo, ...(customer ?? {}) };
    const [open, history] = await Promise.all([
      this.all((page) => requests.listSalesOrders({ ...filter, ...page }), salesOrderSchema),
      this.all((page) => requests.listSalesOrderHistory({ ...filter, ...page }), salesOrderHistorySchema),
    ]);
    const exact = <T extends { CustomerPONo: string }>(rows: T[]) => rows.filter((row) => row.CustomerPONo === customerPoNo);
    return { open: exact(open), history: exact(history) };
  }

  /** Open orders changed at or after `sinceMs` (inclusive, to the second), all pages, oldest change first. */
  async listSalesOrdersChangedSince(sinceMs: number): Promise<Sage100SalesOrder[]> {
    const from = dateUpdatedFrom(sinceMs);
    return this.all((page) => requests.listSalesOrders({ DateUpdatedFrom: from, ...page }), salesOrderSchema);
  }

  /** Orders that reached history at or after `sinceMs` (inclusive), all pages. */
  async listSalesOrderHistoryChangedSince(sinceMs: number): Promise<Sage100SalesOrderHistory[]> {
    const from = dateUpdatedFrom(sinceMs);
    return this.all((page) => requests.listSalesOrderHistory({ DateUpdatedFrom: from, ...page }), salesOrderHistorySchema);
  }

  /** The customer with that key, or null. */
  async findCustomer(division: string, customerNo: string): Promise<Sage100Customer | null> {
    return this.callOrNull(requests.getCustomer(division, customerNo), customerSchema);
  }

  /**
   * Customers with that e-mail (case-insensitive), or that name and ZIP code (case- and
   * space-insensitive), in key order. Normalising further is the mapping library's job.
   */
  async searchCustomers(by: Sage100CustomerSearch): Promise<Sage100Customer[]> {
    const filter = 'email' in by ? { EmailAddress: by.email } : { CustomerName: by.name, ZipCode: by.zip };
    const found = await this.all((page) => requests.searchCustomers({ ...filter, ...page }), customerSchema);
    return found.sort((a, b) => `${a.ARDivisionNo}-${a.CustomerNo}`.localeCompare(`${b.ARDivisionNo}-${b.CustomerNo}`));
  }

  /** Creates the customer with that key. An existing key fails with SAGE100.DUPLICATE: read it with findCustomer. */
  async createCustomer(customer: { ARDivisionNo: string; CustomerNo: string } & Sage100NewCustomer): Promise<Sage100Customer> {
    const { ARDivisionNo, CustomerNo, ...fields } = customer;
    return this.call(requests.createCustomer(ARDivisionNo, CustomerNo, fields), customerSchema);
  }

  async updateCustomer(division: string, customerNo: string, change: Sage100CustomerChange): Promise<Sage100Customer> {
    return this.call(requests.updateCustomer(division, customerNo, change), customerSchema);
  }

  /** The item, or null. */
  async getItem(itemCode: string): Promise<Sage100Item | null> {
    return this.callOrNull(requests.getItem(itemCode), itemSchema);
  }

  /**
   * IM_ItemWarehouse rows changed at or after `sinceMs` (inclusive), all pages. Available stock
   * is QuantityOnHand − QuantityOnSalesOrder.
   */
  async listItemWarehousesChangedSince(sinceMs: number, filter: { ItemCode?: string; WarehouseCode?: string } = {}): Promise<Sage100ItemWarehouse[]> {
    const from = dateUpdatedFrom(sinceMs);
    return this.all((page) => requests.listItemWarehouses({ ...filter, DateUpdatedFrom: from, ...page }), itemWarehouseSchema);
  }

  /** Invoices (shipments) with their tracking rows changed at or after `sinceMs` (inclusive), all pages. */
  async listInvoicesChangedSince(sinceMs: number, filter: { SalesOrderNo?: string } = {}): Promise<Sage100Invoice[]> {
    const from = dateUpdatedFrom(sinceMs);
    return this.all((page) => requests.listInvoices({ ...filter, DateUpdatedFrom: from, ...page }), invoiceSchema);
  }

  async listPaymentTypes(): Promise<Sage100PaymentType[]> {
    return this.all((page) => requests.listPaymentTypes(page), paymentTypeSchema);
  }

  /**
   * A deposit against an open order or a receipt against an invoice. `Reference` is unique per
   * company: a retry of a receipt that was written fails with SAGE100.DUPLICATE; after an unknown
   * outcome, look it up with findCashReceiptsByReference.
   */
  async createCashReceipt(receipt: Sage100NewCashReceipt): Promise<Sage100CashReceipt> {
    return this.call(requests.createCashReceipt(receipt), cashReceiptSchema);
  }

  async findCashReceiptsByReference(reference: string): Promise<Sage100CashReceipt[]> {
    const found = await this.all((page) => requests.listCashReceipts({ Reference: reference, ...page }), cashReceiptSchema);
    return found.filter((receipt) => receipt.Reference === reference);
  }

  async close(): Promise<void> {
    this.leaveSlots();
    await this.transport.close();
  }

  private async call<S extends z.ZodType>(request: Sage100Request, schema: S): Promise<z.output<S>> {
    const reply = await this.exchange(request, schema, false);
    return reply as z.output<S>;
  }

  private async callOrNull<S extends z.ZodType>(request: Sage100Request, schema: S): Promise<z.output<S> | null> {
    return (await this.exchange(request, schema, true)) ?? null;
  }

  /** Every page of a list, following NextCursor. */
  private async all<S extends z.ZodType>(requestFor: (page: ListParams) => Sage100Request, record: S): Promise<Array<z.output<S>>> {
    const schema = pageSchema(record);
    const records: Array<z.output<S>> = [];
    let cursor: string | undefined;
    do {
      const page = (await this.call(requestFor({ PageSize: PAGE_SIZE, ...(cursor ? { Cursor: cursor } : {}) }), schema)) as { Records: Array<z.output<S>>; NextCursor: string | null };
      records.push(...page.Records);
      cursor = page.NextCursor ?? undefined;
    } while (cursor);
    return records;
  }

  /**
   * One HTTP round trip in a slot of the agent, classified, validated and reported once to
   * `onRequest`. A throttled reply also holds the agent's next requests for its Retry-After.
   */
  private async exchange<S extends z.ZodType>(request: Sage100Request, schema: S, allowNotFound: boolean): Promise<z.output<S> | undefined> {
    const release = await this.slots.acquire();
    const started = performance.now();
    const report = (status: string) =>
      this.options.onRequest?.({ operation: request.operation, status, durationMs: Math.round(performance.now() - started) });
    try {
      const reply = await this.transport.send(request, { allowNotFound });
      if (reply.status === 404) {
        report('not-found');
        return undefined;
      }
      const parsed = schema.safeParse(reply.json);
      if (!parsed.success) {
        throw IntegrationError.transient(Sage100ErrorCode.unavailable, `Sage 100 agent sent a reply that does not match the contract (${request.operation})`, {
          operation: request.operation,
          outcomeUnknown: request.method !== 'GET',
          issues: parsed.error.issues.slice(0, 5).map((issue) => `${issue.path.join('.')}: ${issue.message}`),
        });
      }
      report('success');
      return parsed.data;
    } catch (error) {
      if (error instanceof IntegrationError && error.code === Sage100ErrorCode.throttled) this.slots.holdFor(retryAfterMs(error) ?? DEFAULT_THROTTLE_HOLD_MS);
      report(error instanceof IntegrationError ? error.code : 'UNCLASSIFIED');
      throw error;
    } finally {
      release();
    }
  }
}
