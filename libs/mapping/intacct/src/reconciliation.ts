import { Decimal } from 'decimal.js';
import type { Order, OrderReturn } from '@tributary/canonical-model';
import type { IntacctArPaymentRef, IntacctSalesDocumentRef } from '@tributary/connectors-intacct';
import { cashReceiptReference, type ReceivedPayment } from './cash-receipt.js';

export type FindingKind = 'missing' | 'duplicate' | 'mismatched' | 'orphan';
/** What kind of canonical record a finding is about. */
export type RecordKind = 'order' | 'return' | 'payment';

export interface ReconciliationFinding {
  readonly kind: FindingKind;
  readonly record: RecordKind;
  /** Our reference on the ERP record: the order number, the return number, the receipt's DOCNUMBER. */
  readonly reference: string;
  /** The canonical id: the key of the message that re-enqueues it. */
  readonly orderId?: string;
  readonly sourceId?: string;
  readonly documents: readonly string[];
  readonly detail: string;
}

/** One kind of record: what Kafka expects, what Intacct holds, how many agree. */
export interface ReconciliationSection {
  readonly expected: number;
  readonly found: number;
  readonly matched: number;
  readonly counts: Readonly<Record<FindingKind, number>>;
}

export interface ReconciliationReport {
  /** Orders expected (the order section), kept at the top for a quick read. */
  readonly orders: number;
  /** Sales documents found for them. */
  readonly documents: number;
  /** Records of every kind that agree. */
  readonly matched: number;
  readonly findings: readonly ReconciliationFinding[];
  /** Findings of every kind. */
  readonly counts: Readonly<Record<FindingKind, number>>;
  readonly sections: Readonly<Partial<Record<RecordKind, ReconciliationSection>>>;
}

/** A record Kafka says the ERP must hold once. */
export interface ExpectedRecord {
  readonly reference: string;
  readonly sourceId: string;
  readonly total: string;
  readonly currency: string;
  /** Line count, when the ERP record has lines to compare. */
  readonly lines?: number;
  readonly describe: string;
}

/** A record the ERP holds. */
export interface FoundRecord {
  readonly id: string;
  readonly reference: string;
  readonly total?: string;
  readonly currency?: string;
  readonly lines?: number;
}

const noCounts = (): Record<FindingKind, number> => ({ missing: 0, duplicate: 0, mismatched: 0, orphan: 0 });

/**
 * Kafka (what should be in the ERP) against the ERP (what is), for one kind of record: every
 * expected record must be there exactly once under its reference, with the same total, currency
 * and line count; a record whose reference Kafka does not know for the period is an orphan. Pure,
 * so it is also the oracle of the chaos tests.
 */
export const reconcileRecords = (record: RecordKind, expected: readonly ExpectedRecord[], found: readonly FoundRecord[]): { section: ReconciliationSection; findings: ReconciliationFinding[] } => {
  const byReference = new Map<string, FoundRecord[]>();
  for (const item of found) byReference.set(item.reference, [...(byReference.get(item.reference) ?? []), item]);
  const wanted = new Map(expected.map((e) => [e.reference, e]));
  const findings: ReconciliationFinding[] = [];
  const idOf = (e: ExpectedRecord) => (record === 'order' ? { orderId: e.sourceId } : { sourceId: e.sourceId });
  let matched = 0;

  for (const e of wanted.values()) {
    const present = byReference.get(e.reference) ?? [];
    const ids = present.map((d) => d.id);
    if (present.length === 0) {
      findings.push({ kind: 'missing', record, reference: e.reference, ...idOf(e), documents: [], detail: `${e.describe} (${e.total} ${e.currency}) is not in Intacct` });
      continue;
    }
    if (present.length > 1) findings.push({ kind: 'duplicate', record, reference: e.reference, ...idOf(e), documents: ids, detail: `${present.length} records for one ${record}` });
    const problems = present.flatMap((d) => [
      ...(d.total !== undefined && d.total !== '' && !new Decimal(d.total).equals(e.total) ? [`${d.id} total ${d.total} ≠ ${e.total}`] : []),
      ...(d.currency && d.currency !== e.currency ? [`${d.id} currency ${d.currency} ≠ ${e.currency}`] : []),
      ...(d.lines !== undefined && e.lines !== undefined && d.lines !== e.lines ? [`${d.id} has ${d.lines} lines, the ${record} ${e.lines}`] : []),
    ]);
    if (problems.length > 0) findings.push({ kind: 'mismatched', record, reference: e.reference, ...idOf(e), documents: ids, detail: problems.join('; ') });
    if (present.length === 1 && problems.length === 0) matched++;
  }
  for (const [reference, present] of byReference) {
    if (!wanted.has(reference)) findings.push({ kind: 'orphan', record, reference, documents: present.map((d) => d.id), detail: `no ${record} ${reference || '(empty reference)'} in Kafka for this period` });
  }
  const counts = noCounts();
  for (const finding of findings) counts[finding.kind]++;
  return { section: { expected: wanted.size, found: found.length, matched, counts }, findings };
};

