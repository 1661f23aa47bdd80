import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { INestApplicationContext } from '@nestjs/common';
import type { KafkaMessage, Consumer } from 'kafkajs';
import { createIntacctSource } from '@tributary/intacct-source';
import { sleep, waitFor } from '@tributary/testing';
import { E2eStack } from './e2e-stack.js';

describe('intacct-source: stock levels → inventory.adjustment.v1', () => {
  let stack: E2eStack;
  let source: INestApplicationContext | undefined;
  let observer: Consumer;
  const seen: KafkaMessage[] = [];
  const sourceEnv = () => ({ ...stack.env, POLL_INTERVAL_MS: '200' });

  before(async () => {
    stack = await E2eStack.start({ withSink: false, simulator: { inventory: [
      { itemId: 'MUG-12OZ', warehouseId: 'WH-AUSTIN', qtyOnHand: '148' },
      { itemId: 'BEANS-ETH-1KG', warehouseId: 'WH-AUSTIN', qtyOnHand: '35' },
      { itemId: 'ESPRESSO-MACHINE', warehouseId: 'WH-RENO', qtyOnHand: '4' },
    ] } });
    source = await createIntacctSource(sourceEnv());
    observer = stack.kafka.consumer({ groupId: `${stack.env['TOPIC_PREFIX']}inventory-observer`, maxWaitTimeInMs: 100 });
    await observer.connect();
    await observer.subscribe({ topic: stack.topic('inventory.adjustment.v1'), fromBeginning: true });
    await observer.run({ eachMessage: async ({ message }) => { seen.push(message); } });
  });
  after(async () => { await observer.disconnect(); await source?.close(); await stack.stop(); });

  it('emits every stock level once, keyed by Clarity SKU@warehouse', async () => {
    await waitFor(() => seen.length >= 3, { what: 'three adjustments' });
    await sleep(800); // several more polls: nothing new may appear
    assert.deepEqual(seen.map((m) => m.key?.toString()).sort(), ['TRB-BEANS-ETH-1KG@WH-AUSTIN', 'TRB-ESPRESSO-MACHINE@WH-RENO', 'TRB-MUG-12OZ@WH-AUSTIN']);
  });

  it('emits a change once, and nothing twice across a restart', async () => {
    stack.intacct.setStock('MUG-12OZ', 'WH-AUSTIN', '141');
    await waitFor(() => seen.length >= 4, { what: 'the change' });
    await source?.close();
    source = await createIntacctSource(sourceEnv());
    await sleep(1000);
    assert.equal(seen.length, 4, 'a restarted source resumes from Kafka and re-emits nothing');
    stack.intacct.setStock('ESPRESSO-MACHINE', 'WH-RENO', '3');
    await waitFor(() => seen.length >= 5, { what: 'a change after the restart' });
    await sleep(600);
    assert.equal(seen.length, 5);
    assert.equal(seen.at(-1)?.key?.toString(), 'TRB-ESPRESSO-MACHINE@WH-RENO');
  });
});
