import { Decimal } from 'decimal.js';

export type FindingKind = 'missing' | 'duplicate' | 'mismatched' | 'orphan';
export type SalesforceRecordKind = 'account' | 'contact' | 'order';

export interface SalesforceFinding {
  readonly kind: FindingKind;
  readonly record: SalesforceRecordKind;
  /** The external id (Clarity customer or order id). */
  readonly reference: string;
  readonly records: readonly string[];
  readonly detail: string;
}

export interface SalesforceSection {
  readonly expected: number;
  readonly found: number;
  readonly matched: number;
  readonly counts: Readonly<Record<FindingKind, number>>;
}

export interface SalesforceReconciliation {
  readonly matched: number;
  readonly findings: readonly SalesforceFinding[];
  readonly counts: Readonly<Record<FindingKind, number>>;
  readonly sections: Readonly<Partial<Record<SalesforceRecordKind, SalesforceSection>>>;
}

/** What Kafka says Salesforce must hold once, under its external id. */
export interface ExpectedSfRecord {
  readonly reference: string;
  readonly amount?: string;
  readonly items?: number;
  readonly describe: string;
}

/** What Salesforce holds: the record id, its external id, and the rolled-up amount and item count when compared. */
export interface FoundSfRecord {
  readonly id: string;
  readonly reference: string;
  readonly amount?: string;
  readonly items?: number;
}

const noCounts = (): Record<FindingKind, number> => ({ missing: 0, duplicate: 0, mismatched: 0, orphan: 0 });

/**
 * Kafka against Salesforce for one kind of record, by external id: missing, duplicate (several
 * records share the id — a non-unique field or a legacy import), mismatched amount or item count,
 * and orphans (records with our external id that Kafka does not know for the period). Pure; the
 * same rules as mapping-intacct's reconcileRecords.
 */
export const reconcileSalesforceRecords = (record: SalesforceRecordKind, expected: readonly ExpectedSfRecord[], found: readonly FoundSfRecord[], options: { orphans?: boolean } = {}): { section: SalesforceSection; findings: SalesforceFinding[] } => {
  const byReference = new Map<string, FoundSfRecord[]>();
  for (const item of found) {
    const key = item.reference.toLowerCase();
    byReference.set(key, [...(byReference.get(key) ?? []), item]);
  }
  const wanted = new Map(expected.map((e) => [e.reference.toLowerCase(), e]));
  const findings: SalesforceFinding[] = [];
  let matched = 0;
  for (const [key, e] of wanted) {
    const present = byReference.get(key) ?? [];
    const ids = present.map((p) => p.id);
    if (present.length === 0) {
      findings.push({ kind: 'missing', record, reference: e.reference, records: [], detail: `${e.describe} is not in Salesforce` });
      continue;
    }
    if (present.length > 1) findings.push({ kind: 'duplicate', record, reference: e.reference, records: ids, detail: `${present.length} ${record} records share the external id` });
    const problems = present.flatMap((p) => [
      ...(e.amount !== undefined && p.amount !== undefined && !new Decimal(p.amount).equals(e.amount) ? [`${p.id} amount ${p.amount} ≠ ${e.amount}`] : []),
      ...(e.items !== undefined && p.items !== undefined && p.items !== e.items ? [`${p.id} has ${p.items} items, the ${record} ${e.items}`] : []),
    ]);
    if (problems.length > 0) findings.push({ kind: 'mismatched', record, reference: e.reference, records: ids, detail: problems.join('; ') });
    if (present.length === 1 && problems.length === 0) matched++;
  }
  if (options.orphans !== false) {
    for (const [key, present] of byReference) {
      if (!wanted.has(key)) findings.push({ kind: 'orphan', record, reference: present[0]!.reference, records: present.map((p) => p.id), detail: `no ${record} ${present[0]!.reference} in Kafka for this period` });
    }
  }
  const counts = noCounts();
  for (const f of findings) counts[f.kind]++;
  return { section: { expected: wanted.size, found: found.length, matched, counts }, findings };
};

export const combineSalesforceReconciliation = (sections: Partial<Record<SalesforceRecordKind, ReturnType<typeof reconcileSalesforceRecords>>>): SalesforceReconciliation => {
  const findings = Object.values(sections).flatMap((s) => s.findings);
  const counts = noCounts();
  for (const f of findings) counts[f.kind]++;
  const summary: Partial<Record<SalesforceRecordKind, SalesforceSection>> = {};
  for (const [kind, result] of Object.entries(sections) as Array<[SalesforceRecordKind, ReturnType<typeof reconcileSalesforceRecords>]>) summary[kind] = result.section;
  return { matched: Object.values(sections).reduce((sum, s) => sum + s.section.matched, 0), findings, counts, sections: summary };
};
