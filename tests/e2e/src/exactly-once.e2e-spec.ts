import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sampleOrders, webhookFor } from '@tributary/simulator-clarity';
import { sleep, waitFor } from '@tributary/testing';
import { E2eStack } from './e2e-stack.js';
import { assertDocumentMatchesOrder, assertIntacctHasNoDuplicates, assertInvoicesSettled, documentsByReference } from './order-expectations.js';

describe('exactly-once effects in Sage Intacct', () => {
  let stack: E2eStack;
  before(async () => { stack = await E2eStack.start(); });
  after(async () => { await stack.stop(); });

  it('creates one document per order when each webhook arrives 3 times and the sink restarts mid-stream', async () => {
    const orders = sampleOrders(30, { seed: 21, startNumber: 20_000 });
    const webhooks = orders.map((order) => webhookFor(order));
    const sender = stack.sender();
    await sender.sendMany(webhooks.slice(0, 15), { concurrency: 5 });
    await waitFor(() => stack.intacct.documents().length >= 3, { what: 'the sink to be mid-stream' });
    await stack.restartSink();
    const deliveries = [...webhooks.slice(15), ...webhooks, ...webhooks];
    const results = await sender.sendMany(deliveries, { concurrency: 5 });
    assert.ok(results.every((r) => r.status === 202), 'every delivery, duplicates included, is acknowledged');

    await waitFor(() => documentsByReference(stack.intacct.documents()).size >= 30, { what: '30 distinct orders', timeoutMs: 60_000 });
    await sleep(1500); // let every duplicate delivery reach the sink
    const byReference = documentsByReference(stack.intacct.documents());
    assert.equal(stack.intacct.documents().length, 30, 'no duplicate documents');
    for (const order of orders) assertDocumentMatchesOrder(byReference.get(order.orderNumber ?? order.orderId)![0]!, order);
    assertIntacctHasNoDuplicates(stack.intacct);
  });

  it('never creates a second document, customer or cash receipt when Intacct committed but the reply was lost', async () => {
    stack.intacct.setFaults({ commitThenFail: 12 });
    const orders = sampleOrders(6, { seed: 22, startNumber: 30_000 }).map((o, i) => (i % 2 === 0 ? { ...o, channel: 'mobile', paymentInfo: o.paymentInfo && { ...o.paymentInfo, status: 'captured' } } : o));
    await stack.sender().sendMany(orders.map((order) => webhookFor(order)), { concurrency: 3 });
    await waitFor(() => orders.every((o) => documentsByReference(stack.intacct.documents()).has(o.orderNumber ?? o.orderId)), { what: 'the 6 orders', timeoutMs: 30_000 });
    await sleep(1000);
    await waitFor(() => stack.intacct.payments().length >= 3, { what: 'the 3 cash receipts', timeoutMs: 30_000 });
    const byReference = documentsByReference(stack.intacct.documents());
    for (const order of orders) assert.equal(byReference.get(order.orderNumber ?? order.orderId)?.length, 1, `one document for ${order.orderId}`);
    assert.ok((stack.intacct.stats().byStatus['500'] ?? 0) >= 12, `the commit-then-fail faults happened: ${JSON.stringify(stack.intacct.stats().byStatus)}`);
    assertInvoicesSettled(stack.intacct, orders);
    assertIntacctHasNoDuplicates(stack.intacct);
  });

  it('never creates a second document when Intacct committed but the client timed out waiting', async () => {
    stack.intacct.setFaults({ commitThenFail: 2, commitThenFailMode: 'hang' });
    const orders = sampleOrders(2, { seed: 23, startNumber: 31_000 });
    await stack.sender().sendMany(orders.map((order) => webhookFor(order)), { concurrency: 2 });
    await waitFor(() => orders.every((o) => documentsByReference(stack.intacct.documents()).has(o.orderNumber ?? o.orderId)), { what: 'the 2 orders', timeoutMs: 30_000 });
    await sleep(3000); // longer than the sink's 2 s client timeout: any second create would have happened
    const byReference = documentsByReference(stack.intacct.documents());
    for (const order of orders) assert.equal(byReference.get(order.orderNumber ?? order.orderId)?.length, 1, `one document for ${order.orderId}`);
    assert.ok((stack.intacct.stats().byStatus['no-response'] ?? 0) >= 2, `the hangs happened: ${JSON.stringify(stack.intacct.stats().byStatus)}`);
  });
});
