import type { ReconciliationReport } from '@tributary/mapping-intacct';

/** The report as a table a person reads in a terminal. */
export const renderReport = (report: ReconciliationReport & { requeued: number }): string => {
  const lines = [
    `orders in Kafka: ${report.orders}   documents in Intacct: ${report.documents}   matched: ${report.matched}`,
    `missing: ${report.counts.missing}   duplicate: ${report.counts.duplicate}   mismatched: ${report.counts.mismatched}   orphan: ${report.counts.orphan}${report.requeued ? `   re-enqueued: ${report.requeued}` : ''}`,
  ];
  if (report.findings.length > 0) {
    lines.push('', `${'finding'.padEnd(11)}${'reference'.padEnd(16)}${'documents'.padEnd(46)}detail`);
    for (const f of report.findings) lines.push(`${f.kind.padEnd(11)}${f.reference.padEnd(16)}${(f.documents.join(', ') || '-').padEnd(46)}${f.detail}`);
  }
  return lines.join('\n');
};
