import type { OrderStatus, OrderType, SalesOrder, SalesOrderHistory } from '../simulator-types.js';
import { stampOf } from '../state/clock.js';
import { customerKey, type CompanyBooks } from '../state/company-books.js';
import { minus, sum } from '../state/money.js';
import { moveReservation } from '../state/reservations.js';
import type { FacadeContext } from './facade-context.js';
import { boiError, SimulatorError } from './facade-error.js';
import { checkFields, requireText } from './field-rules.js';
import { pageOf, type Page } from './paging.js';
import type { NewSalesOrderInput, SalesOrderChangeInput } from './request-schemas.js';
import { buildLines } from './sales-order-lines.js';

type Totals = Pick<SalesOrder, 'TaxableAmt' | 'NonTaxableAmt'>;

/** TaxableAmt + NonTaxableAmt is the line total; given one, the other follows; given none, SalesTaxAmt decides. */
const splitTaxable = (linesTotal: number, given: { TaxableAmt?: number | undefined; NonTaxableAmt?: number | undefined; SalesTaxAmt: number }): Totals => {
  const { TaxableAmt, NonTaxableAmt } = given;
  if (TaxableAmt === undefined && NonTaxableAmt === undefined) {
    return given.SalesTaxAmt > 0 ? { TaxableAmt: linesTotal, NonTaxableAmt: 0 } : { TaxableAmt: 0, NonTaxableAmt: linesTotal };
  }
  const taxable = TaxableAmt ?? minus(linesTotal, NonTaxableAmt ?? 0);
  const nonTaxable = NonTaxableAmt ?? minus(linesTotal, taxable);
  if (taxable < 0 || nonTaxable < 0 || sum([taxable, nonTaxable]) !== linesTotal) {
    throw boiError('taxableMismatch', { total: sum([taxable, nonTaxable]).toFixed(2), expected: linesTotal.toFixed(2) }, 'TaxableAmt');
  }
  return { TaxableAmt: taxable, NonTaxableAmt: nonTaxable };
};

const assertPaymentType = (books: CompanyBooks, paymentType: string | undefined) => {
  if (paymentType && !books.paymentTypes.has(paymentType)) throw boiError('paymentTypeNotFound', { PaymentType: paymentType }, 'PaymentType');
};

/** KDUPLICATEPO: the same customer's PO number on an open order or in history. */
const findDuplicatePo = (books: CompanyBooks, order: Pick<SalesOrder, 'ARDivisionNo' | 'CustomerNo' | 'CustomerPONo'>): string | undefined => {
  const same = (o: { ARDivisionNo: string; CustomerNo: string; CustomerPONo: string }) =>
    o.CustomerPONo === order.CustomerPONo && o.ARDivisionNo === order.ARDivisionNo && o.CustomerNo === order.CustomerNo;
  return [...books.orders.values(), ...books.history.values()].find(same)?.SalesOrderNo;
};

export const createSalesOrder = ({ books, locks, now }: FacadeContext, input: NewSalesOrderInput): SalesOrder => {
  const { Lines: lineInputs, ...header } = input;
  const ARDivisionNo = requireText('ARDivisionNo', header.ARDivisionNo);
  const CustomerNo = requireText('CustomerNo', header.CustomerNo);
  checkFields(header);
  if (!books.divisions.has(ARDivisionNo)) throw boiError('invalidDivision', { ARDivisionNo }, 'ARDivisionNo');
  const customer = books.customer(ARDivisionNo, CustomerNo);
  if (!customer) throw boiError('customerNotFound', { ARDivisionNo, CustomerNo }, 'CustomerNo');
  // Writing an order updates the customer's open order amount, so a customer held open elsewhere blocks it.
  locks.assertFree(books.code, 'Customer', customerKey(ARDivisionNo, CustomerNo));
  assertPaymentType(books, header.PaymentType);
  const CustomerPONo = header.CustomerPONo ?? '';
  if (CustomerPONo) {
    const existing = findDuplicatePo(books, { ARDivisionNo, CustomerNo, CustomerPONo });
    if (existing) throw boiError('duplicatePo', { CustomerPONo, SalesOrderNo: existing }, 'CustomerPONo', 'duplicate');
  }
  const Lines = buildLines(books, lineInputs);
  const SalesTaxAmt = header.SalesTaxAmt ?? 0;
  const totals = splitTaxable(sum(Lines.map((l) => l.ExtensionAmt)), { TaxableAmt: header.TaxableAmt, NonTaxableAmt: header.NonTaxableAmt, SalesTaxAmt });
  const stamp = stampOf(now);
  const order: SalesOrder = {
    ...header,
    SalesOrderNo: books.nextSalesOrderNo(),
    ARDivisionNo,
    CustomerNo,
    OrderType: (header.OrderType ?? 'S') as OrderType,
    OrderStatus: (header.OrderStatus ?? 'N') as OrderStatus,
    CustomerPONo,
    ShipVia: header.ShipVia ?? '',
    TermsCode: header.TermsCode ?? customer.TermsCode ?? '',
    TaxSchedule: header.TaxSchedule ?? customer.TaxSchedule ?? '',
    PaymentType: header.PaymentType ?? '',
    FreightAmt: header.FreightAmt ?? 0,
    SalesTaxAmt,
    ...totals,
    DiscountAmt: header.DiscountAmt ?? 0,
    DepositAmt: 0,
    Lines,
    DateCreated: stamp.DateUpdated,
    TimeCreated: stamp.TimeUpdated,
    ...stamp,
  };
  books.orders.set(order.SalesOrderNo, order);
  moveReservation(books, undefined, order, now);
  return structuredClone(order);
};

