// Shared, pure mapping helpers every connector uses (issue 3): mapping files and JSONata rules,
// SKU → item ids, money (currency, rates, allocation, tax, totals), addresses and dedupe keys,
// anomaly scoring, and field-mapping suggestions.
export * from './config/index.js';
export * from './items/index.js';
export * from './money/index.js';
export * from './customers/index.js';
export * from './anomaly/index.js';
export * from './suggestions/index.js';
