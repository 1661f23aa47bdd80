import { Decimal } from 'decimal.js';
import type { Order } from '@tributary/canonical-model';
import type { Sage100NewSalesOrder, Sage100SalesOrderLineInput } from '@tributary/connectors-sage100';
import { err, IntegrationError, ok, type Result } from '@tributary/core';
import { holds, paymentMapping, routeEntity, statusMap, type ItemResolver, type MappingConfig } from '@tributary/mapping-core';
import { customerPoNo } from './customer-po.js';
import { countryCode3, fit, sageDate } from './text.js';

/** The company's mapping file and its item resolver (SKU → ItemCode with aliases). */
export interface Sage100CompanyRules {
  readonly mapping: MappingConfig;
  readonly items: ItemResolver;
}

/** An item line with the SKU it came from (stock checks and shipments speak SKUs). */
export type PlannedLine = Sage100SalesOrderLineInput & { readonly sku: string; readonly lineId: string; readonly ItemCode: string; readonly WarehouseCode: string };

/** The Sage 100 sales order an order stands for, before its customer is known. */
export interface Sage100OrderPlan {
  /** Company code (X-Company-Code) the routing rules chose. */
  readonly company: string;
  readonly route: string;
  readonly customerPoNo: string;
  readonly header: Omit<Sage100NewSalesOrder, 'CustomerNo' | 'Lines'>;
  readonly lines: readonly PlannedLine[];
  /** Freight and tax as miscellaneous charge lines (ItemType 5) when the rules say so. */
  readonly charges: readonly Sage100SalesOrderLineInput[];
  /** The Clarity grand total the Sage order adds up to. */
  readonly total: string;
  readonly storeId: string;
}

const money = (value: Decimal.Value) => new Decimal(value).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
const mappingError = (order: Order, code: string, message: string, details: Record<string, unknown> = {}) =>
  IntegrationError.permanent(code, `order ${order.orderNumber}: ${message}`, { orderId: order.orderId, ...details });

/**
 * A line discount as Sage's LineDiscountPercent (3 decimals) when that percent reproduces the
 * line total to the cent; otherwise null and the discount goes to the header's DiscountAmt.
 */
export const linePercent = (quantity: number, unitPrice: string, discount: string, lineTotal: string): number | null => {
  const gross = new Decimal(unitPrice).times(quantity);
  if (new Decimal(discount).isZero()) return 0;
  if (gross.isZero()) return null;
  const percent = new Decimal(discount).div(gross).times(100).toDecimalPlaces(3, Decimal.ROUND_HALF_UP);
  const extension = money(gross.times(new Decimal(1).minus(percent.div(100))));
  return extension.equals(money(lineTotal)) ? percent.toNumber() : null;
};

/** The warehouse an order ships from: the first fulfilment rule that holds, else the default; then its Sage code. */
export const warehouseCodeFor = async (order: Order, mapping: MappingConfig): Promise<string> => {
  let location = mapping.company.defaultWarehouse;
  for (const rule of mapping.inventory.fulfilment) {
    if (await holds(rule.when, order, rule.name)) { location = rule.locationId; break; }
  }
  return mapping.sage100.warehouses[location] ?? mapping.sage100.defaultWarehouseCode;
};

/**
 * A canonical order as a Sage 100 sales order (pure, apart from evaluating the mapping file's
 * JSONata rules): company by routing rule, header codes (ShipVia, TermsCode, TaxSchedule,
 * PaymentType, OrderStatus by the status map), lines (ItemCode by the item resolver,
 * WarehouseCode, quantity, price, discount), freight and tax as header amounts or charge lines.
 * The result adds up to the order's grand total, or it is a typed mapping error.
 */
