#!/usr/bin/env node
import { Command, InvalidArgumentError } from 'commander';
import { ConfigError, loadConfig } from '@tributary/config';
import { createLogger } from '@tributary/observability';
import { cliEnvSchema } from './cli.config.js';
import { reconcileIntacct } from './reconcile-intacct.js';
import { renderReport } from './report-table.js';

const time = (value: string): number => {
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw new InvalidArgumentError(`expected an ISO date or time such as 2026-11-25 or 2026-11-25T10:00:00Z, got "${value}"`);
  return ms;
};

const program = new Command('tributary').description('Operate Tributary: reconciliation (and, as they land, DLQ and replay commands).').showHelpAfterError();
const reconcile = program.command('reconcile').description('compare what Kafka says happened with what an ERP holds');

reconcile
  .command('intacct')
  .description('orders in commerce.order.v1 vs sales documents in Sage Intacct: missing, duplicate, mismatched, orphan')
  .requiredOption('--from <time>', 'start of the period (ISO date or time, UTC)', time)
  .option('--to <time>', 'end of the period (default: now)', time)
  .option('--types <list>', 'transaction definitions to compare', 'Sales Order,Sales Invoice')
  .option('--json', 'print the report as JSON')
  .option('--requeue-missing', 're-publish the orders whose document is missing (safe: the sink is idempotent)')
  .addHelpText('after', '\nSettings come from the environment, as for the services: KAFKA_BROKERS, SCHEMA_REGISTRY_URL, TOPIC_PREFIX, INTACCT_*.\nExit code: 0 when Kafka and Intacct agree, 1 when there are findings, 2 on bad arguments, 78 on bad settings.')
  .action(async (options: { from: number; to?: number; types: string; json?: boolean; requeueMissing?: boolean }) => {
    let config;
    try {
      config = loadConfig(cliEnvSchema, process.env);
    } catch (error) {
      if (error instanceof ConfigError) { console.error(error.message); process.exit(78); }
      throw error;
    }
    // Logs go to stderr: stdout carries only the report (a pipe into jq must get clean JSON).
    const log = createLogger('tributary-cli', 'warn', process.stderr);
    const report = await reconcileIntacct(config, log, {
      fromMs: options.from,
      toMs: options.to ?? Date.now(),
      transactionTypes: options.types.split(',').map((t) => t.trim()).filter(Boolean),
      requeueMissing: options.requeueMissing === true,
      progress: (line) => { if (!options.json) console.error(line); },
    });
    console.log(options.json ? JSON.stringify(report, null, 2) : renderReport(report));
    process.exitCode = report.findings.length === 0 ? 0 : 1;
  });

await program.parseAsync(process.argv);
