import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { createIntacctSink } from '@tributary/intacct-sink';
import { readTopicToEnd } from '@tributary/kafka-runtime';
import { sampleOrders, webhookFor } from '@tributary/simulator-clarity';
import { sleep, waitFor } from '@tributary/testing';
import { E2eStack } from './e2e-stack.js';

const cli = join(fileURLToPath(import.meta.url), '../../../../apps/tributary-cli/dist/main.js');
const run = promisify(execFile);

const freePort = (): Promise<number> => new Promise((resolve, reject) => {
  const server = createServer();
  server.once('error', reject);
  server.listen(0, '127.0.0.1', () => {
    const { port } = server.address() as { port: number };
    server.close(() => resolve(port));
  });
});

type Resolution = { messages: Array<{ key: string; position: string; code: string }>; dryRun: boolean; keysResolved: string[]; auditTopic?: string; problem?: string };

/** The operator CLI against a running ingress and Intacct sink: dlq show/replay/discard, audit, trace, status, window replay. */
describe('tributary CLI: dead letters, audit, trace, status and window replay', () => {
  let stack: E2eStack;
  let sinkOps = 0;
  before(async () => {
    sinkOps = await freePort();
    stack = await E2eStack.start({ withSink: false });
    stack.sink = await createIntacctSink({ ...stack.env, OPS_PORT: String(sinkOps) });
  });
  after(async () => { await stack.stop(); });

  const tributary = async (...args: string[]): Promise<{ stdout: string; code: number }> => {
    try {
      const { stdout } = await run(process.execPath, [cli, ...args], { env: { ...process.env, ...stack.env } });
      return { stdout, code: 0 };
    } catch (error) {
      const failed = error as { code?: number; stdout?: string; stderr?: string };
      if (typeof failed.code !== 'number') throw error;
      return { stdout: failed.stdout ?? '', code: failed.code };
    }
  };
  const json = async <T>(...args: string[]): Promise<T> => JSON.parse((await tributary(...args, '--json')).stdout) as T;
  const audit = async (): Promise<Array<Record<string, unknown>>> => {
    const records: Array<Record<string, unknown>> = [];
    const admin = stack.kafka.admin();
    await admin.connect();
    const exists = (await admin.listTopics()).includes(stack.topic('tributary.audit.v1'));
    await admin.disconnect();
    if (!exists) return records;
    await readTopicToEnd(stack.kafka, stack.topic('tributary.audit.v1'), (m) => { records.push(JSON.parse(m.value!.toString()) as Record<string, unknown>); });
    return records;
  };

  it('has --help on every command', async () => {
    for (const command of [[], ['dlq'], ['dlq', 'list'], ['dlq', 'show'], ['dlq', 'replay'], ['dlq', 'discard'], ['replay'], ['status'], ['trace'], ['reconcile', 'intacct']]) {
      const { stdout, code } = await tributary(...command, '--help');
      assert.equal(code, 0, command.join(' '));
      assert.match(stdout, /Usage: tributary/);
    }
  });

  it('shows a dead letter decoded, replays it dry, discards it with a reason and records it on the audit topic', async () => {
    const [order] = sampleOrders(1, { seed: 8080, startNumber: 808_000 });
    order!.lineItems[0]!.sku = 'TRB-SKU-NEVER-MAPPED';
    await stack.sender().send(webhookFor(order!));
    const listed = await waitFor(async () => {
      const open = await json<{ entries: Array<{ key: string; partition: number; offset: string; code: string }> }>('dlq', 'list', '--group', 'intacct-sink');
      return open.entries.find((e) => e.key === order!.orderId);
    }, { what: 'the dead letter', intervalMs: 500 });
    const position = `${listed.partition}/${listed.offset}`;

    const shown = await json<Array<{ headers: Record<string, string>; payload: { schemaId: number; value: { order: { orderId: string; lines?: unknown } } } }>>('dlq', 'show', '--group', 'intacct-sink', '--offset', position);
    assert.equal(shown.length, 1);
    assert.equal(shown[0]!.headers['x-dlq-error-code'], 'MAPPING.UNMAPPED_SKU');
    assert.match(shown[0]!.headers['traceparent'] ?? '', /^00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]$/);
    assert.equal(shown[0]!.payload.value.order.orderId, order!.orderId, 'the payload decoded with its Avro schema');
    assert.match((await tributary('dlq', 'show', '--group', 'intacct-sink', '--offset', position)).stdout, /x-dlq-error-code\s+MAPPING\.UNMAPPED_SKU/);

    const dry = await json<Resolution>('dlq', 'replay', '--group', 'intacct-sink', '--key', order!.orderId, '--dry-run');
    assert.equal(dry.dryRun, true);
    assert.deepEqual(dry.messages.map((m) => m.position), [position]);
    assert.equal((await audit()).length, 0, 'a dry run records nothing');

    const discarded = await json<Resolution>('dlq', 'discard', '--group', 'intacct-sink', '--offset', position, '--reason', 'test order, never to be booked');
    assert.deepEqual(discarded.keysResolved, [order!.orderId]);
    const after = await json<{ entries: Array<{ key: string }> }>('dlq', 'list', '--group', 'intacct-sink');
    assert.equal(after.entries.filter((e) => e.key === order!.orderId).length, 0, 'resolved');
    const records = await audit();
    assert.equal(records.length, 1);
    assert.equal(records[0]!['action'], 'dlq.discard');
    assert.equal(records[0]!['reason'], 'test order, never to be booked');
    assert.deepEqual(records[0]!['keys'], [order!.orderId]);
    assert.equal(stack.intacct.documents().length, 0, 'nothing reached Intacct');
  });

  it('traces an order by number across the ingress, the sink and Intacct', async () => {
    const [order] = sampleOrders(1, { seed: 9090, startNumber: 909_000 });
    await stack.sender().send(webhookFor(order!));
    await waitFor(() => stack.intacct.documents().some((d) => d.referenceNo === (order!.orderNumber ?? order!.orderId)), { what: 'the document' });
    const number = order!.orderNumber ?? order!.orderId;
    const trace = await waitFor(async () => {
      const t = await json<{ keys: string[]; traceIds: string[]; timeline: Array<{ system: string; what: string; ref?: string }> }>('trace', number);
      return t.timeline.some((e) => e.system === 'intacct-sink' && / done$/.test(e.what)) ? t : undefined;
    }, { what: 'the sink\'s outcome in the trace', intervalMs: 500 });
    assert.deepEqual(trace.keys, [order!.orderId]);
    assert.equal(trace.traceIds.length, 1, 'one trace id for the order');
    const systems = trace.timeline.map((e) => `${e.system}: ${e.what}`);
    assert.ok(systems.some((s) => /^clarity → ingress: webhook order\.created stored \(accepted\)/.test(s)), systems.join('\n'));
    assert.ok(systems.some((s) => /^clarity-ingress: webhook order\.created: produced to/.test(s)), systems.join('\n'));
    const done = trace.timeline.find((e) => e.system === 'intacct-sink' && / done$/.test(e.what));
    assert.match(done?.ref ?? '', /\S/, 'the ERP document id');
    assert.ok(trace.timeline.some((e) => e.system === 'intacct' && /DONE/.test(e.what)), 'the ledger entry');
    assert.match((await tributary('trace', number)).stdout, new RegExp(`order ${number}`));
    assert.equal((await tributary('trace', 'NO-SUCH-ORDER')).code, 1);
  });

  it('reports status per group and service', async () => {
    const report = await json<{ groups: Array<{ group: string; lag: number; members: number }>; services: Array<{ up: boolean; service?: string; circuits: Array<{ system: string; open: boolean }>; budgets: Array<{ system: string; limit: number }> }> }>(
      'status', '--group', 'intacct-sink', '--ops', `http://127.0.0.1:${sinkOps}`);
    const group = report.groups.find((g) => g.group === 'intacct-sink');
    assert.ok(group);
    assert.equal(group.members, 1);
    assert.equal(report.services[0]?.up, true);
    assert.equal(report.services[0]?.service, 'intacct-sink');
    assert.deepEqual(report.services[0]?.circuits, [{ system: 'intacct', open: false }]);
    assert.deepEqual(report.services[0]?.budgets.map((b) => [b.system, b.limit]), [['intacct', 2]]);
    assert.match((await tributary('status', '--group', 'intacct-sink', '--ops', `http://127.0.0.1:${sinkOps}`)).stdout, /intacct-sink/);
  });

  it('replays a window of commerce.order.v1 for the sink only: effect-once, recorded on the audit topic', async () => {
    const before = stack.intacct.documents().length;
    const { stdout } = await tributary('replay', '--topic', 'commerce.order.v1', '--from', '2000-01-01', '--group', 'intacct-sink', '--json');
    const report = JSON.parse(stdout) as { replayed: number };
    assert.ok(report.replayed >= 2, 'both orders of this run replayed');
    const other = JSON.parse((await tributary('replay', '--topic', 'commerce.order.v1', '--from', '2000-01-01', '--group', 'intacct-sink', '--dry-run', '--json')).stdout) as { replayed: number };
    assert.equal(other.replayed, report.replayed * 2, 'the replayed copies are for the same group, so a second window sees both');
    // The sink re-reads them: duplicates by its ledger, nothing new in Intacct.
    await waitFor(async () => {
      const admin = stack.kafka.admin();
      await admin.connect();
      try {
        const [offsets] = await admin.fetchOffsets({ groupId: `${stack.env['TOPIC_PREFIX']}intacct-sink`, topics: [stack.topic('commerce.order.v1')] });
        const ends = await admin.fetchTopicOffsets(stack.topic('commerce.order.v1'));
        const committed = (offset: string) => (BigInt(offset) < 0n ? 0n : BigInt(offset));
        return offsets!.partitions.every((p) => committed(p.offset) >= BigInt(ends.find((e) => e.partition === p.partition)!.high));
      } finally {
        await admin.disconnect();
      }
    }, { what: 'the sink caught up with the replay', intervalMs: 500 });
    await sleep(500);
    assert.equal(stack.intacct.documents().length, before, 'no second document');
    const records = await audit();
    assert.ok(records.some((r) => r['action'] === 'replay.window' && r['group'] === 'intacct-sink'));
  });
});
