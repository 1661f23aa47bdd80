export { reconcileIntacct, REQUEUE_HEADER, type ReconcileOptions } from './reconcile-intacct.js';
export { renderReport } from './report-table.js';
export { cliEnvSchema, type CliConfig } from './cli.config.js';
export { importSettlements, type SettlementImport } from './settlement-import.js';
export { readSettlementReport, type SettlementReport, type SettlementReportProblem } from './settlement-report.js';
export { remapClarityWebhooks, renderRemapReport, REMAPPED_FROM_HEADER, type RemapOptions, type RemapReport, type RemapInvalid } from './clarity-remap.js';
export { reconcileSage100, renderSage100Report, listHeldSage100Orders, renderHeldOrders, sage100CliEnvSchema, type ReconcileSage100Options, type HeldOrderRow } from './reconcile-sage100.js';
export { reconcileSalesforce, renderSalesforceReport, salesforceCliEnvSchema, type ReconcileSalesforceOptions, type SalesforceCliConfig } from './reconcile-salesforce.js';
