import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Order, OrderReturn } from '@tributary/canonical-model';
import type { ReceivedPayment } from './cash-receipt.js';
import type { IntacctSalesDocumentRef } from '@tributary/connectors-intacct';
import { combineReconciliation, reconcilePayments, reconcileReturns, reconcileSalesDocuments } from './reconciliation.js';

const order = (n: number, total: string, currency = 'USD') => ({ orderId: String(n), orderNumber: `CL-${n}`, currency, lines: [], totals: { grandTotal: total } }) as unknown as Order;
const doc = (no: number, reference: string, total: string, currency = 'USD'): IntacctSalesDocumentRef => ({
  key: `Sales Order-SO${String(no).padStart(4, '0')}`, recordNo: String(no), docNo: `SO${no}`, state: 'Pending', total, referenceNo: reference, currency,
});

describe('reconcileSalesDocuments', () => {
  it('finds missing, duplicate, mismatched and orphan documents, and counts the matched ones', () => {
    const report = reconcileSalesDocuments(
      [order(1, '10.00'), order(2, '20.00'), order(3, '30.00'), order(4, '40.00', 'EUR'), order(5, '50.00')],
      [doc(1, 'CL-1', '10.00'), doc(2, 'CL-2', '20.00'), doc(3, 'CL-2', '20.00'), doc(4, 'CL-3', '30.01'), doc(5, 'CL-4', '40.00', 'USD'), doc(6, 'CL-99', '5.00')],
    );
    assert.deepEqual(report.counts, { missing: 1, duplicate: 1, mismatched: 2, orphan: 1 });
    assert.equal(report.matched, 1);
    assert.deepEqual(report.findings.find((f) => f.kind === 'missing')?.reference, 'CL-5');
    assert.deepEqual(report.findings.find((f) => f.kind === 'duplicate')?.documents, ['Sales Order-SO0002', 'Sales Order-SO0003']);
    assert.match(report.findings.find((f) => f.reference === 'CL-3')?.detail ?? '', /total 30\.01 ≠ 30\.00/);
    assert.match(report.findings.find((f) => f.reference === 'CL-4')?.detail ?? '', /currency USD ≠ EUR/);
    assert.equal(report.findings.find((f) => f.kind === 'orphan')?.reference, 'CL-99');
  });

  it('reports nothing when Kafka and Intacct agree (amounts compared exactly, 30 = 30.00)', () => {
    const report = reconcileSalesDocuments([order(1, '30.00')], [doc(1, 'CL-1', '30')]);
    assert.deepEqual(report.counts, { missing: 0, duplicate: 0, mismatched: 0, orphan: 0 });
    assert.equal(report.matched, 1);
  });
});

describe('reconciliation of line counts, returns and payments', () => {
  it('reports a document whose line count differs from the order', () => {
    const withLines = { ...order(1, '10.00'), lines: [{}, {}] } as unknown as Order;
    const report = reconcileSalesDocuments([withLines], [doc(1, 'CL-1', '10.00')], new Map([['Sales Order-SO0001', 3]]));
    assert.equal(report.counts.mismatched, 1);
    assert.match(report.findings[0]?.detail ?? '', /has 3 lines, the order 2/);
    assert.equal(reconcileSalesDocuments([withLines], [doc(1, 'CL-1', '10.00')], new Map([['Sales Order-SO0001', 2]])).matched, 1);
  });

  it('matches returns to credit memos by return number and payments to receipts by reference', () => {
    const ret = { returnId: 'r1', returnNumber: 'RMA-1', orderNumber: 'CL-1', refundTotal: '5.00', currency: 'USD', lines: [{}] } as unknown as OrderReturn;
    const memo = { ...doc(9, 'RMA-1', '5.00'), key: 'Sales Credit Memo-CM0009' };
    const payment: ReceivedPayment = { orderId: '1', orderNumber: 'CL-1', method: 'visa', transactionId: 'ch_1', amount: '10.00', currency: 'USD', receivedAt: 0 };
    const report = combineReconciliation({
      return: reconcileReturns([ret], [memo], new Map([[memo.key, 1]])),
      payment: reconcilePayments([payment, { ...payment, transactionId: 'ch_2' }], [
        { recordNo: '77', docNumber: 'PAY-CL-1-ch_1', amount: '10.00', customerId: 'C1' },
        { recordNo: '78', docNumber: 'PAY-CL-1-ch_1', amount: '10.00', customerId: 'C1' },
      ]),
    });
    assert.deepEqual(report.sections.return?.counts, { missing: 0, duplicate: 0, mismatched: 0, orphan: 0 });
    assert.deepEqual(report.sections.payment?.counts, { missing: 1, duplicate: 1, mismatched: 0, orphan: 0 });
    assert.equal(report.findings.find((f) => f.kind === 'missing')?.reference, 'PAY-CL-1-ch_2');
    assert.deepEqual(report.findings.find((f) => f.kind === 'duplicate')?.documents, ['ARPYMT-77', 'ARPYMT-78']);
    assert.equal(report.matched, 1);
  });
});