/** Sections into one report. */
export const combineReconciliation = (sections: Partial<Record<RecordKind, ReturnType<typeof reconcileRecords>>>): ReconciliationReport => {
  const findings = Object.values(sections).flatMap((s) => s.findings);
  const counts = noCounts();
  for (const finding of findings) counts[finding.kind]++;
  const summary: Partial<Record<RecordKind, ReconciliationSection>> = {};
  for (const [kind, result] of Object.entries(sections) as Array<[RecordKind, ReturnType<typeof reconcileRecords>]>) summary[kind] = result.section;
  return {
    orders: sections.order?.section.expected ?? 0,
    documents: sections.order?.section.found ?? 0,
    matched: Object.values(sections).reduce((sum, s) => sum + s.section.matched, 0),
    findings,
    counts,
    sections: summary,
  };
};

const documentRecord = (lineCounts?: ReadonlyMap<string, number>) => (d: IntacctSalesDocumentRef): FoundRecord => ({
  id: d.key, reference: d.referenceNo, total: d.total, ...(d.currency ? { currency: d.currency } : {}),
  ...(lineCounts?.has(d.key) ? { lines: lineCounts.get(d.key)! } : {}),
});

/** Orders (their latest snapshot) against sales documents; line counts compared when given. */
export const reconcileOrders = (orders: readonly Order[], documents: readonly IntacctSalesDocumentRef[], lineCounts?: ReadonlyMap<string, number>) =>
  reconcileRecords(
    'order',
    orders.map((o) => ({ reference: o.orderNumber, sourceId: o.orderId, total: o.totals.grandTotal, currency: o.currency, lines: o.lines.length, describe: `order ${o.orderId}` })),
    documents.map(documentRecord(lineCounts)),
  );

/** Returns against credit memos (referenced by the return number). */
export const reconcileReturns = (returns: readonly OrderReturn[], creditMemos: readonly IntacctSalesDocumentRef[], lineCounts?: ReadonlyMap<string, number>) =>
  reconcileRecords(
    'return',
    returns.map((r) => ({ reference: r.returnNumber, sourceId: r.returnId, total: r.refundTotal, currency: r.currency, lines: r.lines.length, describe: `return ${r.returnId} of order ${r.orderNumber}` })),
    creditMemos.map(documentRecord(lineCounts)),
  );

/** Payments that must be cash receipts against the receipts found under their references. */
export const reconcilePayments = (payments: readonly ReceivedPayment[], receipts: ReadonlyArray<IntacctArPaymentRef & { docNumber: string }>) =>
  reconcileRecords(
    'payment',
    payments.map((p) => ({ reference: cashReceiptReference(p), sourceId: p.transactionId ?? p.orderId, total: p.amount, currency: p.currency, describe: `payment ${p.transactionId ?? ''} of order ${p.orderNumber}`.replace('  ', ' ') })),
    receipts.map((r) => ({ id: `ARPYMT-${r.recordNo}`, reference: r.docNumber, total: r.amount })),
  );

/** Orders alone, as one report (the chaos tests' oracle). */
export const reconcileSalesDocuments = (orders: readonly Order[], documents: readonly IntacctSalesDocumentRef[], lineCounts?: ReadonlyMap<string, number>): ReconciliationReport =>
  combineReconciliation({ order: reconcileOrders(orders, documents, lineCounts) });