export const getSalesOrder = ({ books }: FacadeContext, salesOrderNo: string): SalesOrder => {
  const order = books.orders.get(salesOrderNo);
  if (!order) throw new SimulatorError('not_found', `Sales order ${salesOrderNo} is not on file`);
  return structuredClone(order);
};

export const updateSalesOrder = ({ books, locks, now }: FacadeContext, salesOrderNo: string, change: SalesOrderChangeInput): SalesOrder => {
  const order = books.orders.get(salesOrderNo);
  if (!order) {
    if (books.history.has(salesOrderNo)) throw boiError('orderClosed', { SalesOrderNo: salesOrderNo }, 'SalesOrderNo');
    throw new SimulatorError('not_found', `Sales order ${salesOrderNo} is not on file`);
  }
  locks.assertFree(books.code, 'SalesOrder', salesOrderNo);
  if (order.OrderStatus === 'C') throw boiError('orderClosed', { SalesOrderNo: salesOrderNo }, 'OrderStatus');
  const { Lines: lineInputs, ...header } = change;
  checkFields(header);
  assertPaymentType(books, header.PaymentType);
  const before = structuredClone(order);
  let Lines = order.Lines;
  if (lineInputs) {
    const shipped = order.Lines.find((line) => line.QuantityShipped > 0);
    if (shipped) throw boiError('lineShipped', { LineKey: shipped.LineKey, SalesOrderNo: salesOrderNo }, 'Lines');
    Lines = buildLines(books, lineInputs);
  }
  const SalesTaxAmt = header.SalesTaxAmt ?? order.SalesTaxAmt;
  const linesChanged = lineInputs !== undefined;
  const totals = splitTaxable(sum(Lines.map((l) => l.ExtensionAmt)), {
    TaxableAmt: header.TaxableAmt ?? (linesChanged || header.NonTaxableAmt !== undefined ? undefined : order.TaxableAmt),
    NonTaxableAmt: header.NonTaxableAmt ?? (linesChanged || header.TaxableAmt !== undefined ? undefined : order.NonTaxableAmt),
    SalesTaxAmt,
  });
  Object.assign(order, header, { Lines, SalesTaxAmt }, totals, stampOf(now));
  moveReservation(books, before, order, now);
  return structuredClone(order);
};

interface OrderFilter {
  CustomerPONo?: string | undefined;
  ARDivisionNo?: string | undefined;
  CustomerNo?: string | undefined;
}

const matches = (filter: OrderFilter) => (o: { CustomerPONo: string; ARDivisionNo: string; CustomerNo: string }) =>
  (filter.CustomerPONo === undefined || o.CustomerPONo === filter.CustomerPONo) &&
  (filter.ARDivisionNo === undefined || o.ARDivisionNo === filter.ARDivisionNo) &&
  (filter.CustomerNo === undefined || o.CustomerNo === filter.CustomerNo);

type ListQuery = { DateUpdatedFrom?: string | undefined; PageSize: number; Cursor?: string | undefined };

export const listSalesOrders = ({ books }: FacadeContext, query: ListQuery & OrderFilter): Page<SalesOrder> =>
  pageOf([...books.orders.values()].filter(matches(query)), (o) => o.SalesOrderNo, query);

export const listSalesOrderHistory = ({ books }: FacadeContext, query: ListQuery & OrderFilter): Page<SalesOrderHistory> =>
  pageOf([...books.history.values()].filter(matches(query)), (o) => o.SalesOrderNo, query);

/** The history record an order leaves behind once invoiced in full. */
export const historyOf = (order: SalesOrder, lastInvoiceNo: string, now: Date): SalesOrderHistory => ({
  SalesOrderNo: order.SalesOrderNo,
  ARDivisionNo: order.ARDivisionNo,
  CustomerNo: order.CustomerNo,
  OrderDate: order.OrderDate,
  OrderType: order.OrderType,
  OrderStatus: 'C',
  CustomerPONo: order.CustomerPONo,
  ...(order.UDF_CLARITY_ORDER !== undefined ? { UDF_CLARITY_ORDER: order.UDF_CLARITY_ORDER } : {}),
  LastInvoiceNo: lastInvoiceNo,
  ...stampOf(now),
});

