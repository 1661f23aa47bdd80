export { moneyErrorCodes } from './error-codes.js';
export { minorUnits, currencyMinorUnits, isKnownCurrency, roundMoney } from './currency.js';
export { exchangeRateSchema, exchangeRateTableSchema, type ExchangeRate, type ExchangeRateTable } from './exchange-rate-table.schema.js';
export { convert, type Conversion } from './convert.js';
export { allocateProportionally } from './allocate-proportionally.js';
export {
  normaliseLineAmounts,
  type LineAmountsInput,
  type ShippingInput,
  type NormaliseOptions,
  type NormalisedLine,
  type NormalisedTotals,
  type NormalisedAmounts,
} from './normalise-line-amounts.js';
export { validateOrderTotals, type OrderAmounts, type OrderLineAmounts, type OrderTotals, type TotalsProblem } from './validate-order-totals.js';
export { requireFields } from './require-fields.js';
