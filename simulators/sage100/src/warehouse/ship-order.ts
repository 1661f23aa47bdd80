import { Decimal } from 'decimal.js';
import type { Invoice, InvoiceLine, SalesOrderHistory, ShipRequest } from '../simulator-types.js';
import { dateOf, stampOf } from '../state/clock.js';
import type { CompanyBooks } from '../state/company-books.js';
import type { RecordLocks } from '../state/locks.js';
import { extensionOf, sum } from '../state/money.js';
import { moveReservation } from '../state/reservations.js';
import { boiError, SimulatorError } from '../facade/facade-error.js';
import { checkFields } from '../facade/field-rules.js';
import { historyOf } from '../facade/sales-orders.js';

/**
 * Shipping Data Entry plus invoicing: the warehouse ships some or all of what is left on an order.
 * The invoice (SO_InvoiceHeader/Detail) carries one SO_InvoiceTracking row per package; on hand
 * and on sales order go down by what shipped; an order shipped in full leaves the open file for
 * history. Freight and tax go on the first invoice.
 */
export const shipOrder = (
  books: CompanyBooks,
  locks: RecordLocks,
  request: ShipRequest,
  now: Date,
): { invoice: Invoice; history?: SalesOrderHistory } => {
  const { SalesOrderNo } = request;
  const order = books.orders.get(SalesOrderNo);
  if (!order) throw new SimulatorError('not_found', `Sales order ${SalesOrderNo} is not on file`);
  locks.assertFree(books.code, 'SalesOrder', SalesOrderNo);
  if (order.OrderStatus === 'H') throw boiError('orderOnHold', { SalesOrderNo }, 'OrderStatus');
  if (order.OrderStatus === 'C') throw boiError('orderClosed', { SalesOrderNo }, 'OrderStatus');
  const ShipVia = request.ShipVia ?? order.ShipVia;
  checkFields({ ShipVia });
  request.TrackingIDs.forEach((TrackingID) => checkFields({ TrackingID }));

  const remaining = (line: (typeof order.Lines)[number]) => new Decimal(line.QuantityOrdered).minus(line.QuantityShipped).toNumber();
  const lineKeyOf = (line: { LineKey?: string; ItemCode?: string }): string => {
    if (line.LineKey !== undefined) return line.LineKey;
    const byItem = order.Lines.find((l) => l.ItemCode === line.ItemCode && remaining(l) > 0) ?? order.Lines.find((l) => l.ItemCode === line.ItemCode);
    return byItem?.LineKey ?? `item ${line.ItemCode}`;
  };
  const wanted = new Map<string, number>(
    request.lines
      ? request.lines.map((l) => [lineKeyOf(l), l.QuantityShipped])
      : order.Lines.filter((line) => line.ItemType !== '4').map((line) => [line.LineKey, remaining(line)]),
  );
  const shipping = order.Lines.flatMap((line) => {
    const quantity = wanted.get(line.LineKey) ?? 0;
    wanted.delete(line.LineKey);
    if (quantity <= 0) return [];
    if (quantity > remaining(line)) throw boiError('overShipped', { QuantityShipped: quantity, LineKey: line.LineKey, remaining: remaining(line) }, 'QuantityShipped');
    if (line.ItemType === '1') {
      const row = books.itemWarehouse(line.ItemCode, line.WarehouseCode);
      if (!row || row.QuantityOnHand < quantity) {
        throw boiError('insufficientStock', { QuantityShipped: quantity, ItemCode: line.ItemCode, QuantityOnHand: row?.QuantityOnHand ?? 0, WarehouseCode: line.WarehouseCode }, 'QuantityShipped');
      }
    }
    return [{ line, quantity }];
  });
  const [unknownLine] = wanted.keys();
  if (unknownLine !== undefined) throw new SimulatorError('bad_request', `Sales order ${SalesOrderNo} has no line ${unknownLine}`, 'lines');
  if (shipping.length === 0) throw boiError('nothingToShip', { SalesOrderNo });

  const before = structuredClone(order);
  const firstInvoice = ![...books.invoices.values()].some((invoice) => invoice.SalesOrderNo === SalesOrderNo);
  const stamp = stampOf(now);
  const Lines: InvoiceLine[] = shipping.map(({ line, quantity }) => ({
    LineKey: line.LineKey, ItemCode: line.ItemCode, ItemType: line.ItemType, WarehouseCode: line.WarehouseCode,
    QuantityShipped: quantity, UnitPrice: line.UnitPrice, ExtensionAmt: extensionOf(quantity, line.UnitPrice, line.LineDiscountPercent),
  }));
  const invoice: Invoice = {
    InvoiceNo: books.nextInvoiceNo(),
    InvoiceDate: dateOf(now),
    InvoiceType: 'IN',
    SalesOrderNo,
    CustomerPONo: order.CustomerPONo,
    ...(order.UDF_CLARITY_ORDER !== undefined ? { UDF_CLARITY_ORDER: order.UDF_CLARITY_ORDER } : {}),
    ARDivisionNo: order.ARDivisionNo,
    CustomerNo: order.CustomerNo,
    ShipVia,
    ShipDate: dateOf(now),
    FreightAmt: firstInvoice ? order.FreightAmt : 0,
    SalesTaxAmt: firstInvoice ? order.SalesTaxAmt : 0,
    Lines,
    Tracking: request.TrackingIDs.map((TrackingID, index) => ({ PackageNo: String(index + 1).padStart(4, '0'), TrackingID })),
    ...stamp,
  };
  books.invoices.set(invoice.InvoiceNo, invoice);

  for (const { line, quantity } of shipping) {
    line.QuantityShipped = new Decimal(line.QuantityShipped).plus(quantity).toNumber();
    if (line.ItemType !== '1') continue;
    const row = books.itemWarehouse(line.ItemCode, line.WarehouseCode)!;
    Object.assign(row, { QuantityOnHand: new Decimal(row.QuantityOnHand).minus(quantity).toNumber() }, stamp);
    books.refreshItemTotal(line.ItemCode, now);
  }
  const customer = books.customer(order.ARDivisionNo, order.CustomerNo);
  if (customer) {
    const total = sum([...Lines.map((l) => l.ExtensionAmt), invoice.FreightAmt, invoice.SalesTaxAmt]);
    Object.assign(customer, { CurrentBalance: new Decimal(customer.CurrentBalance).plus(total).toNumber() }, stamp);
  }

  const complete = order.Lines.every((line) => line.ItemType === '4' || line.QuantityShipped >= line.QuantityOrdered);
  if (complete) {
    books.orders.delete(SalesOrderNo);
    moveReservation(books, before, undefined, now);
    const history = historyOf(order, invoice.InvoiceNo, now);
    books.history.set(SalesOrderNo, history);
    return { invoice: structuredClone(invoice), history: structuredClone(history) };
  }
  Object.assign(order, { OrderStatus: 'O' }, stamp);
  moveReservation(books, before, order, now);
  return { invoice: structuredClone(invoice) };
};
