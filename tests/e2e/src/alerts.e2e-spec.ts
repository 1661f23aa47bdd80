import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createIntacctSink } from '@tributary/intacct-sink';
import { sampleOrders, webhookFor } from '@tributary/simulator-clarity';
import { waitFor } from '@tributary/testing';
import { E2eStack } from './e2e-stack.js';

const root = join(fileURLToPath(import.meta.url), '../../../..');
const rulesFile = join(root, 'deploy/helm/tributary/files/alerts.yaml');
const dashboardFile = join(root, 'deploy/helm/tributary/files/dashboard.json');

const freePort = (): Promise<number> => new Promise((resolve, reject) => {
  const server = createServer();
  server.once('error', reject);
  server.listen(0, '127.0.0.1', () => {
    const { port } = server.address() as { port: number };
    server.close(() => resolve(port));
  });
});

type Alert = { labels: Record<string, string>; state: string };

/**
 * The alert rules and the dashboard in a real Prometheus (Debian's package, see
 * tools/ensure-prometheus.sh) scraping a running clarity-ingress and intacct-sink every second,
 * with the rules' `for:` shortened to 1 s: a permanent failure (an unmapped SKU) fires
 * TributaryDeadLettersGrowing, an Intacct outage (every request answered 503) fires
 * TributaryCircuitOpen; every dashboard query evaluates without error and names only metrics
 * the services export.
 */
