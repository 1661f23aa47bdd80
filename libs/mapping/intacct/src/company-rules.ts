import type { Order } from '@tributary/canonical-model';
import type { IntacctSalesOrder } from '@tributary/connectors-intacct';
import { err, IntegrationError, ok, type Result } from '@tributary/core';
import { Decimal } from 'decimal.js';
import { formatMoney } from './money.js';
import { convert, normaliseLineAmounts, salesDocumentType, validateOrderTotals, resolveDimensions, routeEntity, standardiseAddress, statusMap, type ItemResolver, type MappingConfig, type StandardAddress } from '@tributary/mapping-core';

/** The company's mapping file, compiled once at start. */
export interface CompanyRules {
  readonly mapping: MappingConfig;
  readonly items: ItemResolver;
}

/** What the sink sends, to which entity, and which rules decided it (for the log and the review queue). */
export interface SalesOrderPlan {
  readonly document: IntacctSalesOrder;
  /** Intacct entity of a multi-entity company; undefined = the company's top level. */
  readonly entityId: string | undefined;
  readonly appliedRules: readonly string[];
}

const utcDay = (epochMs: number) => new Date(epochMs).toISOString().slice(0, 10);

const shipToLine = (address: StandardAddress): string =>
  [address.name, address.line1, address.line2, [address.city, address.region, address.postalCode].filter(Boolean).join(' '), address.country]
    .filter(Boolean)
    .join(', ');

/**
 * Applies the company's mapping file to a base sales order: validation of the order's amounts,
 * SKU → ITEMID (exact, alias, fuzzy
 * above the threshold, else MAPPING.UNMAPPED_SKU with suggestions), dimension rules on every
 * line, entity routing, Clarity status → document state, the exchange rate of the order day
 * when the order is not in the base currency, the default warehouse, and a standardised ship-to
 * in the memo. Rules see the order with standardised addresses (country and region codes).
 * Pure (JSONata evaluation is asynchronous, hence the Promise).
 */
