import type { ReconciliationReport } from '@tributary/mapping-intacct';

/** The report as a table a person reads in a terminal: one summary line per kind of record, then the findings. */
export const renderReport = (report: ReconciliationReport & { requeued: number }): string => {
  const lines = Object.entries(report.sections).map(([kind, s]) =>
    `${`${kind}s`.padEnd(9)} in Kafka: ${String(s.expected).padStart(6)}   in Intacct: ${String(s.found).padStart(6)}   matched: ${String(s.matched).padStart(6)}   missing: ${s.counts.missing}   duplicate: ${s.counts.duplicate}   mismatched: ${s.counts.mismatched}   orphan: ${s.counts.orphan}`);
  if (report.requeued) lines.push(`re-enqueued: ${report.requeued}`);
  if (report.findings.length > 0) {
    lines.push('', `${'finding'.padEnd(11)}${'record'.padEnd(9)}${'reference'.padEnd(22)}${'in Intacct'.padEnd(46)}detail`);
    for (const f of report.findings) lines.push(`${f.kind.padEnd(11)}${f.record.padEnd(9)}${f.reference.padEnd(22)}${(f.documents.join(', ') || '-').padEnd(46)}${f.detail}`);
  } else lines.push('', 'Kafka and Intacct agree.');
  return lines.join('\n');
};