describe('alerts and dashboard in a real Prometheus scraping the services', () => {
  let stack: E2eStack;
  let prometheus: ChildProcess | undefined;
  let promUrl = '';
  let exported = new Set<string>();
  const ports = { ingress: 0, sink: 0, prometheus: 0 };

  before(async () => {
    const bin = execFileSync(join(root, 'tools/ensure-prometheus.sh'), { encoding: 'utf8' }).trim();
    ports.ingress = await freePort();
    ports.sink = await freePort();
    ports.prometheus = await freePort();
    stack = await E2eStack.start({ withSink: false, sinkEnv: { OPS_PORT: String(ports.ingress), RETRY_MAX_ATTEMPTS: '3' } });
    stack.sink = await createIntacctSink({ ...stack.env, OPS_PORT: String(ports.sink) });

    const dir = mkdtempSync(join(tmpdir(), 'prometheus-'));
    writeFileSync(join(dir, 'alerts.yaml'), readFileSync(rulesFile, 'utf8').replace(/for: \d+[smh]/g, 'for: 1s'));
    writeFileSync(join(dir, 'prometheus.yml'), [
      'global:', '  scrape_interval: 1s', '  evaluation_interval: 1s', 'rule_files:', '  - alerts.yaml', 'scrape_configs:',
      '  - job_name: tributary-clarity-ingress', '    static_configs:', `      - targets: ['127.0.0.1:${ports.ingress}']`,
      '  - job_name: tributary-intacct-sink', '    static_configs:', `      - targets: ['127.0.0.1:${ports.sink}']`, '',
    ].join('\n'));
    prometheus = spawn(join(bin, 'prometheus'), [
      `--config.file=${join(dir, 'prometheus.yml')}`, `--storage.tsdb.path=${join(dir, 'data')}`,
      `--web.listen-address=127.0.0.1:${ports.prometheus}`, '--log.level=warn',
    ], { stdio: 'ignore' });
    promUrl = `http://127.0.0.1:${ports.prometheus}`;
    await waitFor(async () => (await fetch(`${promUrl}/-/ready`).catch(() => undefined))?.ok === true, { what: 'Prometheus ready', timeoutMs: 30_000, intervalMs: 250 });
    for (const port of [ports.ingress, ports.sink]) {
      const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
      for (const m of text.matchAll(/^# TYPE (\S+) (\S+)/gm)) {
        if (m[2] === 'histogram') for (const suffix of ['_bucket', '_sum', '_count']) exported.add(m[1]! + suffix);
        else exported.add(m[1]!);
      }
    }
    exported = new Set([...exported, 'up']);
  });
  after(async () => {
    stack?.intacct.clearFaults();
    prometheus?.kill('SIGTERM');
    await stack?.stop();
  });

  const query = async (expr: string): Promise<{ status: string; error?: string; data?: { result: unknown[] } }> =>
    (await fetch(`${promUrl}/api/v1/query?query=${encodeURIComponent(expr)}`)).json() as Promise<{ status: string; error?: string; data?: { result: unknown[] } }>;
  const firing = async (): Promise<Alert[]> => {
    const body = (await (await fetch(`${promUrl}/api/v1/alerts`)).json()) as { data: { alerts: Alert[] } };
    return body.data.alerts.filter((a) => a.state === 'firing');
  };

  it('scrapes both services (up == 1)', async () => {
    await waitFor(async () => {
      const up = await query('up{job=~".*tributary.*"} == 1');
      return (up.data?.result.length ?? 0) === 2;
    }, { what: 'both targets up in Prometheus', timeoutMs: 30_000, intervalMs: 500 });
  });

  it('fires the DLQ alert on a permanent failure and the circuit alert on an Intacct outage', async () => {
    const [broken, healthy] = sampleOrders(2, { seed: 333, startNumber: 333_000 });
    broken!.lineItems[0]!.sku = 'TRB-SKU-NOBODY-KNOWS';
    const sender = stack.sender();
    assert.equal((await sender.send(webhookFor(broken!))).status, 202);
    const dlq = await waitFor(async () => (await firing()).find((a) => a.labels['alertname'] === 'TributaryDeadLettersGrowing'), { what: 'TributaryDeadLettersGrowing firing', timeoutMs: 60_000, intervalMs: 500 });
    assert.equal(dlq.labels['service'], 'intacct-sink');
    assert.equal(dlq.labels['code'], 'MAPPING.UNMAPPED_SKU');

    stack.intacct.setFaults({ http5xx: 1_000_000 });
    assert.equal((await sender.send(webhookFor(healthy!))).status, 202);
    const circuit = await waitFor(async () => (await firing()).find((a) => a.labels['alertname'] === 'TributaryCircuitOpen'), { what: 'TributaryCircuitOpen firing', timeoutMs: 60_000, intervalMs: 500 });
    assert.equal(circuit.labels['system'], 'intacct');
    assert.equal(circuit.labels['service'], 'intacct-sink');

    // The outage ends: the circuit closes, the order goes through, the alert resolves.
    stack.intacct.clearFaults();
    await waitFor(() => stack.intacct.documents().length === 1, { what: 'the held-back order in Intacct after the outage', timeoutMs: 60_000 });
    await waitFor(async () => !(await firing()).some((a) => a.labels['alertname'] === 'TributaryCircuitOpen'), { what: 'TributaryCircuitOpen resolved', timeoutMs: 30_000, intervalMs: 500 });
  });

  it('evaluates every dashboard query without error, over metrics the services export', async () => {
    const dashboard = JSON.parse(readFileSync(dashboardFile, 'utf8')) as { panels: Array<{ title: string; targets?: Array<{ expr: string }> }> };
    const exprs = dashboard.panels.flatMap((p) => (p.targets ?? []).map((t) => ({ panel: p.title, expr: t.expr })));
    assert.ok(exprs.length >= 10);
    const names = await (await fetch(`${promUrl}/api/v1/label/__name__/values`)).json() as { data: string[] };
    for (const { panel, expr } of exprs) {
      const result = await query(expr);
      assert.equal(result.status, 'success', `${panel}: ${expr}: ${result.error}`);
      for (const name of expr.match(/\b(tributary_[a-z_]+|process_[a-z_]+|nodejs_[a-z_]+)\b/g) ?? []) {
        assert.ok(exported.has(name), `${panel}: ${name} is not exported by the services`);
      }
    }
    // The flows of this run really show up: throughput, latency, DLQ, circuit, budget.
    for (const name of ['tributary_messages_total', 'tributary_processing_seconds_bucket', 'tributary_dlq_messages_total', 'tributary_circuit_open', 'tributary_erp_budget_remaining', 'tributary_webhooks_total']) {
      assert.ok(names.data.includes(name), `Prometheus has samples of ${name}`);
    }
  });
});
