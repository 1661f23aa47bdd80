import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Decimal } from 'decimal.js';
import type { Consumer, KafkaMessage } from 'kafkajs';
import { commonEnvSchema, loadConfig } from '@tributary/config';
import { cashReceiptReference } from '@tributary/mapping-intacct';
import { createLogger } from '@tributary/observability';
import { catalogue, paymentCaptureFor, paymentWebhookFor, productFor, productWebhookFor, returnFor, returnWebhookFor, sampleOrders, webhookFor } from '@tributary/simulator-clarity';
import { importSettlements } from '@tributary/tributary-cli';
import { sleep, waitFor } from '@tributary/testing';
import { E2eStack, itemIds } from './e2e-stack.js';

const DLQ = 'dlq.intacct-sink.v1';

describe('Intacct finance documents: multi-currency orders, payments, returns, settlements and items', () => {
  let stack: E2eStack;
  let dlq: Consumer;
  const dead: KafkaMessage[] = [];
  const header = (m: KafkaMessage | undefined, name: string) => m?.headers?.[name]?.toString();

  before(async () => {
    stack = await E2eStack.start({ simulator: { itemMaster: Object.values(itemIds).map((itemId) => ({ itemId, name: itemId, basePrice: '1.00' })) } });
    dlq = stack.kafka.consumer({ groupId: `${stack.env['TOPIC_PREFIX']}finance-dlq-observer`, maxWaitTimeInMs: 100 });
    await dlq.connect();
    await dlq.subscribe({ topic: stack.topic(DLQ), fromBeginning: true });
    await dlq.run({ eachMessage: async ({ message }) => { dead.push(message); } });
  });
  after(async () => { await dlq.disconnect(); await stack.stop(); });

  it('books a EUR order in EUR, with the base currency and the exchange rate of the order day', async () => {
    const [order] = sampleOrders(1, { seed: 301, startNumber: 301_000, currency: 'EUR' }).map((o) => ({ ...o, channel: 'web' }));
    assert.equal((await stack.sender().send(webhookFor(order!))).status, 202);
    const document = await waitFor(() => stack.intacct.documents().find((d) => d.referenceNo === order!.orderNumber), { what: 'the EUR order in Intacct' });
    assert.equal(document.currency, 'EUR');
    assert.equal(document.baseCurrency, 'USD');
    // The mapping file quotes 0.9213 EUR per USD from 2026-11-24 (the latest on or before the order day);
    // Intacct's exchrate converts the document currency into the base currency: USD per EUR.
    assert.ok(new Decimal(document.exchangeRate!).times('0.9213').minus(1).abs().lt('1e-8'), `exchrate ${document.exchangeRate} is 1 / 0.9213`);
    assert.equal(document.exchangeRateDate, '2026-11-24');
    assert.equal(new Decimal(document.total).toFixed(2), new Decimal(order!.totalAmount).toFixed(2));
  });

  it('applies a capture to the invoice once: the checkout payment in the order and the payment webhook are one receipt', async () => {
    const [order] = sampleOrders(1, { seed: 302, startNumber: 302_000 }).map((o) => ({ ...o, channel: 'mobile', paymentInfo: { ...o.paymentInfo, status: 'captured' } }));
    const capture = paymentCaptureFor(order!);
    const sender = stack.sender();
    assert.equal((await sender.send(webhookFor(order!))).status, 202);
    assert.equal((await sender.send(paymentWebhookFor(capture, { eventId: 'whk_pay_302_a' }))).status, 202);
    assert.equal((await sender.send(paymentWebhookFor(capture, { eventId: 'whk_pay_302_b' }))).status, 202, 'a second delivery under another webhook id');
    const reference = cashReceiptReference({ orderNumber: order!.orderNumber, transactionId: order!.paymentInfo.transactionId });
    await waitFor(() => stack.intacct.payments().some((p) => p.docNumber === reference), { what: 'the cash receipt' });
    await sleep(800);
    assert.equal(stack.intacct.payments().filter((p) => p.docNumber === reference).length, 1, 'one receipt for one capture');
    const invoice = stack.intacct.arInvoices().find((i) => i.docId === stack.intacct.documents().find((d) => d.referenceNo === order!.orderNumber)?.docId);
    assert.equal(invoice?.openBalance, '0.00');
  });

  it('dead-letters a capture for an order that is only a Sales Order, with the reason and what to do', async () => {
    const [order] = sampleOrders(1, { seed: 303, startNumber: 303_000 }).map((o) => ({ ...o, channel: 'web' }));
    await stack.sender().send(webhookFor(order!));
    await waitFor(() => stack.intacct.documents().find((d) => d.referenceNo === order!.orderNumber), { what: 'the Sales Order' });
    const capture = paymentCaptureFor(order!, { paymentId: 'pay_303_late' });
    assert.equal((await stack.sender().send(paymentWebhookFor(capture))).status, 202);
    const letter = await waitFor(() => dead.find((m) => m.key?.toString() === 'pay_303_late'), { what: 'the capture in the DLQ' });
    assert.equal(header(letter, 'x-dlq-error-code'), 'INTACCT.NO_AR_INVOICE');
    assert.match(header(letter, 'x-dlq-error-message') ?? '', /replay this message once the order is invoiced/);
  });

  it('credits a return with a credit memo created from the order\'s document, and refuses to credit the same goods twice', async () => {
    const [order] = sampleOrders(1, { seed: 304, startNumber: 304_000 }).map((o) => ({ ...o, channel: 'web' }));
    await stack.sender().send(webhookFor(order!));
    const original = await waitFor(() => stack.intacct.documents().find((d) => d.referenceNo === order!.orderNumber), { what: 'the order\'s document' });
    const everything = returnFor(order!, { scope: 'all' });
    assert.equal((await stack.sender().send(returnWebhookFor(everything))).status, 202);
    const memo = await waitFor(() => stack.intacct.documents().find((d) => d.referenceNo === everything.returnNumber), { what: 'the credit memo' });
    assert.equal(memo.transactionType, 'Sales Credit Memo');
    assert.equal(memo.createdFrom, original.docId);
    assert.equal(memo.customerId, original.customerId);
    assert.equal(new Decimal(memo.total).toFixed(2), new Decimal(everything.refundTotal).toFixed(2));
    assert.equal(memo.lines.length, everything.lines.length);

    const again = returnFor(order!, { scope: 'all', returnId: 'ret_304_again', returnNumber: 'RMA-304-AGAIN' });
    await stack.sender().send(returnWebhookFor(again));
    const letter = await waitFor(() => dead.find((m) => m.key?.toString() === 'ret_304_again'), { what: 'the second return in the DLQ' });
    assert.equal(header(letter, 'x-dlq-error-code'), 'INTACCT.BUSINESS_ERROR');
    assert.equal(stack.intacct.documents().filter((d) => d.transactionType === 'Sales Credit Memo' && d.createdFrom === original.docId).length, 1);
  });

  it('posts one settlement journal that balances to the cent, however often the payout report is imported', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tributary-settlement-'));
    const file = join(dir, 'stripe-payout.csv');
    await writeFile(file, [
      'settlement_id,gateway,currency,settled_at,payment_id,order_number,kind,amount,fee,net',
      'po_e2e_1,stripe,USD,2026-11-27T06:00:00Z,ch_1,CL-1,captured,1503.68,43.91,1458.61',
      'po_e2e_1,stripe,USD,2026-11-27T06:00:00Z,ch_2,CL-2,captured,39.98,1.16,1458.61',
      'po_e2e_1,stripe,USD,2026-11-27T06:00:00Z,re_1,CL-2,refunded,39.98,0.00,1458.61',
    ].join('\n'));
    const config = loadConfig(commonEnvSchema, stack.env);
    const log = createLogger('e2e', 'silent');
    const first = await importSettlements(config, log, file, { dryRun: false });
    assert.ok(first.ok);
    assert.deepEqual(first.settlements.map((s) => [s.settlementId, s.net]), [['po_e2e_1', '1458.61']]);
    const batch = await waitFor(() => stack.intacct.glBatches().find((b) => b.referenceNo === 'STL-po_e2e_1'), { what: 'the settlement journal' });
    const side = (type: 1 | -1) => batch.entries.filter((e) => e.trType === type).reduce((sum, e) => sum.plus(e.amount), new Decimal(0));
    assert.equal(side(1).toFixed(2), side(-1).toFixed(2), 'debits equal credits');
    assert.deepEqual(batch.entries.map((e) => [e.accountNo, e.trType, e.amount]), [['1010', 1, '1458.61'], ['6125', 1, '45.07'], ['1225', -1, '1503.68']]);

    assert.ok((await importSettlements(config, log, file, { dryRun: false })).ok);
    await sleep(800);
    assert.equal(stack.intacct.glBatches().filter((b) => b.referenceNo === 'STL-po_e2e_1').length, 1, 'imported twice, booked once');
  });

  it('writes the price and description Clarity masters to the Intacct item, and leaves its name alone', async () => {
    const mug = catalogue.find((item) => item.sku === 'TRB-MUG-12OZ')!;
    const product = productFor(mug, { price: '21.50', modifiedAt: '2026-11-26T08:00:00Z' });
    assert.equal((await stack.sender().send(productWebhookFor(product))).status, 202);
    const item = await waitFor(() => stack.intacct.items().find((i) => i.itemId === 'MUG-12OZ' && i.basePrice === '21.50'), { what: 'the item updated' });
    assert.equal(item.soDescription, product.description);
    assert.equal(item.name, 'MUG-12OZ', 'the ERP masters the name');
  });
});
