import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sampleOrders, webhookFor } from '@tributary/simulator-clarity';
import { waitFor } from '@tributary/testing';
import { dedupeKeys } from '@tributary/mapping-core';
import { E2eStack } from './e2e-stack.js';
import { assertDocumentContacts, assertDocumentMatchesOrder, assertIntacctHasNoDuplicates, assertInvoicesSettled, documentsByReference } from './order-expectations.js';

describe('happy path: Clarity → Kafka → Sage Intacct', () => {
  let stack: E2eStack;
  before(async () => { stack = await E2eStack.start(); });
  after(async () => { await stack.stop(); });

  it('turns 50 signed order webhooks into 50 Sales Orders with the right lines and totals', async () => {
    const orders = sampleOrders(50, { seed: 11 });
    const results = await stack.sender().sendMany(orders.map((order) => webhookFor(order)), { concurrency: 10 });
    assert.deepEqual(results.map((r) => r.status), orders.map(() => 202));

    await waitFor(() => stack.intacct.documents().length >= 50, { what: '50 sales orders in Intacct', timeoutMs: 60_000 });
    const byReference = documentsByReference(stack.intacct.documents());
    assert.equal(byReference.size, 50);
    for (const order of orders) {
      const documents = byReference.get(order.orderNumber ?? order.orderId) ?? [];
      assert.equal(documents.length, 1, `one document for ${order.orderId}`);
      assertDocumentMatchesOrder(documents[0]!, order);
      assertDocumentContacts(stack.intacct, documents[0]!, order);
    }
    assert.equal(await stack.messageCount('clarity.webhook.v1'), 50, 'every webhook stored verbatim for audit');

    // One Intacct CUSTOMER per person: Clarity customers sharing a (normalised) email are one customer.
    const person = (email: string) => dedupeKeys({ email }, { plusAddressing: 'strip', gmailDots: true }).email;
    const people = new Set(orders.map((o) => person(o.customer.email)));
    assert.equal(stack.intacct.customers().length, people.size, 'one Intacct CUSTOMER per person (dedupe by email)');
    for (const document of stack.intacct.documents()) {
      const order = orders.find((o) => (o.orderNumber ?? o.orderId) === document.referenceNo)!;
      const customer = stack.intacct.customers().find((c) => c.customerId === document.customerId);
      assert.equal(person(customer?.displayContact.email1 ?? ''), person(order.customer.email), `customer of ${document.referenceNo}`);
    }
    await waitFor(() => stack.intacct.payments().length >= orders.filter((o) => o.channel === 'mobile' && o.paymentInfo?.status === 'captured').length, { what: 'cash receipts' });
    assert.ok(stack.intacct.payments().length > 0, 'the sample has invoiced orders paid at checkout');
    assertInvoicesSettled(stack.intacct, orders);
    assertIntacctHasNoDuplicates(stack.intacct);
  });
});
