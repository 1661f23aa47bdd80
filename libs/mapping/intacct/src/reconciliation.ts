import { Decimal } from 'decimal.js';
import type { Order } from '@tributary/canonical-model';
import type { IntacctSalesDocumentRef } from '@tributary/connectors-intacct';

export type FindingKind = 'missing' | 'duplicate' | 'mismatched' | 'orphan';

export interface ReconciliationFinding {
  readonly kind: FindingKind;
  /** The Clarity order number (the document's PONUMBER). */
  readonly reference: string;
  readonly orderId?: string;
  readonly documents: readonly string[];
  readonly detail: string;
}

export interface ReconciliationReport {
  readonly orders: number;
  readonly documents: number;
  readonly matched: number;
  readonly findings: readonly ReconciliationFinding[];
  readonly counts: Readonly<Record<FindingKind, number>>;
}

/**
 * Kafka (what should be in Intacct) against Intacct (what is): every canonical order must have
 * exactly one sales document with its number as reference, the same total and currency; a
 * document whose reference is no order of the period is an orphan. Pure, so it is also the
 * oracle of the chaos tests.
 */
export const reconcileSalesDocuments = (orders: readonly Order[], documents: readonly IntacctSalesDocumentRef[]): ReconciliationReport => {
  const byReference = new Map<string, IntacctSalesDocumentRef[]>();
  for (const document of documents) byReference.set(document.referenceNo, [...(byReference.get(document.referenceNo) ?? []), document]);
  const expected = new Map(orders.map((order) => [order.orderNumber, order]));
  const findings: ReconciliationFinding[] = [];
  let matched = 0;

  for (const order of expected.values()) {
    const found = byReference.get(order.orderNumber) ?? [];
    const ids = found.map((d) => d.key);
    if (found.length === 0) {
      findings.push({ kind: 'missing', reference: order.orderNumber, orderId: order.orderId, documents: [], detail: `order ${order.orderId} (${order.totals.grandTotal} ${order.currency}) has no document in Intacct` });
      continue;
    }
    if (found.length > 1) findings.push({ kind: 'duplicate', reference: order.orderNumber, orderId: order.orderId, documents: ids, detail: `${found.length} documents for one order` });
    const problems = found.flatMap((d) => [
      ...(d.total && !new Decimal(d.total).equals(order.totals.grandTotal) ? [`${d.key} total ${d.total} ≠ ${order.totals.grandTotal}`] : []),
      ...(d.currency && d.currency !== order.currency ? [`${d.key} currency ${d.currency} ≠ ${order.currency}`] : []),
    ]);
    if (problems.length > 0) findings.push({ kind: 'mismatched', reference: order.orderNumber, orderId: order.orderId, documents: ids, detail: problems.join('; ') });
    if (found.length === 1 && problems.length === 0) matched++;
  }
  for (const [reference, found] of byReference) {
    if (!expected.has(reference)) findings.push({ kind: 'orphan', reference, documents: found.map((d) => d.key), detail: `no order ${reference || '(empty reference)'} in Kafka for this period` });
  }
  const counts = { missing: 0, duplicate: 0, mismatched: 0, orphan: 0 };
  for (const finding of findings) counts[finding.kind]++;
  return { orders: expected.size, documents: documents.length, matched, findings, counts };
};
