import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { INestApplicationContext } from '@nestjs/common';
import type { KafkaMessage, Consumer } from 'kafkajs';
import { topics } from '@tributary/canonical-model';
import { createIntacctSource } from '@tributary/intacct-source';
import { AvroEventCodec, IsolatedDecoder, SchemaRegistryClient } from '@tributary/kafka-runtime';
import { sampleOrders, webhookFor } from '@tributary/simulator-clarity';
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

describe('intacct-source: item master → commerce.product.v1, document state → commerce.order-status.v1', () => {
  let stack: E2eStack;
  let source: INestApplicationContext | undefined;
  let observer: Consumer;
  const products: KafkaMessage[] = [];
  const statuses: KafkaMessage[] = [];
  const sourceEnv = () => ({ ...stack.env, POLL_INTERVAL_MS: '200', INTACCT_SOURCE_FEEDS: 'items,documents' });
  const decoded = async (messages: KafkaMessage[], topic: string) => {
    const codec = await AvroEventCodec.create<Record<string, unknown>>({ registry: new SchemaRegistryClient(stack.env['SCHEMA_REGISTRY_URL']!), decoder, subject: `${stack.topic(topic)}-value`, schema: topic === 'commerce.product.v1' ? topics.product.valueSchema : topics.orderStatus.valueSchema });
    return (await codec.decodeMany(messages.map((m) => m.value))).map((r) => (r.ok ? r.value : undefined));
  };
  const decoder = new IsolatedDecoder();

  before(async () => {
    stack = await E2eStack.start({ simulator: { items: ['MUG-12OZ', 'BEANS-ETH-1KG'], itemMaster: [{ itemId: 'MUG-12OZ', name: 'Mug 12 oz', basePrice: '19.99' }, { itemId: 'BEANS-ETH-1KG', name: 'Ethiopia beans 1 kg', basePrice: '34.00' }] } });
    source = await createIntacctSource(sourceEnv());
    observer = stack.kafka.consumer({ groupId: `${stack.env['TOPIC_PREFIX']}erp-observer`, maxWaitTimeInMs: 100 });
    await observer.connect();
    await observer.subscribe({ topics: [stack.topic('commerce.product.v1'), stack.topic('commerce.order-status.v1')], fromBeginning: true });
    await observer.run({ eachMessage: async ({ topic, message }) => { (topic.endsWith('commerce.product.v1') ? products : statuses).push(message); } });
  });
  after(async () => { await observer.disconnect(); await source?.close(); await stack.stop(); await decoder.close(); });

  it('emits each item once, keyed by Clarity SKU, and a change made in Intacct once more, across a restart', async () => {
    await waitFor(() => products.length >= 2, { what: 'the two items' });
    await sleep(600);
    assert.deepEqual(products.map((m) => m.key?.toString()).sort(), ['TRB-BEANS-ETH-1KG', 'TRB-MUG-12OZ']);
    stack.intacct.setItem({ itemId: 'MUG-12OZ', basePrice: '21.50' });
    await waitFor(() => products.length >= 3, { what: 'the price change' });
    const [change] = (await decoded(products.slice(2), 'commerce.product.v1')) as Array<{ source: string; product: { sku: string; price: string; erpItemId: string } }>;
    assert.deepEqual([change?.source, change?.product.sku, change?.product.erpItemId, change?.product.price], ['intacct', 'TRB-MUG-12OZ', 'MUG-12OZ', '21.50']);
    await source?.close();
    source = await createIntacctSource(sourceEnv());
    await sleep(1000);
    assert.equal(products.length, 3, 'a restarted source re-emits nothing');
  });

  it('emits the state of an order\'s document when it changes in Intacct, keyed by the order number', async () => {
    const [order] = sampleOrders(1, { seed: 401, startNumber: 401_000 }).map((o) => ({ ...o, channel: 'web', lineItems: o.lineItems.slice(0, 1).map((l) => ({ ...l, sku: 'TRB-MUG-12OZ' })) }));
    const document = await waitFor(async () => {
      await stack.sender().send(webhookFor(order!));
      return stack.intacct.documents().find((d) => d.referenceNo === order!.orderNumber);
    }, { what: 'the order in Intacct' });
    await waitFor(() => statuses.some((m) => m.key?.toString() === order!.orderNumber), { what: 'the new document\'s state' });
    assert.equal(stack.intacct.setDocumentState({ docId: document.docId, state: 'Converted' }).kind, 'changed');
    await waitFor(() => statuses.filter((m) => m.key?.toString() === order!.orderNumber).length >= 2, { what: 'the converted state' });
    const events = (await decoded(statuses.filter((m) => m.key?.toString() === order!.orderNumber), 'commerce.order-status.v1')) as Array<{ orderStatus: { erpState: string; status: string; documentId: string } }>;
    assert.deepEqual(events.map((e) => [e.orderStatus.erpState, e.orderStatus.status]), [['Pending', 'open'], ['Converted', 'invoiced']]);
    assert.equal(events[1]?.orderStatus.documentId, document.docId);
  });
});
