// The alert rules and the dashboard, checked offline with Debian's promtool (fetched once into
// .local/prometheus by tools/ensure-prometheus.sh when not on PATH):
//   promtool check rules, promtool test rules (tests/prometheus/*.test.yaml), one unit test and one
//   runbook section per alert, and every metric named in the rules and the dashboard is one the
//   services export (TributaryMetrics, the Node process defaults, Prometheus' `up`).
// tests/e2e/src/alerts.e2e-spec.ts runs the same rules and dashboard in a real Prometheus.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(fileURLToPath(import.meta.url), '../../..');
const rules = join(root, 'deploy/helm/tributary/files/alerts.yaml');
const dashboard = JSON.parse(readFileSync(join(root, 'deploy/helm/tributary/files/dashboard.json'), 'utf8'));
const bin = execFileSync(join(root, 'tools/ensure-prometheus.sh'), { encoding: 'utf8' }).trim();
const promtool = (...args) => execFileSync(join(bin, 'promtool'), args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
const alertNames = [...readFileSync(rules, 'utf8').matchAll(/^\s*- alert: (\S+)/gm)].map((m) => m[1]);
const testFiles = readdirSync(join(root, 'tests/prometheus')).filter((f) => f.endsWith('.test.yaml')).map((f) => join('tests/prometheus', f));

/** Metric names the services export: TributaryMetrics' names (histograms with their series suffixes). */
const exported = (() => {
  const source = readFileSync(join(root, 'libs/observability/src/metrics.ts'), 'utf8');
  const names = new Set(['up']);
  for (const m of source.matchAll(/new (Counter|Gauge|Histogram)\(\{\s*name: '([a-z_]+)'/g)) {
    if (m[1] === 'Histogram') for (const suffix of ['_bucket', '_sum', '_count']) names.add(m[2] + suffix);
    else names.add(m[2]);
  }
  return names;
})();
const PROCESS_DEFAULTS = /^(process|nodejs)_[a-z_]+$/;
const FUNCTIONS = new Set(['sum', 'by', 'rate', 'increase', 'delta', 'deriv', 'max', 'min', 'avg', 'count', 'histogram_quantile', 'time', 'or', 'and', 'unless', 'offset', 'avg_over_time', 'max_over_time', 'min_over_time', 'changes', 'without', 'on', 'ignoring', 'le', 'bool', 'humanize', 'topk', 'abs', 'clamp_min', 'absent', 'vector', 'label_replace']);
/** Metric names in a PromQL expression: identifiers not inside {…} or [...], not functions or keywords. */
export const metricNames = (expr) => {
  const bare = expr.replace(/\{[^}]*\}/g, ' ').replace(/\[[^\]]*\]/g, ' ').replace(/"[^"]*"/g, ' ');
  const withoutGrouping = bare.replace(/\b(by|without|on|ignoring)\s*\([^)]*\)/g, ' ');
  return [...withoutGrouping.matchAll(/(?<![\w.])[a-zA-Z_:][a-zA-Z0-9_:]*/g)].map((m) => m[0]).filter((t) => !FUNCTIONS.has(t) && !/^\d/.test(t) && !/^e\d/.test(t));
};

test('promtool check rules accepts the alert rules', () => {
  const out = promtool('check', 'rules', rules);
  assert.match(out, /SUCCESS: \d+ rules found/);
});

test('promtool test rules: every unit test passes', () => {
  assert.ok(testFiles.length > 0);
  const out = promtool('test', 'rules', ...testFiles);
  assert.match(out, /SUCCESS/);
});

test('every alert has a unit test and a runbook section', () => {
  const tests = testFiles.map((f) => readFileSync(join(root, f), 'utf8')).join('\n');
  const runbooks = readFileSync(join(root, 'docs/runbooks.md'), 'utf8');
  const anchors = new Set([...runbooks.matchAll(/^## (\S+)/gm)].map((m) => m[1]));
  const expected = ['TributaryServiceDown', 'TributaryDeadLettersGrowing', 'TributaryConsumerLagHigh', 'TributaryCircuitOpen', 'TributaryErrorRatioHigh', 'TributaryErpBudgetNearlySpent', 'TributaryCdcReplayBehind', 'TributarySourceWatermarkStale'];
  for (const name of expected) assert.ok(alertNames.includes(name), `missing alert ${name}`);
  const source = readFileSync(rules, 'utf8');
  for (const name of alertNames) {
    assert.match(tests, new RegExp(`alertname: ${name}\\b`), `no promtool unit test for ${name}`);
    assert.ok(runbooks.includes(`**${name}**`), `docs/runbooks.md does not describe ${name}`);
  }
  for (const m of source.matchAll(/runbook: docs\/runbooks\.md#(\S+)/g)) assert.ok(anchors.has(m[1]), `no section ## ${m[1]} in docs/runbooks.md`);
});

test('the rules and the dashboard name only metrics the services export', () => {
  const exprs = [...readFileSync(rules, 'utf8').matchAll(/expr: (\|\n(?:\s{10}.*\n)+|.*)/g)].map((m) => m[1].replace(/^\|/, ''));
  for (const panel of dashboard.panels) for (const target of panel.targets ?? []) exprs.push(target.expr);
  assert.ok(exprs.length >= 20);
  for (const expr of exprs) {
    for (const name of metricNames(expr)) assert.ok(exported.has(name) || PROCESS_DEFAULTS.test(name), `${name} (in ${expr.trim()}) is not a metric the services export`);
  }
});

test('the dashboard shows throughput, latency, DLQ, lag, circuits and ERP budgets', () => {
  const all = dashboard.panels.flatMap((p) => (p.targets ?? []).map((t) => t.expr)).join('\n');
  for (const metric of ['tributary_messages_total', 'tributary_processing_seconds_bucket', 'tributary_dlq_messages_total', 'tributary_consumer_lag', 'tributary_circuit_open', 'tributary_erp_budget_remaining']) {
    assert.ok(all.includes(metric), `no panel uses ${metric}`);
  }
  const ids = dashboard.panels.map((p) => p.id);
  assert.equal(new Set(ids).size, ids.length);
});