export const applyCompanyRules = async (order: Order, base: IntacctSalesOrder, rules: CompanyRules): Promise<Result<SalesOrderPlan, IntegrationError>> => {
  const { mapping, items } = rules;
  const applied: string[] = [];
  // Finance-grade checks first: every amount a number, not negative, and the totals reconcile.
  const totals = validateOrderTotals({ currency: order.currency, lines: order.lines, shipping: order.shipping.amount, totals: order.totals });
  if (!totals.ok) return totals;
  const subtotals = documentSubtotals(order);
  if (!subtotals.ok) return subtotals;
  // Rules are written against clean data ("country = 'CA'"), so they see standardised addresses.
  const shipTo = standardiseAddress(order.shippingAddress);
  const billTo = standardiseAddress(order.billingAddress);
  const subject: Order = { ...order, ...(shipTo.ok ? { shippingAddress: shipTo.value } : {}), ...(billTo.ok ? { billingAddress: billTo.value } : {}) };

  const lines: IntacctSalesOrder['lines'] = [];
  for (const [index, line] of base.lines.entries()) {
    const item = items.resolve(line.itemId);
    if (!item.ok) return err(withPath(item.error, `lines[${index}].sku`, order.orderId));
    if (item.value.reason !== 'exact') applied.push(`item ${line.itemId} → ${item.value.itemId} (${item.value.reason}, ${item.value.confidence})`);
    lines.push({ ...line, itemId: item.value.itemId, warehouseId: line.warehouseId ?? mapping.company.defaultWarehouse });
  }

  const { dimensions, matched } = await resolveDimensions(mapping.dimensions, subject);
  applied.push(...matched.map((name) => `dimension rule: ${name}`));
  const withDimensions = lines.map((line) => ({
    ...line,
    ...(dimensions.DEPARTMENTID ? { departmentId: dimensions.DEPARTMENTID } : {}),
    ...(dimensions.LOCATIONID ? { locationId: dimensions.LOCATIONID } : {}),
    ...(dimensions.PROJECTID ? { projectId: dimensions.PROJECTID } : {}),
    ...(dimensions.CLASSID ? { classId: dimensions.CLASSID } : {}),
    ...(dimensions.CUSTOMERID ? { customerDimensionId: dimensions.CUSTOMERID } : {}),
  }));

  const documentType = await salesDocumentType(mapping.salesDocuments, subject);
  if (documentType) applied.push(`document type: ${documentType.rule} → ${documentType.transactionType}`);

  const route = await routeEntity(mapping, subject);
  applied.push(`entity route: ${route.route}`);

  const state = statusMap(mapping, 'intacct').toTarget(order.status) as IntacctSalesOrder['state'];

  let exchange: Pick<IntacctSalesOrder, 'baseCurrency' | 'exchangeRate' | 'exchangeRateDate'> = {};
  if (order.currency !== mapping.company.baseCurrency) {
    if (!mapping.exchangeRates) {
      return err(missingRates(order));
    }
    const conversion = convert('1', order.currency, mapping.company.baseCurrency, utcDay(order.orderedAt), mapping.exchangeRates);
    if (!conversion.ok) return conversion;
    const [year, month, day] = conversion.value.rateDate.split('-').map(Number) as [number, number, number];
    exchange = { baseCurrency: mapping.company.baseCurrency, exchangeRate: conversion.value.rate, exchangeRateDate: { year, month, day } };
    applied.push(`exchange rate ${order.currency}→${mapping.company.baseCurrency} ${conversion.value.rate} of ${conversion.value.rateDate}`);
  }

  const message = shipTo.ok ? `Clarity order ${order.orderNumber}. Ship to: ${shipToLine(shipTo.value)}`.slice(0, 1000) : `Clarity order ${order.orderNumber}`;

  return ok({
    document: { ...base, subtotals: subtotals.value, ...(documentType ? { transactionType: documentType.transactionType } : {}), ...exchange, message, ...(state ? { state } : {}), ...(dimensions.PROJECTID ? { projectId: dimensions.PROJECTID } : {}), lines: withDimensions },
    entityId: route.intacctEntity,
    appliedRules: applied,
  });
};

/**
 * Discount, shipping and tax as the document's subtotal lines, from the tax normalisation in
 * mapping-core (line and order-level tax, shipping tax kept apart then posted with the tax).
 */
const documentSubtotals = (order: Order): Result<IntacctSalesOrder['subtotals'], IntegrationError> => {
  const normalised = normaliseLineAmounts(
    order.lines.map((line) => ({ quantity: line.quantity, unitPrice: line.unitPrice, discount: line.discount, tax: line.tax })),
    { currency: order.currency, pricesIncludeTax: false, shipping: { amount: order.shipping.amount, tax: '0' } },
  );
  if (!normalised.ok) return normalised;
  const { discountTotal, shippingTotal, taxTotal, shippingTax } = normalised.value.totals;
  const discount = new Decimal(discountTotal);
  const shipping = new Decimal(shippingTotal);
  const tax = new Decimal(taxTotal).plus(shippingTax);
  return ok([
    ...(discount.isZero() ? [] : [{ description: 'Discount', total: formatMoney(discount.negated()) }]),
    ...(shipping.isZero() ? [] : [{ description: 'Shipping', total: formatMoney(shipping) }]),
    ...(tax.isZero() ? [] : [{ description: 'Tax', total: formatMoney(tax) }]),
  ]);
};

const withPath = (error: IntegrationError, path: string, orderId: string): IntegrationError =>
  new IntegrationError(error.code, `Order ${orderId}, ${path}: ${error.message}`, error.transient, { ...error.details, path, orderId }, { cause: error });

const missingRates = (order: Order): IntegrationError =>
  IntegrationError.permanent('MAPPING.NO_EXCHANGE_RATE', `Order ${order.orderId} is in ${order.currency} but the mapping file has no exchangeRates table`, { orderId: order.orderId, path: 'currency' });
