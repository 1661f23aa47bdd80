/** Stable codes for money mapping failures; all are permanent (retrying cannot fix the data). */
export const moneyErrorCodes = {
  unknownCurrency: 'MAPPING.UNKNOWN_CURRENCY',
  invalidAmount: 'MAPPING.INVALID_AMOUNT',
  negativeAmount: 'MAPPING.NEGATIVE_AMOUNT',
  invalidQuantity: 'MAPPING.INVALID_QUANTITY',
  invalidTotals: 'MAPPING.INVALID_TOTALS',
  invalidDate: 'MAPPING.INVALID_DATE',
  noExchangeRate: 'MAPPING.NO_EXCHANGE_RATE',
  nothingToAllocate: 'MAPPING.NOTHING_TO_ALLOCATE',
  missingField: 'MAPPING.MISSING_FIELD',
} as const;
