import type { OrderReturn } from '@tributary/canonical-model';
import type { IntacctSalesOrder } from '@tributary/connectors-intacct';
import { err, IntegrationError, ok, type Result } from '@tributary/core';
import { convert, type ItemResolver, type MappingConfig } from '@tributary/mapping-core';
import { Decimal } from 'decimal.js';
import { formatMoney, parseMoney } from './money.js';

const invalidReturn = (ret: OrderReturn, code: string, message: string, details: Record<string, unknown> = {}) =>
  IntegrationError.permanent(code, `Return ${ret.returnId}: ${message}`, { returnId: ret.returnId, orderId: ret.orderId, ...details });

/** What the credit memo is created from: the order's document and the customer it was booked to. */
export interface CreditMemoOrigin {
  /** DOCID of the original document, e.g. "Sales Invoice-INV0042". */
  readonly documentKey: string;
  readonly customerId: string;
}

/**
 * A return as a credit memo created from the order's document (`createdfrom`), so Intacct links
 * it to the original and refuses to credit more than was sold. Lines credit quantity × net unit
 * price; refunded tax and shipping travel as subtotals. Pure: the memo's total is exactly the
 * return's refundTotal, or a typed mapping error.
 */
export const toIntacctCreditMemo = (ret: OrderReturn, origin: CreditMemoOrigin, rules: { readonly mapping: MappingConfig; readonly items: ItemResolver }): Result<IntacctSalesOrder, IntegrationError> => {
  const { mapping } = rules;
  if (!/^[A-Z]{3}$/.test(ret.currency)) return err(invalidReturn(ret, 'MAPPING.INVALID_CURRENCY', `currency '${ret.currency}' is not an ISO 4217 code`, { path: 'currency' }));
  if (ret.lines.length === 0) return err(invalidReturn(ret, 'MAPPING.NO_LINES', 'has no lines'));
  const day = new Date(ret.createdAt);
  if (Number.isNaN(day.getTime())) return err(invalidReturn(ret, 'MAPPING.INVALID_DATE', `createdAt ${ret.createdAt} is not a valid time`, { path: 'createdAt' }));

  const lines: IntacctSalesOrder['lines'] = [];
  let linesTotal = new Decimal(0);
  let tax = new Decimal(0);
  for (const [index, line] of ret.lines.entries()) {
    const path = `lines[${index}]`;
    if (!Number.isInteger(line.quantity) || line.quantity <= 0) return err(invalidReturn(ret, 'MAPPING.INVALID_LINE', `${path}.quantity ${line.quantity} is not a positive whole number`, { path: `${path}.quantity` }));
    const price = parseMoney(line.unitPrice);
    const lineTax = parseMoney(line.tax);
    if (!price || price.isNegative()) return err(invalidReturn(ret, 'MAPPING.INVALID_AMOUNT', `${path}.unitPrice '${line.unitPrice}' is not a non-negative amount`, { path: `${path}.unitPrice` }));
    if (!lineTax || lineTax.isNegative()) return err(invalidReturn(ret, 'MAPPING.INVALID_AMOUNT', `${path}.tax '${line.tax}' is not a non-negative amount`, { path: `${path}.tax` }));
    const item = rules.items.resolve(line.sku);
    if (!item.ok) return err(new IntegrationError(item.error.code, `Return ${ret.returnId}, ${path}.sku: ${item.error.message}`, item.error.transient, { ...item.error.details, returnId: ret.returnId, path: `${path}.sku` }));
    lines.push({ itemId: item.value.itemId, quantity: line.quantity, price: formatMoney(price), warehouseId: mapping.company.defaultWarehouse, ...(line.restock ? {} : { memo: 'not restocked' }) });
    linesTotal = linesTotal.plus(price.times(line.quantity));
    tax = tax.plus(lineTax);
  }
  const shipping = parseMoney(ret.shippingRefund);
  if (!shipping || shipping.isNegative()) return err(invalidReturn(ret, 'MAPPING.INVALID_AMOUNT', `shippingRefund '${ret.shippingRefund}' is not a non-negative amount`, { path: 'shippingRefund' }));
  const total = linesTotal.plus(tax).plus(shipping);
  if (!total.equals(ret.refundTotal)) {
    return err(invalidReturn(ret, 'MAPPING.TOTALS_MISMATCH', `lines, tax and shipping add up to ${formatMoney(total)}, but the refund total is ${ret.refundTotal}`, { path: 'refundTotal' }));
  }

  let exchange: Pick<IntacctSalesOrder, 'baseCurrency' | 'exchangeRate' | 'exchangeRateDate'> = {};
  if (ret.currency !== mapping.company.baseCurrency) {
    if (!mapping.exchangeRates) return err(invalidReturn(ret, 'MAPPING.NO_EXCHANGE_RATE', `is in ${ret.currency} but the mapping file has no exchangeRates table`, { path: 'currency' }));
    const conversion = convert('1', ret.currency, mapping.company.baseCurrency, day.toISOString().slice(0, 10), mapping.exchangeRates);
    if (!conversion.ok) return conversion;
    const [year, month, dayOfMonth] = conversion.value.rateDate.split('-').map(Number) as [number, number, number];
    exchange = { baseCurrency: mapping.company.baseCurrency, exchangeRate: conversion.value.rate, exchangeRateDate: { year, month, day: dayOfMonth } };
  }

  return ok({
    transactionType: mapping.returns.intacctTransactionType,
    dateCreated: { year: day.getUTCFullYear(), month: day.getUTCMonth() + 1, day: day.getUTCDate() },
    createdFrom: origin.documentKey,
    customerId: origin.customerId,
    referenceNo: ret.returnNumber,
    externalId: ret.returnId,
    currency: ret.currency,
    ...exchange,
    message: `Clarity return ${ret.returnNumber} of order ${ret.orderNumber}${ret.reason ? `: ${ret.reason}` : ''}`.slice(0, 1000),
    lines,
    subtotals: [
      ...(shipping.isZero() ? [] : [{ description: 'Shipping', total: formatMoney(shipping) }]),
      ...(tax.isZero() ? [] : [{ description: 'Tax', total: formatMoney(tax) }]),
    ],
  });
};
