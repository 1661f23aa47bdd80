import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { INestApplicationContext } from '@nestjs/common';
import { topics, type CustomerEvent } from '@tributary/canonical-model';
import { AvroEventCodec, createKafkaClient, IsolatedDecoder, readTopicToEnd, SchemaRegistryClient } from '@tributary/kafka-runtime';
import { createLogger, TributaryMetrics } from '@tributary/observability';
import { createSalesforceCdcSource } from '@tributary/salesforce-cdc-source';
import { startSalesforceSimulator, type SalesforceSimulator } from '@tributary/simulator-salesforce';
import { sleep, stackEnv, waitFor } from '@tributary/testing';
import type { Kafka } from 'kafkajs';
import { MAPPING_FILE } from './e2e-stack.js';

const CLIENT = { clientId: 'tributary-e2e-replay', clientSecret: 'replay-secret' };

describe('salesforce-cdc-source: a replay id outside the retention window and an auth failure recover without loss', () => {
  let sim: SalesforceSimulator;
  let source: INestApplicationContext | undefined;
  let env: Record<string, string>;
  let kafka: Kafka;
  const decoder = new IsolatedDecoder();

  const emitted = async (): Promise<CustomerEvent[]> => {
    const topic = `${env['TOPIC_PREFIX']}${topics.customer.name}`;
    const raw: Array<Buffer | null> = [];
    await readTopicToEnd(kafka, topic, (m) => raw.push(m.value));
    const codec = await AvroEventCodec.create<CustomerEvent>({ registry: new SchemaRegistryClient(env['SCHEMA_REGISTRY_URL']!), decoder, subject: `${topic}-value`, schema: topics.customer.valueSchema });
    return (await codec.decodeMany(raw)).flatMap((d) => (d.ok ? [d.value] : []));
  };
  const forIds = async (ids: readonly string[]) => (await emitted()).filter((e) => ids.includes(e.customer.salesforceAccountId ?? ''));

  before(async () => {
    sim = await startSalesforceSimulator({ port: 0, clients: [CLIENT], cometdTimeoutMs: 800, replayRetentionMs: 2500, seed: 5 });
    env = stackEnv({ MAPPING_FILE, SALESFORCE_LOGIN_URL: sim.url, SALESFORCE_CLIENT_ID: CLIENT.clientId, SALESFORCE_CLIENT_SECRET: CLIENT.clientSecret, SALESFORCE_TIMEOUT_MS: '5000', SALESFORCE_CDC_RESTART_DELAY_MS: '300' });
    kafka = createKafkaClient({ brokers: env['KAFKA_BROKERS']!.split(','), clientId: 'e2e-replay', logger: createLogger('e2e', 'silent') });
    source = await createSalesforceCdcSource(env);
  });
  after(async () => {
    await source?.close();
    await decoder.close();
    await sim.close();
  });

  it('token expiry while subscribed: re-authorises, resubscribes from the checkpoint, nothing lost', async () => {
    const first = sim.changeAsSalesRep('Account', undefined, { Name: 'Auth Co 1' });
    await waitFor(async () => (await forIds([first])).length === 1, { what: 'the first change', timeoutMs: 15_000 });
    sim.setFaults({ expireTokens: true });
    const ids = [first, sim.changeAsSalesRep('Account', undefined, { Name: 'Auth Co 2' }), sim.changeAsSalesRep('Account', undefined, { Name: 'Auth Co 3' })];
    await waitFor(async () => (await forIds(ids)).length === 3, { what: 'the changes after the token expired', timeoutMs: 30_000 });
    await sleep(1000);
    assert.equal((await forIds(ids)).length, 3);
  });

  it('an expired replay id raises the alert metric and resyncs by SystemModstamp: every change once', async () => {
    const before = [sim.changeAsSalesRep('Account', undefined, { Name: 'Replay Co A' })];
    await waitFor(async () => (await forIds(before)).length === 1, { what: 'a change before the stop', timeoutMs: 15_000 });
    await source?.close();
    source = undefined;
    const whileDown = Array.from({ length: 4 }, (_, i) => sim.changeAsSalesRep('Account', undefined, { Name: `Replay Co down ${i}` }));
    await sleep(3500); // the checkpointed replay id falls out of the 2.5 s retention window
    source = await createSalesforceCdcSource(env);
    await waitFor(async () => (await forIds(whileDown)).length === 4, { what: 'the changes made while down, by resync', timeoutMs: 20_000 });
    const metrics = await source.get(TributaryMetrics).registry.getSingleMetricAsString('tributary_cdc_resyncs_total');
    assert.match(metrics, /reason="replay_id_invalid"[^}]*\} [1-9]/);
    const after = [sim.changeAsSalesRep('Account', undefined, { Name: 'Replay Co after' })];
    await waitFor(async () => (await forIds(after)).length === 1, { what: 'new changes flow again', timeoutMs: 15_000 });
    await sleep(1000);
    const all = await forIds([...before, ...whileDown, ...after]);
    assert.equal(all.length, 6, 'none missed, none doubled');
  });
});