export const toSage100SalesOrder = async (order: Order, company: Sage100CompanyRules): Promise<Result<Sage100OrderPlan, IntegrationError>> => {
  const { mapping } = company;
  const rules = mapping.sage100;
  if (order.lines.length === 0) return err(mappingError(order, 'MAPPING.NO_LINES', 'has no lines'));
  const route = await routeEntity(mapping, order);
  const companyCode = route.sage100Company ?? mapping.company.defaultSage100Company;
  if (!companyCode) return err(IntegrationError.transient('MAPPING.INVALID_RULES', 'no Sage 100 company: set company.defaultSage100Company or an entityRouting rule', {}));
  const warehouse = await warehouseCodeFor(order, mapping);

  const lines: PlannedLine[] = [];
  let headerDiscount = new Decimal(0);
  for (const line of order.lines) {
    const item = company.items.resolve(line.sku);
    if (!item.ok) return err(new IntegrationError(item.error.code, `order ${order.orderNumber}: ${item.error.message}`, false, { ...item.error.details, orderId: order.orderId, lineId: line.lineId }));
    const percent = linePercent(line.quantity, line.unitPrice, line.discount, line.lineTotal);
    if (percent === null) headerDiscount = headerDiscount.plus(line.discount);
    lines.push({
      sku: line.sku, lineId: line.lineId,
      ItemCode: item.value.itemId, ItemType: '1',
      ...(line.description ? { ItemCodeDesc: fit(line.description, 30) } : {}),
      WarehouseCode: warehouse,
      QuantityOrdered: line.quantity,
      UnitPrice: new Decimal(line.unitPrice).toNumber(),
      ...(percent ? { LineDiscountPercent: percent } : {}),
    });
  }
  const lineDiscounts = order.lines.reduce((sum, l) => sum.plus(l.discount), new Decimal(0));
  const orderDiscount = Decimal.max(0, new Decimal(order.totals.discountTotal).minus(lineDiscounts));
  headerDiscount = headerDiscount.plus(orderDiscount);

  const freight = money(order.totals.shippingTotal);
  const tax = money(order.totals.taxTotal);
  const charges: Sage100SalesOrderLineInput[] = [];
  if (rules.freight.as === 'line' && !freight.isZero()) charges.push({ ItemCode: rules.freight.itemCode, ItemType: '5', ItemCodeDesc: fit(order.shipping.method ?? 'Freight', 30), QuantityOrdered: 1, UnitPrice: freight.toNumber() });
  if (rules.tax.as === 'line' && !tax.isZero()) charges.push({ ItemCode: rules.tax.itemCode, ItemType: '5', ItemCodeDesc: 'Sales tax', QuantityOrdered: 1, UnitPrice: tax.toNumber() });

  // What Sage will total: line extensions + charge lines + freight + tax − discount.
  const extensions = lines.reduce((sum, l) => sum.plus(money(new Decimal(l.UnitPrice ?? 0).times(l.QuantityOrdered).times(new Decimal(1).minus(new Decimal(l.LineDiscountPercent ?? 0).div(100))))), new Decimal(0));
  const sageTotal = extensions.plus(freight).plus(tax).minus(headerDiscount);
  if (!sageTotal.equals(money(order.totals.grandTotal))) {
    return err(mappingError(order, 'MAPPING.TOTALS_MISMATCH', `lines ${extensions.toFixed(2)} + freight ${freight.toFixed(2)} + tax ${tax.toFixed(2)} − discount ${headerDiscount.toFixed(2)} = ${sageTotal.toFixed(2)}, not the grand total ${order.totals.grandTotal}`));
  }

  let paymentType: string | undefined;
  if (order.payment) {
    const method = paymentMapping(mapping, order.payment.method);
    if (!method.ok) return err(mappingError(order, method.error.code, method.error.message, { path: 'payment.method' }));
    paymentType = method.value.sage100PaymentType;
  }
  const shipVia = (order.shipping.method ? rules.shipVia[order.shipping.method] : undefined) ?? rules.defaultShipVia;
  const status = statusMap(mapping, 'sage100').toTarget(order.status) as 'N' | 'O' | 'C' | 'H' | undefined;
  const ship = order.shippingAddress;
  const po = customerPoNo(order.orderNumber);

  return ok({
    company: companyCode,
    route: route.route,
    customerPoNo: po,
    total: money(order.totals.grandTotal).toFixed(2),
    storeId: order.storeId ?? 'default',
    lines,
    charges,
    header: {
      ARDivisionNo: rules.arDivisionNo,
      OrderDate: sageDate(order.orderedAt),
      OrderType: 'S',
      ...(status === 'N' || status === 'O' ? { OrderStatus: status } : {}),
      CustomerPONo: po,
      ShipToName: fit(ship.name ?? `${order.customer.firstName} ${order.customer.lastName}`, 30),
      ShipToAddress1: fit(ship.line1, 30),
      ...(ship.line2 ? { ShipToAddress2: fit(ship.line2, 30) } : {}),
      ShipToCity: fit(ship.city, 20),
      ...(ship.region ? { ShipToState: fit(ship.region, 2) } : {}),
      ShipToZipCode: fit(ship.postalCode, 10),
      ShipToCountryCode: countryCode3(ship.country),
      ...(shipVia ? { ShipVia: shipVia } : {}),
      ...(rules.termsCode ? { TermsCode: rules.termsCode } : {}),
      ...(rules.taxSchedule ? { TaxSchedule: rules.taxSchedule } : {}),
      ...(paymentType ? { PaymentType: paymentType } : {}),
      EmailAddress: fit(order.customer.email, 250),
      Comment: fit(`Clarity ${order.orderNumber}`, 30),
      ...(rules.freight.as === 'header' ? { FreightAmt: freight.toNumber() } : {}),
      ...(rules.tax.as === 'header' ? { SalesTaxAmt: tax.toNumber() } : {}),
      ...(headerDiscount.isZero() ? {} : { DiscountAmt: money(headerDiscount).toNumber() }),
      UDF_CLARITY_ORDER: fit(order.orderNumber, 50),
    },
  });
};

