export { createIntacctSource } from './intacct-source.app.js';
export { StockChanges } from './stock-changes.js';
