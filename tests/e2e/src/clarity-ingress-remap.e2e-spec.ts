import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import type { KafkaMessage } from 'kafkajs';
import { topics, type ClarityWebhookReceived, type CustomerEvent, type OrderEvent } from '@tributary/canonical-model';
import { createClarityIngress, eventIdFor } from '@tributary/clarity-ingress';
import { AvroEventCodec, compileAvroType, EventProducer, IsolatedDecoder, readSchemaHeader, readTopicToEnd, SchemaRegistryClient } from '@tributary/kafka-runtime';
import { ClarityWebhookSender, customerOf, sampleOrders, webhookFor, type ClarityWebhookPayload } from '@tributary/simulator-clarity';
import { E2eStack, WEBHOOK_SECRET } from './e2e-stack.js';

const cli = join(fileURLToPath(import.meta.url), '../../../../apps/tributary-cli/dist/main.js');
const run = promisify(execFile);

type Report = {
  read: number; remapped: number; published: number; duplicates: number; echoes: number; olderStates: number; dryRun: boolean;
  byTopic: Record<string, number>; invalid: Array<{ webhookId: string; type: string; reason: string; issues: Array<{ path: string }> }>;
};
interface Decoded<T> {
  readonly key: string | undefined;
  readonly headers: Record<string, string | undefined>;
  readonly value: T;
}