/** The order as sent: header, customer and lines (item lines then charges), for one Sage order of the plan. */
export const salesOrderRequest = (
  plan: Sage100OrderPlan,
  customerNo: string,
  part: { lines: readonly PlannedLine[]; orderType?: 'S' | 'B'; customerPoNo?: string; onHold?: boolean; withCharges?: boolean } = { lines: plan.lines },
): Sage100NewSalesOrder => {
  const withCharges = part.withCharges ?? true;
  const { OrderStatus, FreightAmt, SalesTaxAmt, DiscountAmt, ...header } = plan.header;
  return {
    ...header,
    CustomerNo: customerNo,
    OrderType: part.orderType ?? 'S',
    CustomerPONo: part.customerPoNo ?? plan.customerPoNo,
    ...(part.onHold ? { OrderStatus: 'H' as const } : OrderStatus ? { OrderStatus } : {}),
    // Freight, tax and the order discount belong to the first Sage order of a split.
    ...(withCharges && FreightAmt !== undefined ? { FreightAmt } : {}),
    ...(withCharges && SalesTaxAmt !== undefined ? { SalesTaxAmt } : {}),
    ...(withCharges && DiscountAmt !== undefined ? { DiscountAmt } : {}),
    Lines: [...part.lines.map(({ sku: _sku, lineId: _lineId, ...line }) => line), ...(withCharges ? plan.charges : [])],
  };
};

/** What a Sage 100 order adds up to: line extensions, freight and tax, less the discount. */
export const sage100OrderTotal = (order: { Lines: ReadonlyArray<{ ExtensionAmt: number }>; FreightAmt: number; SalesTaxAmt: number; DiscountAmt: number }): string =>
  money(order.Lines.reduce((sum, l) => sum.plus(l.ExtensionAmt), new Decimal(0)).plus(order.FreightAmt).plus(order.SalesTaxAmt).minus(order.DiscountAmt)).toFixed(2);
