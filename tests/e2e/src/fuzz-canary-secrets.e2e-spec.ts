import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Consumer, KafkaMessage } from 'kafkajs';
import { ClarityWebhookSender, sampleOrders, webhookFor } from '@tributary/simulator-clarity';
import { startIntacctSimulator, type IntacctSimulator } from '@tributary/simulator-intacct';
import { createKafkaClient } from '@tributary/kafka-runtime';
import { createLogger } from '@tributary/observability';
import { sleep, stackEnv, waitFor } from '@tributary/testing';
import { itemIds, MAPPING_FILE, RETIRED_ITEM } from './e2e-stack.js';

/**
 * Canary secrets: every secret the services take is set to a unique value, the services run as
 * their own processes at LOG_LEVEL=trace, and the run goes through successes, refusals, Intacct
 * failures and dead letters. Afterwards no canary appears in any log line, DLQ record or error body.
 */
const root = join(fileURLToPath(import.meta.url), '../../../..');
const canary = (name: string) => `canary_${name}_${Math.random().toString(36).slice(2, 10)}Zq`;
const secrets = {
  webhookCurrent: canary('whsec_current'),
  webhookPrevious: canary('whsec_previous'),
  senderPassword: canary('sender_pw'),
  userPassword: canary('user_pw'),
};
/** Each canary as it could leak: verbatim, base64 (an Authorization header), hex. */
const leakForms = Object.entries(secrets).flatMap(([name, value]) => [
  { name, form: 'raw', text: value },
  { name, form: 'base64', text: Buffer.from(value).toString('base64').replace(/=+$/, '') },
  { name, form: 'hex', text: Buffer.from(value).toString('hex') },
]);
const findLeaks = (haystack: string) => leakForms.filter((l) => haystack.includes(l.text)).map((l) => `${l.name} (${l.form})`);

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });

describe('fuzz: canary secrets never appear in logs, DLQ records or error bodies', () => {
  let intacct: IntacctSimulator;
  let env: Record<string, string>;
  const children: ChildProcess[] = [];
  const output: string[] = [];
  const replies: string[] = [];
  const dead: KafkaMessage[] = [];
  let consumer: Consumer;
  let webhookUrl: string;

  const start = (app: string) => {
    const child = spawn(process.execPath, [join(root, `apps/${app}/dist/main.js`)], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout!.on('data', (c: Buffer) => output.push(c.toString()));
    child.stderr!.on('data', (c: Buffer) => output.push(c.toString()));
    children.push(child);
    return child;
  };

  before(async () => {
    intacct = await startIntacctSimulator({
      port: 0,
      senderId: 'tributary-canary',
      senderPassword: secrets.senderPassword,
      users: [{ companyId: 'CANARY-CO', userId: 'ws_canary', password: secrets.userPassword }],
      items: Object.values(itemIds).filter((id) => id !== RETIRED_ITEM),
      seed: 7,
    });
    const httpPort = await freePort();
    env = stackEnv({
      LOG_LEVEL: 'trace',
      CLARITY_WEBHOOK_SECRETS: `${secrets.webhookCurrent},${secrets.webhookPrevious}`,
      MAPPING_FILE,
      HTTP_PORT: String(httpPort),
      HTTP_HOST: '127.0.0.1',
      INTACCT_ENDPOINT_URL: intacct.url,
      INTACCT_SENDER_ID: 'tributary-canary',
      INTACCT_SENDER_PASSWORD: secrets.senderPassword,
      INTACCT_COMPANY_ID: 'CANARY-CO',
      INTACCT_USER_ID: 'ws_canary',
      INTACCT_USER_PASSWORD: secrets.userPassword,
      INTACCT_TIMEOUT_MS: '1500',
      RETRY_MAX_ATTEMPTS: '3',
      RETRY_INITIAL_DELAY_MS: '50',
      RETRY_MAX_DELAY_MS: '200',
      CIRCUIT_PROBE_INTERVAL_MS: '300',
    });
    webhookUrl = `http://127.0.0.1:${httpPort}/webhooks/clarity`;
    start('clarity-ingress');
    start('intacct-sink');
    await waitFor(async () => (await fetch(webhookUrl, { method: 'POST', body: '{}' })).status === 401, { what: 'the ingress', timeoutMs: 60_000 });
    const kafka = createKafkaClient({ brokers: env['KAFKA_BROKERS']!.split(','), clientId: 'canary-observer', logger: createLogger('canary', 'silent') });
    consumer = kafka.consumer({ groupId: `${env['TOPIC_PREFIX']}canary-dlq-observer`, maxWaitTimeInMs: 100 });
    await consumer.connect();
    await consumer.subscribe({ topic: `${env['TOPIC_PREFIX']}dlq.intacct-sink.v1`, fromBeginning: true });
    await consumer.run({ eachMessage: async ({ message }) => { dead.push(message); } });
  });
  after(async () => {
    await consumer?.disconnect();
    for (const child of children) child.kill('SIGTERM');
    await sleep(300);
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
    await intacct.close();
  });

  it('runs successes, refusals, Intacct failures and dead letters, and no canary leaks', async () => {
    const sender = new ClarityWebhookSender({ url: webhookUrl, secrets: [secrets.webhookCurrent], maxAttempts: 5, backoffMs: 50 });
    const previous = new ClarityWebhookSender({ url: webhookUrl, secrets: [secrets.webhookPrevious], maxAttempts: 1 });
    const wrong = new ClarityWebhookSender({ url: webhookUrl, secrets: [`${secrets.webhookCurrent}x`], maxAttempts: 1 });
    const orders = sampleOrders(8, { seed: 77, startNumber: 770_000 });
    orders[0]!.lineItems[0]!.sku = 'TRB-LEGACY-BUNDLE'; // Intacct refuses the retired item: BUSINESS_ERROR → DLQ
    orders[1]!.lineItems[0]!.sku = 'TRB-UNKNOWN-SKU'; // not in the mapping: MAPPING.UNMAPPED_SKU → DLQ
    const good = orders.slice(2);

    const record = (r: { status: number; body: unknown }) => { replies.push(`${r.status} ${JSON.stringify(r.body)}`); return r; };
    // Inputs never carry a canary: a leak can only come from the services' own configuration.
    // Refusals: wrong secret, stale, malformed, invalid; each reply body is kept.
    record(await wrong.send(webhookFor(good[0]!)));
    record(await sender.send(webhookFor(good[0]!), { timestampOverride: Math.floor(Date.now() / 1000) - 3600 }));
    record(await sender.send(webhookFor(good[0]!), { bodyOverride: '{"id":"evt_canary",' }));
    record(await sender.send(webhookFor(good[0]!), { bodyOverride: JSON.stringify({ ...webhookFor(good[0]!), apiVersion: 'v9' }) }));
    record(await sender.send(webhookFor(good[0]!), { signatureOverride: `t=${Math.floor(Date.now() / 1000)},v1=${'0'.repeat(64)}` }));

    // Intacct failing for a while: 5xx, throttling, a commit-then-fail.
    intacct.setFaults({ http5xx: 3, throttle: 2, commitThenFail: 1 });
    for (const r of await sender.sendMany(orders.slice(0, 5).map((o) => webhookFor(o)))) assert.equal(record(r).status, 202);
    // The previous secret still works during a rotation.
    for (const o of orders.slice(5)) assert.equal(record(await previous.send(webhookFor(o))).status, 202);

    await waitFor(() => new Set(intacct.documents().map((d) => d.referenceNo)).size >= good.length, { what: 'the good orders in Intacct', timeoutMs: 180_000 });
    await waitFor(() => dead.length >= 2, { what: 'two dead letters', timeoutMs: 120_000 });
    await sleep(500);

    const logs = output.join('');
    assert.ok(logs.split('\n').filter(Boolean).length > 20, `the services logged at trace level (${logs.length} chars)`);
    assert.match(logs, /webhook refused/, 'refusals were logged');
    assert.deepEqual(findLeaks(logs), [], 'no canary in the services\' logs');
    const deadText = dead.map((m) => [m.key?.toString('latin1'), m.value?.toString('latin1'), ...Object.entries(m.headers ?? {}).map(([k, v]) => `${k}=${String(v)}`)].join('\n')).join('\n');
    assert.deepEqual(findLeaks(deadText), [], 'no canary in the DLQ records (key, value, headers)');
    assert.deepEqual(findLeaks(replies.join('\n')), [], 'no canary in the HTTP reply bodies');
    assert.ok(replies.filter((r) => r.startsWith('4')).length >= 5, 'the refusals were answered');
  });
});
