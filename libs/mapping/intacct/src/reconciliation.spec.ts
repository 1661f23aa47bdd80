import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Order } from '@tributary/canonical-model';
import type { IntacctSalesDocumentRef } from '@tributary/connectors-intacct';
import { reconcileSalesDocuments } from './reconciliation.js';

const order = (n: number, total: string, currency = 'USD') => ({ orderId: String(n), orderNumber: `CL-${n}`, currency, totals: { grandTotal: total } }) as unknown as Order;
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
