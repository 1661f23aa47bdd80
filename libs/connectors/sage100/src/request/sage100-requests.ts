import type {
  Sage100CustomerChange, Sage100NewCashReceipt, Sage100NewCustomer, Sage100NewSalesOrder, Sage100SalesOrderChange,
} from '../sage100-schemas.js';

/** One facade call, before headers: the contract's operationId, method, path and JSON body. */
export interface Sage100Request {
  operation: string;
  method: 'GET' | 'POST' | 'PATCH';
  /** Path below the API URL, parameters encoded, query string included. */
  path: string;
  body?: unknown;
}

/** List parameters every list takes: the watermark (inclusive) and the keyset cursor. */
export interface ListParams {
  DateUpdatedFrom?: string;
  Cursor?: string;
  PageSize?: number;
}

const segment = (value: string) => encodeURIComponent(value);

const withQuery = (path: string, query: Record<string, string | number | undefined>): string => {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) if (value !== undefined && value !== '') params.set(name, String(value));
  const search = params.toString();
  return search ? `${path}?${search}` : path;
};

/** `sinceMs` as the facade's DateUpdatedFrom: UTC, truncated to the second (the filter is inclusive). */
export const dateUpdatedFrom = (sinceMs: number): string => {
  if (!Number.isFinite(sinceMs)) throw new RangeError(`sinceMs must be a finite epoch ms, got ${sinceMs}`);
  return new Date(Math.floor(sinceMs / 1000) * 1000).toISOString().slice(0, 19);
};

export const sage100Requests = {
  createSalesOrder: (order: Sage100NewSalesOrder): Sage100Request => ({ operation: 'createSalesOrder', method: 'POST', path: '/SO/SalesOrder', body: order }),
  getSalesOrder: (salesOrderNo: string): Sage100Request => ({ operation: 'getSalesOrder', method: 'GET', path: `/SO/SalesOrder/${segment(salesOrderNo)}` }),
  updateSalesOrder: (salesOrderNo: string, change: Sage100SalesOrderChange): Sage100Request => ({
    operation: 'updateSalesOrder', method: 'PATCH', path: `/SO/SalesOrder/${segment(salesOrderNo)}`, body: change,
  }),
  listSalesOrders: (filter: { CustomerPONo?: string; ARDivisionNo?: string; CustomerNo?: string } & ListParams): Sage100Request => ({
    operation: 'listSalesOrders', method: 'GET', path: withQuery('/SO/SalesOrder', { ...filter }),
  }),
  listSalesOrderHistory: (filter: { CustomerPONo?: string; ARDivisionNo?: string; CustomerNo?: string } & ListParams): Sage100Request => ({
    operation: 'listSalesOrderHistory', method: 'GET', path: withQuery('/SO/SalesOrderHistory', { ...filter }),
  }),
  getCustomer: (division: string, customerNo: string): Sage100Request => ({
    operation: 'getCustomer', method: 'GET', path: `/AR/Customer/${segment(division)}/${segment(customerNo)}`,
  }),
  createCustomer: (division: string, customerNo: string, customer: Sage100NewCustomer): Sage100Request => ({
    operation: 'createCustomer', method: 'POST', path: `/AR/Customer/${segment(division)}/${segment(customerNo)}`, body: customer,
  }),
  updateCustomer: (division: string, customerNo: string, change: Sage100CustomerChange): Sage100Request => ({
    operation: 'updateCustomer', method: 'PATCH', path: `/AR/Customer/${segment(division)}/${segment(customerNo)}`, body: change,
  }),
  searchCustomers: (filter: { EmailAddress?: string; CustomerName?: string; ZipCode?: string } & ListParams): Sage100Request => ({
    operation: 'searchCustomers', method: 'GET', path: withQuery('/AR/Customer', { ...filter }),
  }),
  getItem: (itemCode: string): Sage100Request => ({ operation: 'getItem', method: 'GET', path: `/CI/Item/${segment(itemCode)}` }),
  listItemWarehouses: (filter: { ItemCode?: string; WarehouseCode?: string } & ListParams): Sage100Request => ({
    operation: 'listItemWarehouses', method: 'GET', path: withQuery('/IM/ItemWarehouse', { ...filter }),
  }),
  listInvoices: (filter: { SalesOrderNo?: string } & ListParams): Sage100Request => ({
    operation: 'listInvoices', method: 'GET', path: withQuery('/SO/Invoice', { ...filter }),
  }),
  listPaymentTypes: (params: ListParams): Sage100Request => ({ operation: 'listPaymentTypes', method: 'GET', path: withQuery('/AR/PaymentType', { ...params }) }),
  createCashReceipt: (receipt: Sage100NewCashReceipt): Sage100Request => ({ operation: 'createCashReceipt', method: 'POST', path: '/AR/CashReceipt', body: receipt }),
  listCashReceipts: (filter: { Reference?: string } & ListParams): Sage100Request => ({
    operation: 'listCashReceipts', method: 'GET', path: withQuery('/AR/CashReceipt', { ...filter }),
  }),
} as const;
