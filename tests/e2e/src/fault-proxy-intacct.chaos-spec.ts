import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { INestApplicationContext } from '@nestjs/common';
import { createIntacctSink } from '@tributary/intacct-sink';
import { sampleOrders, webhookFor } from '@tributary/simulator-clarity';
import { FaultProxy, sleep, waitFor } from '@tributary/testing';
import { E2eStack } from './e2e-stack.js';
import { assertIntacctHasNoDuplicates } from './order-expectations.js';

/**
 * The TCP fault proxy between the sink and the Intacct simulator: the network to Intacct goes
 * silent (black hole), then slow, then drops connections, and every order still lands exactly once.
 */
describe('fault proxy between intacct-sink and Intacct: black hole, latency, resets', () => {
  let stack: E2eStack;
  let proxy: FaultProxy;
  let sink: INestApplicationContext;

  before(async () => {
    stack = await E2eStack.start({ withSink: false });
    const target = new URL(stack.intacct.url);
    proxy = await FaultProxy.start({ targetHost: target.hostname, targetPort: Number(target.port) });
    sink = await createIntacctSink({ ...stack.env, INTACCT_ENDPOINT_URL: proxy.url(stack.intacct.url), INTACCT_TIMEOUT_MS: '800' });
  });
  after(async () => {
    await sink?.close();
    await proxy?.close();
    await stack?.stop();
  });

  const referencesOf = (orders: Array<{ orderNumber?: string; orderId: string }>) => orders.map((o) => o.orderNumber ?? o.orderId);
  const stored = (refs: string[]) => refs.filter((ref) => stack.intacct.documents().some((d) => d.referenceNo === ref)).length;

  it('holds orders while Intacct is black-holed, and delivers each exactly once after restore', async () => {
    const orders = sampleOrders(4, { seed: 808, startNumber: 808_000 });
    proxy.blackhole();
    const results = await stack.sender().sendMany(orders.map((o) => webhookFor(o)));
    assert.deepEqual(results.map((r) => r.status), [202, 202, 202, 202]);
    await sleep(2500); // several client timeouts
    assert.equal(stored(referencesOf(orders)), 0, 'nothing reached Intacct through the black hole');
    assert.ok(proxy.stats().accepted > 0, 'the sink tried');
    proxy.restore();
    await waitFor(() => stored(referencesOf(orders)) === orders.length, { what: 'every order in Intacct after restore', timeoutMs: 60_000 });
    assertIntacctHasNoDuplicates(stack.intacct);
  });

  it('delivers through 300 ms of latency each way and through connection resets', async () => {
    const slow = sampleOrders(2, { seed: 809, startNumber: 809_000 });
    proxy.setLatency(300);
    await stack.sender().sendMany(slow.map((o) => webhookFor(o)));
    await waitFor(() => stored(referencesOf(slow)) === slow.length, { what: 'the slow orders', timeoutMs: 60_000 });
    proxy.restore();

    const reset = sampleOrders(3, { seed: 810, startNumber: 810_000 });
    proxy.reset({ refuseNew: true });
    await stack.sender().sendMany(reset.map((o) => webhookFor(o)));
    await sleep(1000);
    assert.ok(proxy.stats().resets > 0, 'connections were reset');
    proxy.restore();
    await waitFor(() => stored(referencesOf(reset)) === reset.length, { what: 'the orders sent while connections were reset', timeoutMs: 60_000 });
    assertIntacctHasNoDuplicates(stack.intacct);
  });
});
