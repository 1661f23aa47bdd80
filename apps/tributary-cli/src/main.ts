#!/usr/bin/env node
import { Command, InvalidArgumentError } from 'commander';
import { commonEnvSchema, ConfigError, loadConfig } from '@tributary/config';
import { createLogger } from '@tributary/observability';
import { cliEnvSchema } from './cli.config.js';
import { reconcileIntacct } from './reconcile-intacct.js';
import { openDeadLetters, replayDeadLetters } from './dead-letters.js';
import { renderReport } from './report-table.js';
import { importSettlements } from './settlement-import.js';

const time = (value: string): number => {
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw new InvalidArgumentError(`expected an ISO date or time such as 2026-11-25 or 2026-11-25T10:00:00Z, got "${value}"`);
  return ms;
};

const program = new Command('tributary').description('Operate Tributary: dead letters, replay, reconciliation and settlement imports.').showHelpAfterError();

const settings = <S extends typeof commonEnvSchema | typeof cliEnvSchema>(schema: S): ReturnType<typeof loadConfig<S>> => {
  try {
    return loadConfig(schema, process.env);
  } catch (error) {
    if (error instanceof ConfigError) { console.error(error.message); process.exit(78); }
    throw error;
  }
};
// Logs go to stderr: stdout carries only the report (a pipe into jq must get clean JSON).
const stderrLog = () => createLogger('tributary-cli', 'warn', process.stderr);

const dlq = program.command('dlq').description("inspect and replay a consumer group's dead letters");
dlq
  .command('list')
  .description('the open dead letters of a consumer group (resolved keys are left out)')
  .requiredOption('--group <name>', 'the consumer group, e.g. intacct-sink')
  .option('--json', 'print JSON')
  .action(async (options: { group: string; json?: boolean }) => {
    const { topic, entries } = await openDeadLetters(settings(commonEnvSchema), stderrLog(), options.group);
    const rows = entries.map(({ raw: _raw, ...entry }) => entry);
    if (options.json) { console.log(JSON.stringify({ topic, entries: rows }, null, 2)); return; }
    console.log(`${topic}: ${rows.length} open`);
    for (const e of rows) console.log(`${`${e.partition}/${e.offset}`.padEnd(9)} ${e.key.padEnd(14)} ${e.code.padEnd(28)} ${e.stage.padEnd(8)} ${e.at}  ${e.message}`);
  });
dlq
  .command('replay')
  .description("re-publish a key's dead letters to their original topic, in order, and mark the key resolved")
  .requiredOption('--group <name>', 'the consumer group, e.g. intacct-sink')
  .requiredOption('--key <key>', 'the message key (e.g. the Clarity order id)')
  .option('--approve-review', 'mark held orders as reviewed and approved (REVIEW.ANOMALY_HOLD)')
  .action(async (options: { group: string; key: string; approveReview?: boolean }) => {
    const count = await replayDeadLetters(settings(commonEnvSchema), stderrLog(), options.group, options.key, { approveReview: options.approveReview === true });
    console.log(count === 0 ? `no open dead letters for key ${options.key}` : `replayed ${count} message(s) for key ${options.key}`);
    process.exitCode = count === 0 ? 1 : 0;
  });
const reconcile = program.command('reconcile').description('compare what Kafka says happened with what an ERP holds');

reconcile
  .command('intacct')
  .description('orders, returns and payments in Kafka vs sales documents, credit memos and cash receipts in Sage Intacct: missing, duplicate, mismatched (total, currency, line count), orphan')
  .requiredOption('--from <time>', 'start of the period (ISO date or time, UTC)', time)
  .option('--to <time>', 'end of the period (default: now)', time)
  .option('--types <list>', 'transaction definitions orders become', 'Sales Order,Sales Invoice')
  .option('--invoice-types <list>', 'of those, the ones that post an AR invoice (their checkout payment must be a cash receipt)', 'Sales Invoice')
  .option('--credit-types <list>', 'transaction definitions returns become', 'Sales Credit Memo')
  .option('--json', 'print the report as JSON')
  .option('--requeue-missing', 're-publish the orders, returns and payments whose record is missing (safe: the sink is idempotent)')
  .addHelpText('after', '\nSettings come from the environment, as for the services: KAFKA_BROKERS, SCHEMA_REGISTRY_URL, TOPIC_PREFIX, INTACCT_*.\nExit code: 0 when Kafka and Intacct agree, 1 when there are findings, 2 on bad arguments, 78 on bad settings.')
  .action(async (options: { from: number; to?: number; types: string; invoiceTypes: string; creditTypes: string; json?: boolean; requeueMissing?: boolean }) => {
    const list = (value: string) => value.split(',').map((t) => t.trim()).filter(Boolean);
    const report = await reconcileIntacct(settings(cliEnvSchema), stderrLog(), {
      fromMs: options.from,
      toMs: options.to ?? Date.now(),
      transactionTypes: list(options.types),
      invoiceTransactionTypes: list(options.invoiceTypes),
      creditTransactionTypes: list(options.creditTypes),
      requeueMissing: options.requeueMissing === true,
      progress: (line) => { if (!options.json) console.error(line); },
    });
    console.log(options.json ? JSON.stringify(report, null, 2) : renderReport(report));
    process.exitCode = report.findings.length === 0 ? 0 : 1;
  });

const settlement = program.command('settlement').description('gateway payouts: the settlement journals finance closes the month with');
settlement
  .command('import')
  .description('publish a gateway payout report (CSV) to commerce.settlement.v1: one GLBATCH per settlement in Intacct')
  .requiredOption('--file <path>', 'CSV with a header line: settlement_id, gateway, currency, settled_at, payment_id, order_number, kind (captured|refunded), amount, fee [, net]')
  .option('--dry-run', 'validate and summarise the file without publishing')
  .option('--json', 'print JSON')
  .addHelpText('after', '\nThe whole file is refused when any row or settlement is wrong (nothing is half-imported).\nImporting the same file again books nothing twice.\nExit code: 0 published (or valid with --dry-run), 1 refused, 2 bad arguments, 78 bad settings.')
  .action(async (options: { file: string; dryRun?: boolean; json?: boolean }) => {
    const result = await importSettlements(settings(commonEnvSchema), stderrLog(), options.file, { dryRun: options.dryRun === true });
    if (options.json) console.log(JSON.stringify(result, null, 2));
    else if (!result.ok) {
      console.error(`${options.file}: refused, nothing published (${result.problems.length} problem${result.problems.length === 1 ? '' : 's'})`);
      for (const p of result.problems) console.error(`  line ${p.line}: ${p.message}`);
    } else {
      console.log(`${options.dryRun ? 'valid, not published' : `published to ${result.topic}`}: ${result.settlements.length} settlement(s)`);
      for (const s of result.settlements) console.log(`  ${s.settlementId.padEnd(24)} ${s.gateway.padEnd(14)} ${String(s.payments).padStart(5)} payments  gross ${s.gross}  refunds ${s.refunds}  fees ${s.fees}  net ${s.net} ${s.currency}`);
    }
    process.exitCode = result.ok ? 0 : 1;
  });

await program.parseAsync(process.argv);
