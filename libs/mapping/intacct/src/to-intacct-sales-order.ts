import type { Order, OrderLine } from '@tributary/canonical-model';
import type { IntacctDate, IntacctSalesOrder, IntacctSalesOrderLine } from '@tributary/connectors-intacct';
import { err, ok, type IntegrationError, type Result } from '@tributary/core';
import type { Decimal } from 'decimal.js';
import { invalidOrder, invalidRules, MappingErrorCode } from './mapping-error.js';
import type { IntacctOrderMappingRules } from './mapping-rules.js';
import { formatMoney, parseMoney } from './money.js';
import { intacctDocumentTotal, salesOrderSubtotals, type OrderAmounts } from './sales-order-totals.js';

const present = (value: string | null | undefined): value is string => typeof value === 'string' && value.trim() !== '';

/** A non-negative exact amount, or the error naming the field. */
const amount = (value: string, field: string, orderId: string): Result<Decimal, IntegrationError> => {
  const parsed = parseMoney(value);
  return parsed && !parsed.isNegative()
    ? ok(parsed)
    : err(invalidOrder(MappingErrorCode.invalidAmount, `Order ${orderId}: ${field} '${value}' is not a non-negative decimal amount`, { orderId, field, value }));
};

/** The order date as the calendar day in UTC, so every service books it on the same day. */
const utcDate = (epochMs: number): IntacctDate | undefined => {
  if (!Number.isFinite(epochMs)) return undefined;
  const date = new Date(epochMs);
  if (Number.isNaN(date.getTime())) return undefined;
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
};

const intacctCustomerId = (order: Order, rules: IntacctOrderMappingRules): Result<string, IntegrationError> => {
  if (rules.customerId.from === 'fixed') {
    return present(rules.customerId.fixedId) ? ok(rules.customerId.fixedId) : err(invalidRules('customerId.fixedId is required when from is "fixed"'));
  }
  const id = order.customer.customerId;
  return present(id)
    ? ok(`${rules.customerId.prefix ?? ''}${id}`)
    : err(invalidOrder(MappingErrorCode.missingField, `Order ${order.orderId}: customer.customerId is empty`, { orderId: order.orderId, field: 'customer.customerId' }));
};

interface MappedLine {
  line: IntacctSalesOrderLine;
  amounts: OrderAmounts['lines'][number];
}

const mapLine = (source: OrderLine, index: number, order: Order, rules: IntacctOrderMappingRules): Result<MappedLine, IntegrationError> => {
  const where = `lines[${index}]`;
  const context = { orderId: order.orderId, lineId: source.lineId };
  if (!present(source.sku)) {
    return err(invalidOrder(MappingErrorCode.missingField, `Order ${order.orderId}: ${where}.sku is empty`, { ...context, field: `${where}.sku` }));
  }
  if (!Number.isInteger(source.quantity) || source.quantity <= 0) {
    return err(invalidOrder(MappingErrorCode.invalidLine, `Order ${order.orderId}: ${where}.quantity ${source.quantity} is not a positive whole number`, { ...context, field: `${where}.quantity` }));
  }
  const unitPrice = amount(source.unitPrice, `${where}.unitPrice`, order.orderId);
  if (!unitPrice.ok) return unitPrice;
  const discount = amount(source.discount, `${where}.discount`, order.orderId);
  if (!discount.ok) return discount;

  return ok({
    line: {
      itemId: source.sku,
      ...(present(source.description) ? { itemDesc: source.description } : {}),
      quantity: source.quantity,
      ...(rules.unit ? { unit: rules.unit } : {}),
      price: formatMoney(unitPrice.value),
      ...(rules.warehouseId ? { warehouseId: rules.warehouseId } : {}),
    },
    amounts: { quantity: source.quantity, unitPrice: unitPrice.value, discount: discount.value },
  });
};

/**
 * A canonical order as an Intacct `create_sotransaction`. Pure: a document whose Intacct total is
 * exactly the order's grand total, or a typed mapping error.
 */
export const toIntacctSalesOrder = (order: Order, rules: IntacctOrderMappingRules): Result<IntacctSalesOrder, IntegrationError> => {
  const orderId = order.orderId;
  for (const [field, value] of [['orderId', order.orderId], ['orderNumber', order.orderNumber]] as const) {
    if (!present(value)) return err(invalidOrder(MappingErrorCode.missingField, `Order ${orderId}: ${field} is empty`, { orderId, field }));
  }
  const dateCreated = utcDate(order.orderedAt);
  if (!dateCreated) {
    return err(invalidOrder(MappingErrorCode.invalidDate, `Order ${orderId}: orderedAt ${order.orderedAt} is not a valid time`, { orderId, field: 'orderedAt' }));
  }
  if (!/^[A-Z]{3}$/.test(order.currency)) {
    return err(invalidOrder(MappingErrorCode.invalidCurrency, `Order ${orderId}: currency '${order.currency}' is not an ISO 4217 code`, { orderId, field: 'currency' }));
  }
  if (order.lines.length === 0) return err(invalidOrder(MappingErrorCode.noLines, `Order ${orderId} has no lines`, { orderId }));

  const customerId = intacctCustomerId(order, rules);
  if (!customerId.ok) return customerId;

  const mapped: MappedLine[] = [];
  for (const [index, line] of order.lines.entries()) {
    const result = mapLine(line, index, order, rules);
    if (!result.ok) return result;
    mapped.push(result.value);
  }
  const shipping = amount(order.shipping.amount, 'shipping.amount', orderId);
  if (!shipping.ok) return shipping;
  const tax = amount(order.totals.taxTotal, 'totals.taxTotal', orderId);
  if (!tax.ok) return tax;
  const grandTotal = amount(order.totals.grandTotal, 'totals.grandTotal', orderId);
  if (!grandTotal.ok) return grandTotal;

  const amounts: OrderAmounts = { lines: mapped.map((m) => m.amounts), shipping: shipping.value, tax: tax.value };
  const subtotals = salesOrderSubtotals(amounts);
  const documentTotal = intacctDocumentTotal(amounts, subtotals);
  if (!documentTotal.equals(grandTotal.value)) {
    return err(
      invalidOrder(
        MappingErrorCode.totalsMismatch,
        `Order ${orderId}: lines, discounts, shipping and tax add up to ${formatMoney(documentTotal)}, but the grand total is ${order.totals.grandTotal}`,
        { orderId, computedTotal: formatMoney(documentTotal), grandTotal: order.totals.grandTotal, subtotals },
      ),
    );
  }

  const shippingMethod = order.shipping.method ? rules.shippingMethods?.[order.shipping.method] : undefined;
  return ok({
    transactionType: rules.transactionType,
    dateCreated,
    customerId: customerId.value,
    referenceNo: order.orderNumber,
    externalId: orderId,
    ...(shippingMethod ? { shippingMethod } : {}),
    currency: order.currency,
    // Exchange rate left to Intacct's daily rate for the document date.
    ...(order.currency !== rules.baseCurrency ? { baseCurrency: rules.baseCurrency } : {}),
    lines: mapped.map((m) => m.line),
    subtotals,
  });
};
