export { reconcileIntacct, REQUEUE_HEADER, type ReconcileOptions } from './reconcile-intacct.js';
export { renderReport } from './report-table.js';
export { cliEnvSchema, type CliConfig } from './cli.config.js';
