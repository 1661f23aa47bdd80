export { reconcileIntacct, REQUEUE_HEADER, type ReconcileOptions } from './reconcile-intacct.js';
export { renderReport } from './report-table.js';
export { cliEnvSchema, type CliConfig } from './cli.config.js';
export { importSettlements, type SettlementImport } from './settlement-import.js';
export { readSettlementReport, type SettlementReport, type SettlementReportProblem } from './settlement-report.js';
