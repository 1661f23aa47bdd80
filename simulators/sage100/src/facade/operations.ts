import { z } from 'zod';
import { createCashReceipt, listCashReceipts } from './cash-receipts.js';
import { createCustomer, getCustomer, searchCustomers, updateCustomer } from './customers.js';
import type { FacadeContext } from './facade-context.js';
import { getItem, listInvoices, listItemWarehouses, listPaymentTypes } from './inventory.js';
import {
  customerChangeSchema, listQuerySchema, newCashReceiptSchema, newCustomerSchema, newSalesOrderSchema, salesOrderChangeSchema,
} from './request-schemas.js';
import { createSalesOrder, getSalesOrder, listSalesOrderHistory, listSalesOrders, updateSalesOrder } from './sales-orders.js';

const optional = z.string().optional();
const orderFilters = listQuerySchema.extend({ CustomerPONo: optional, ARDivisionNo: optional, CustomerNo: optional }).strict();

/** One operation of the contract (its operationId), as the facade serves it. */
export interface Operation {
  operationId: string;
  method: 'GET' | 'POST' | 'PATCH';
  /** Path segments; `:name` captures a parameter. */
  path: string;
  write: boolean;
  /** Parses query and body (zod, 400 on failure) and runs the operation. */
  run: (context: FacadeContext, input: { params: Record<string, string>; query: Record<string, string>; body: unknown }) => { status: number; body: unknown };
}

const op = <Q extends z.ZodType, B extends z.ZodType>(
  operationId: string,
  method: Operation['method'],
  path: string,
  schemas: { query?: Q; body?: B },
  handler: (context: FacadeContext, params: Record<string, string>, query: z.output<Q>, body: z.output<B>) => unknown,
  status = 200,
): Operation => ({
  operationId,
  method,
  path,
  write: method !== 'GET',
  run: (context, input) => {
    const query = (schemas.query ?? z.strictObject({})).parse(input.query) as z.output<Q>;
    const body = schemas.body ? (schemas.body.parse(input.body) as z.output<B>) : (undefined as z.output<B>);
    return { status, body: handler(context, input.params, query, body) };
  },
});

export const OPERATIONS: readonly Operation[] = [
  op('createSalesOrder', 'POST', '/SO/SalesOrder', { body: newSalesOrderSchema }, (c, _p, _q, b) => createSalesOrder(c, b), 201),
  op('listSalesOrders', 'GET', '/SO/SalesOrder', { query: orderFilters }, (c, _p, q) => listSalesOrders(c, q)),
  op('getSalesOrder', 'GET', '/SO/SalesOrder/:SalesOrderNo', {}, (c, p) => getSalesOrder(c, p['SalesOrderNo']!)),
  op('updateSalesOrder', 'PATCH', '/SO/SalesOrder/:SalesOrderNo', { body: salesOrderChangeSchema }, (c, p, _q, b) => updateSalesOrder(c, p['SalesOrderNo']!, b)),
  op('listSalesOrderHistory', 'GET', '/SO/SalesOrderHistory', { query: orderFilters }, (c, _p, q) => listSalesOrderHistory(c, q)),
  op(
    'searchCustomers', 'GET', '/AR/Customer',
    { query: listQuerySchema.extend({ EmailAddress: optional, CustomerName: optional, ZipCode: optional }).strict() },
    (c, _p, q) => searchCustomers(c, q),
  ),
  op('getCustomer', 'GET', '/AR/Customer/:ARDivisionNo/:CustomerNo', {}, (c, p) => getCustomer(c, p['ARDivisionNo']!, p['CustomerNo']!)),
  op('createCustomer', 'POST', '/AR/Customer/:ARDivisionNo/:CustomerNo', { body: newCustomerSchema }, (c, p, _q, b) => createCustomer(c, p['ARDivisionNo']!, p['CustomerNo']!, b), 201),
  op('updateCustomer', 'PATCH', '/AR/Customer/:ARDivisionNo/:CustomerNo', { body: customerChangeSchema }, (c, p, _q, b) => updateCustomer(c, p['ARDivisionNo']!, p['CustomerNo']!, b)),
  op('getItem', 'GET', '/CI/Item/:ItemCode', {}, (c, p) => getItem(c, p['ItemCode']!)),
  op('listItemWarehouses', 'GET', '/IM/ItemWarehouse', { query: listQuerySchema.extend({ ItemCode: optional, WarehouseCode: optional }).strict() }, (c, _p, q) => listItemWarehouses(c, q)),
  op('listInvoices', 'GET', '/SO/Invoice', { query: listQuerySchema.extend({ SalesOrderNo: optional }).strict() }, (c, _p, q) => listInvoices(c, q)),
  op('listPaymentTypes', 'GET', '/AR/PaymentType', { query: listQuerySchema.strict() }, (c, _p, q) => listPaymentTypes(c, q)),
  op('createCashReceipt', 'POST', '/AR/CashReceipt', { body: newCashReceiptSchema }, (c, _p, _q, b) => createCashReceipt(c, b), 201),
  op('listCashReceipts', 'GET', '/AR/CashReceipt', { query: listQuerySchema.extend({ Reference: optional }).strict() }, (c, _p, q) => listCashReceipts(c, q)),
];

/** The operation for a method and path, with its decoded path parameters; `allowed` lists methods when only the method is wrong. */
export const matchOperation = (method: string, pathname: string): { operation: Operation; params: Record<string, string> } | { allowed: string[] } | undefined => {
  const segments = pathname.split('/').filter(Boolean);
  const allowed: string[] = [];
  for (const operation of OPERATIONS) {
    const pattern = operation.path.split('/').filter(Boolean);
    if (pattern.length !== segments.length) continue;
    const params: Record<string, string> = {};
    const same = pattern.every((part, i) => {
      const segment = segments[i]!;
      if (part.startsWith(':')) {
        try {
          params[part.slice(1)] = decodeURIComponent(segment);
          return true;
        } catch {
          return false;
        }
      }
      return part === segment;
    });
    if (!same) continue;
    if (operation.method === method) return { operation, params };
    allowed.push(operation.method);
  }
  return allowed.length > 0 ? { allowed } : undefined;
};