describe('tributary clarity remap, and the ingress remembering across a restart', () => {
  let stack: E2eStack;
  let registry: SchemaRegistryClient;
  const started = Date.now() - 1000;
  before(async () => {
    stack = await E2eStack.start({ withSink: false });
    registry = new SchemaRegistryClient(stack.env['SCHEMA_REGISTRY_URL']!);
  });
  after(async () => { await stack.stop(); });

  const records = async <T>(topic: string): Promise<Array<Decoded<T>>> => {
    const messages: KafkaMessage[] = [];
    await readTopicToEnd(stack.kafka, stack.topic(topic), (message) => messages.push(message));
    return Promise.all(messages.map(async (message) => {
      const { schemaId, body } = readSchemaHeader(message.value);
      const type = compileAvroType(await registry.writerSchema(schemaId));
      const headers = Object.fromEntries(Object.entries(message.headers ?? {}).map(([name, value]) => [name, value?.toString()]));
      return { key: message.key?.toString(), headers, value: type.fromBuffer(body) as T };
    }));
  };
  const remap = async (...extra: string[]): Promise<{ code: number; report: Report; stderr: string }> => {
    try {
      const { stdout, stderr } = await run(process.execPath, [cli, 'clarity', 'remap', '--from', new Date(started).toISOString(), '--json', ...extra], { env: { ...process.env, ...stack.env } });
      return { code: 0, report: JSON.parse(stdout) as Report, stderr };
    } catch (error) {
      const failed = error as { code?: number; stdout?: string; stderr?: string };
      if (failed.code !== 1) throw new Error(`remap failed (${failed.code}): ${failed.stderr}`);
      return { code: 1, report: JSON.parse(failed.stdout ?? '{}') as Report, stderr: failed.stderr ?? '' };
    }
  };

  const orders = sampleOrders(3, { seed: 97, startNumber: 97_001 });
  const orderWebhooks = orders.map((order) => webhookFor(order));
  const customer = { ...customerOf(orders[0]!), version: 2, modifiedAt: '2026-11-26T10:00:00Z' };
  const customerWebhook: ClarityWebhookPayload = { id: 'evt_remap_customer_1', type: 'customer.updated', createdAt: '2026-11-26T10:00:01Z', apiVersion: 'v1', data: customer };
  const echoWebhook: ClarityWebhookPayload = { ...customerWebhook, id: 'evt_remap_echo_1', data: { ...customer, version: 3, modifiedAt: '2026-11-26T10:05:00Z', updatedBy: 'integration:tributary' } };
  // An order an older ingress stored, that today's mapping refuses (its lines do not add up to its total).
  const brokenOrder = { ...webhookFor(orders[1]!, { eventId: 'evt_remap_broken_1' }), data: { ...orders[1]!, orderId: `${orders[1]!.orderId}-B`, totalAmount: '1.00' } };

  it('the ingress stores and maps three orders, a customer and an echo', async () => {
    const sender = stack.sender({ maxAttempts: 1 });
    for (const webhook of [...orderWebhooks, customerWebhook, echoWebhook]) assert.equal((await sender.send(webhook)).status, 202);
    // Stored straight into the audit topic, as an earlier version of the ingress would have.
    const decoder = new IsolatedDecoder();
    try {
      const codec = await AvroEventCodec.create<ClarityWebhookReceived>({ registry, decoder, subject: `${stack.topic('clarity.webhook.v1')}-value`, schema: topics.clarityWebhook.valueSchema });
      const producer = new EventProducer(stack.kafka);
      await producer.connect();
      await producer.send({
        topic: stack.topic('clarity.webhook.v1'), key: brokenOrder.id, headers: { 'event-type': 'order.created' },
        value: codec.encode({ webhookId: brokenOrder.id, eventType: 'order.created', deliveryId: null, receivedAt: Date.now(), signedAt: Date.now(), correlationId: brokenOrder.id, body: JSON.stringify(brokenOrder) }),
      });
      await producer.disconnect();
    } finally {
      await decoder.close();
    }
    assert.equal((await records<OrderEvent>('commerce.order.v1')).length, 3);
    assert.equal((await records<CustomerEvent>('commerce.customer.v1')).length, 1);
  });

  it('--dry-run re-maps and reports, publishing nothing', async () => {
    const { code, report } = await remap('--dry-run');
    assert.equal(code, 1, 'one webhook is still invalid');
    assert.deepEqual([report.dryRun, report.read, report.remapped, report.published, report.echoes, report.duplicates], [true, 6, 4, 0, 1, 0]);
    assert.deepEqual(report.byTopic, { [stack.topic('commerce.order.v1')]: 3, [stack.topic('commerce.customer.v1')]: 1 });
    assert.equal(report.invalid.length, 1);
    assert.equal(report.invalid[0]!.webhookId, brokenOrder.id);
    assert.match(report.invalid[0]!.reason, /^MAPPING\.TOTALS_MISMATCH: /);
    assert.deepEqual(report.invalid[0]!.issues.map((i) => i.path), ['data.totalAmount']);
    assert.equal((await records<OrderEvent>('commerce.order.v1')).length, 3);
  });

  it('re-publishes every canonical record with the same event id and key (the sinks apply each once)', async () => {
    const { report } = await remap();
    assert.deepEqual([report.remapped, report.published], [4, 4]);
    const orderRecords = await records<OrderEvent>('commerce.order.v1');
    assert.equal(orderRecords.length, 6);
    for (const webhook of orderWebhooks) {
      const mine = orderRecords.filter((r) => r.key === (webhook.data as { orderId: string }).orderId);
      assert.deepEqual(mine.map((r) => r.value.eventId), [eventIdFor(webhook.id), eventIdFor(webhook.id)], 'original and re-mapped share the event id');
      assert.deepEqual(JSON.parse(JSON.stringify(mine[1]!.value.order)), JSON.parse(JSON.stringify(mine[0]!.value.order)), 'the same content, mapped again');
      assert.match(mine[1]!.headers['remapped-from'] ?? '', /clarity\.webhook\.v1\/\d+\/\d+$/);
    }
    const customers = await records<CustomerEvent>('commerce.customer.v1');
    assert.deepEqual(customers.map((r) => [r.key, r.value.eventId]), [[customer.customerId, eventIdFor(customerWebhook.id)], [customer.customerId, eventIdFor(customerWebhook.id)]], 'the echo is never re-mapped into an event');
  });

  it('--type narrows the range to one webhook type', async () => {
    const { code, report } = await remap('--type', 'customer.updated', '--dry-run');
    assert.equal(code, 0);
    assert.deepEqual([report.read, report.remapped, report.echoes, report.invalid.length], [2, 1, 1, 0]);
  });

  it('after a restart the ingress still knows the webhook ids and the newest states it stored', async () => {
    await stack.ingress!.close();
    stack.ingress = await createClarityIngress(stack.env);
    const sender = new ClarityWebhookSender({ url: `${await stack.ingress.getUrl()}/webhooks/clarity`, secrets: [WEBHOOK_SECRET], maxAttempts: 1 });
    const again = await sender.send(orderWebhooks[0]!);
    assert.deepEqual([again.status, (again.body as { duplicate?: boolean }).duplicate], [202, true]);
    const older = await sender.send({ ...customerWebhook, id: 'evt_remap_customer_0', data: { ...customer, version: 1, modifiedAt: '2026-11-26T09:00:00Z' } });
    assert.deepEqual([older.status, (older.body as { stale?: boolean }).stale], [202, true], 'older than the echo and the update stored before the restart');
    const newer = await sender.send({ ...customerWebhook, id: 'evt_remap_customer_9', data: { ...customer, version: 9, modifiedAt: '2026-11-26T11:00:00Z' } });
    assert.equal((newer.body as { status?: string }).status, 'accepted');
  });
});
