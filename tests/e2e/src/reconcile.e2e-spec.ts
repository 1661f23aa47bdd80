import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { IntacctClient } from '@tributary/connectors-intacct';
import { cashReceiptReference } from '@tributary/mapping-intacct';
import { returnFor, returnWebhookFor, sampleOrders, webhookFor } from '@tributary/simulator-clarity';
import { waitFor } from '@tributary/testing';
import { E2eStack } from './e2e-stack.js';
import { assertIntacctHasNoDuplicates } from './order-expectations.js';

const cli = join(fileURLToPath(import.meta.url), '../../../../apps/tributary-cli/dist/main.js');
const run = promisify(execFile);

type Report = { orders: number; matched: number; requeued: number; counts: Record<string, number>; findings: Array<{ kind: string; record: string; reference: string; detail: string }>; sections: Record<string, { expected: number; found: number; matched: number }> };

describe('tributary reconcile intacct', () => {
  let stack: E2eStack;
  const started = Date.now() - 1000;
  before(async () => { stack = await E2eStack.start({ withSink: false }); });
  after(async () => { await stack.stop(); });

  const reconcile = async (...extra: string[]): Promise<{ code: number; report: Report }> => {
    try {
      const { stdout } = await run(process.execPath, [cli, 'reconcile', 'intacct', '--from', new Date(started).toISOString(), '--json', ...extra], { env: { ...process.env, ...stack.env } });
      return { code: 0, report: JSON.parse(stdout) as Report };
    } catch (error) {
      const failed = error as { code?: number; stdout?: string; stderr?: string };
      if (failed.code !== 1) throw new Error(`reconcile failed (${failed.code}): ${failed.stderr}`);
      return { code: 1, report: JSON.parse(failed.stdout ?? '{}') as Report };
    }
  };

  it('reports orders the sink has not posted as missing, re-enqueues them, and then finds nothing', async () => {
    const orders = sampleOrders(4, { seed: 71, startNumber: 70_000 });
    await stack.sender().sendMany(orders.map((o) => webhookFor(o)));
    const before = await reconcile();
    assert.equal(before.code, 1);
    assert.equal(before.report.counts['missing'], 4);

    const requeue = await reconcile('--requeue-missing');
    assert.equal(requeue.report.requeued, 4);
    await stack.restartSink();
    await waitFor(() => stack.intacct.documents().length >= 4, { what: 'the 4 orders in Intacct', timeoutMs: 30_000 });
    await waitFor(async () => (await reconcile()).code === 0, { what: 'a clean reconciliation', timeoutMs: 20_000, intervalMs: 500 });
    assertIntacctHasNoDuplicates(stack.intacct);
  });

  it('reports a duplicate and an orphan created behind the integration’s back, and changes nothing in Intacct', async () => {
    const client = new IntacctClient({ endpointUrl: stack.intacct.url, credentials: { senderId: stack.env['INTACCT_SENDER_ID']!, senderPassword: stack.env['INTACCT_SENDER_PASSWORD']!, companyId: stack.env['INTACCT_COMPANY_ID']!, userId: stack.env['INTACCT_USER_ID']!, userPassword: stack.env['INTACCT_USER_PASSWORD']! } });
    const existing = stack.intacct.documents()[0]!;
    const today = new Date();
    const date = { year: today.getUTCFullYear(), month: today.getUTCMonth() + 1, day: today.getUTCDate() };
    const line = { itemId: existing.lines[0]!.itemId, quantity: 1, price: '10.00' };
    await client.createSalesOrder({ transactionType: 'Sales Order', dateCreated: date, customerId: existing.customerId, referenceNo: existing.referenceNo, currency: 'USD', lines: [line], subtotals: [] }, { controlId: 'hand-made-duplicate' });
    await client.createSalesOrder({ transactionType: 'Sales Order', dateCreated: date, customerId: existing.customerId, referenceNo: 'PHONE-ORDER-1', currency: 'USD', lines: [line], subtotals: [] }, { controlId: 'hand-made-orphan' });
    await client.close();
    const count = stack.intacct.documents().length;

    const { code, report } = await reconcile();
    assert.equal(code, 1);
    assert.equal(report.counts['duplicate'], 1);
    assert.equal(report.counts['orphan'], 1);
    assert.equal(report.counts['missing'], 0);
    assert.ok(report.findings.some((f) => f.kind === 'duplicate' && f.reference === existing.referenceNo));
    assert.ok(report.findings.some((f) => f.kind === 'orphan' && f.reference === 'PHONE-ORDER-1'));
    assert.equal(stack.intacct.documents().length, count, 'reconciliation never changes the ERP');
  });

  it('compares returns with credit memos, payments with cash receipts, and the line counts of documents', async () => {
    const [paid, open] = sampleOrders(2, { seed: 73, startNumber: 73_000 });
    const invoiced = { ...paid!, channel: 'mobile', paymentInfo: { ...paid!.paymentInfo, status: 'captured' } };
    const salesOrder = { ...open!, channel: 'web' };
    const ret = returnFor(invoiced, { scope: 'some' });
    await stack.sender().sendMany([webhookFor(invoiced), webhookFor(salesOrder)]);
    const receipt = cashReceiptReference({ orderNumber: invoiced.orderNumber, transactionId: invoiced.paymentInfo.transactionId });
    await waitFor(() => stack.intacct.payments().some((p) => p.docNumber === receipt), { what: 'the cash receipt' });
    await stack.sender().send(returnWebhookFor(ret));
    await waitFor(() => stack.intacct.documents().some((d) => d.referenceNo === ret.returnNumber), { what: 'the credit memo' });
    const document = await waitFor(() => stack.intacct.documents().find((d) => d.referenceNo === salesOrder.orderNumber), { what: 'the sales order' });

    const clean = await reconcile();
    assert.equal(clean.report.sections['return']?.matched, 1, 'the return has its one credit memo, with its total, currency and lines');
    assert.ok((clean.report.sections['payment']?.matched ?? 0) >= 1);
    assert.ok(!clean.report.findings.some((f) => [receipt, ret.returnNumber, salesOrder.orderNumber, invoiced.orderNumber].includes(f.reference)), JSON.stringify(clean.report.findings));

    // Someone adds a free line to the sales order by hand: same total, one line more.
    const client = new IntacctClient({ endpointUrl: stack.intacct.url, credentials: { senderId: stack.env['INTACCT_SENDER_ID']!, senderPassword: stack.env['INTACCT_SENDER_PASSWORD']!, companyId: stack.env['INTACCT_COMPANY_ID']!, userId: stack.env['INTACCT_USER_ID']!, userPassword: stack.env['INTACCT_USER_PASSWORD']! } });
    await client.updateSalesOrder(document.docId, { addLines: [{ itemId: document.lines[0]!.itemId, quantity: 1, price: '0.00' }] }, { controlId: 'hand-added-line' });
    await client.close();
    const { report } = await reconcile();
    const finding = report.findings.find((f) => f.reference === salesOrder.orderNumber);
    assert.equal(finding?.kind, 'mismatched');
    assert.match(finding?.detail ?? '', new RegExp(`has ${document.lines.length + 1} lines, the order ${salesOrder.lineItems.length}`));
  });
});
