import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { createLogger } from './logger.js';
import { TributaryMetrics } from './metrics.js';
import { Readiness } from './health.js';
import { OpsServer } from './ops-server.js';

const capture = () => {
  const lines: string[] = [];
  const stream = new Writable({ write(chunk, _enc, done) { lines.push(String(chunk)); done(); } });
  return { lines, stream };
};

describe('logger', () => {
  it('writes JSON with service and correlation id, and redacts secrets', () => {
    const { lines, stream } = capture();
    const log = createLogger('intacct-sink', 'info', stream).child({ correlationId: 'corr-1' });
    log.info({ credentials: { senderPassword: 'hunter2', userId: 'ws_user' }, headers: { authorization: 'Bearer abc' }, secret: 's3' }, 'sales order created');
    const line = JSON.parse(lines[0] ?? '{}');
    assert.equal(line.service, 'intacct-sink');
    assert.equal(line.correlationId, 'corr-1');
    assert.equal(line.level, 'info');
    assert.equal(line.msg, 'sales order created');
    assert.equal(line.credentials.senderPassword, '[redacted]');
    assert.equal(line.credentials.userId, 'ws_user');
    assert.equal(line.headers.authorization, '[redacted]');
    assert.equal(line.secret, '[redacted]');
    assert.ok(!lines.join('').includes('hunter2'));
  });
});

describe('ops server', () => {
  it('serves metrics with the tributary names, liveness, and readiness that follows its checks', async () => {
    const metrics = new TributaryMetrics('test-service');
    metrics.messages.inc({ service: 'test-service', topic: 'commerce.order.v1', outcome: 'done' });
    let registryUp = false;
    const readiness = new Readiness(200);
    readiness.add({ name: 'kafka', check: async () => {} });
    readiness.add({ name: 'schema-registry', check: async () => { if (!registryUp) throw new Error('connection refused'); } });
    const server = new OpsServer(metrics, readiness);
    const port = await server.listen(0, '127.0.0.1');
    try {
      const base = `http://127.0.0.1:${port}`;
      const text = await (await fetch(`${base}/metrics`)).text();
      assert.match(text, /tributary_messages_total\{service="test-service",topic="commerce.order.v1",outcome="done"\} 1/);
      assert.match(text, /process_resident_memory_bytes/);
      assert.equal((await fetch(`${base}/health/live`)).status, 200);
      const notReady = await fetch(`${base}/health/ready`);
      assert.equal(notReady.status, 503);
      assert.equal(((await notReady.json()) as { checks: Record<string, { error?: string }> }).checks['schema-registry']?.error, 'connection refused');
      registryUp = true;
      assert.equal((await fetch(`${base}/health/ready`)).status, 200);
    } finally {
      await server.close();
    }
  });

  it('counts external calls by status and rethrows failures', async () => {
    const metrics = new TributaryMetrics('svc', { defaultMetrics: false });
    await metrics.timeExternal('intacct', 'create_sotransaction', async () => 'ok');
    await assert.rejects(metrics.timeExternal('intacct', 'create_sotransaction', async () => { throw new Error('boom'); }, () => 'timeout'));
    const text = await metrics.registry.metrics();
    assert.match(text, /tributary_external_requests_total\{system="intacct",operation="create_sotransaction",status="ok",service="svc"\} 1/);
    assert.match(text, /tributary_external_requests_total\{system="intacct",operation="create_sotransaction",status="timeout",service="svc"\} 1/);
  });
});
