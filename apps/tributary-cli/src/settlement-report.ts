import { createHash } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import { Decimal } from 'decimal.js';
import { z } from 'zod';
import type { SettlementEvent } from '@tributary/canonical-model';
import { nameBasedUuid } from '@tributary/core';

const decimal = z.string().trim().regex(/^-?\d+(\.\d{1,2})?$/, 'expected an amount such as 12.34');

/** One row of a gateway payout report: a payment (or refund) paid out in a settlement. */
const rowSchema = z.object({
  settlement_id: z.string().trim().min(1),
  gateway: z.string().trim().min(1),
  currency: z.string().trim().regex(/^[A-Z]{3}$/, 'expected an ISO 4217 code such as USD'),
  settled_at: z.string().trim().refine((v) => !Number.isNaN(Date.parse(v)), 'expected an ISO date or time'),
  payment_id: z.string().trim().min(1),
  order_number: z.string().trim().optional().default(''),
  kind: z.enum(['captured', 'refunded']),
  amount: decimal.refine((v) => !v.startsWith('-'), 'expected a positive amount (kind says the direction)'),
  fee: decimal.optional().default('0.00'),
  /** The payout amount, repeated on each row of the settlement when the report has it: checked. */
  net: decimal.optional(),
});

export interface SettlementReportProblem {
  readonly line: number;
  readonly message: string;
}

export type SettlementReport = { ok: true; events: SettlementEvent[] } | { ok: false; problems: SettlementReportProblem[] };

const money = (d: Decimal) => d.toFixed(2);

/**
 * A gateway payout report (CSV, one row per payment, header line first) as one
 * commerce.settlement.v1 event per settlement. Validates every row and every settlement
 * (one gateway, currency and date each; the stated net equals gross − refunds − fees) and
 * refuses the whole file on any problem, so nothing is half-imported. Event ids derive from the
 * settlement's content: importing the same file twice yields the same events.
 */
export const readSettlementReport = (csv: string, clock: () => number = Date.now): SettlementReport => {
  let records: Array<Record<string, string>>;
  try {
    records = parse(csv, { columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()), skip_empty_lines: true, trim: true });
  } catch (error) {
    return { ok: false, problems: [{ line: 0, message: `not a CSV file: ${error instanceof Error ? error.message : String(error)}` }] };
  }
  if (records.length === 0) return { ok: false, problems: [{ line: 1, message: 'no payment rows (expected a header line and one row per payment)' }] };

  const problems: SettlementReportProblem[] = [];
  const groups = new Map<string, Array<z.infer<typeof rowSchema> & { line: number }>>();
  records.forEach((record, index) => {
    const line = index + 2;
    // An empty cell is a value left out (fee, net, order number are optional).
    const row = rowSchema.safeParse(Object.fromEntries(Object.entries(record).filter(([, value]) => value !== '')));
    if (!row.success) {
      for (const issue of row.error.issues) problems.push({ line, message: `${issue.path.join('.') || 'row'}: ${issue.message}` });
      return;
    }
    groups.set(row.data.settlement_id, [...(groups.get(row.data.settlement_id) ?? []), { ...row.data, line }]);
  });

  const events: SettlementEvent[] = [];
  for (const [settlementId, rows] of groups) {
    const first = rows[0]!;
    for (const field of ['gateway', 'currency', 'settled_at'] as const) {
      const other = rows.find((r) => r[field] !== first[field]);
      if (other) problems.push({ line: other.line, message: `settlement ${settlementId}: ${field} '${other[field]}' differs from '${first[field]}' on line ${first.line}` });
    }
    const seen = new Set<string>();
    for (const row of rows) {
      const id = `${row.kind}:${row.payment_id}`;
      if (seen.has(id)) problems.push({ line: row.line, message: `settlement ${settlementId}: payment ${row.payment_id} (${row.kind}) is listed twice` });
      seen.add(id);
    }
    const sum = (pick: (r: (typeof rows)[number]) => string, kind?: string) => rows.filter((r) => !kind || r.kind === kind).reduce((total, r) => total.plus(pick(r)), new Decimal(0));
    const gross = sum((r) => r.amount, 'captured');
    const refunds = sum((r) => r.amount, 'refunded');
    const fees = sum((r) => r.fee);
    const net = gross.minus(refunds).minus(fees);
    const stated = rows.find((r) => r.net !== undefined && !new Decimal(r.net).equals(net));
    if (stated) problems.push({ line: stated.line, message: `settlement ${settlementId}: the payout is ${stated.net}, but gross ${money(gross)} − refunds ${money(refunds)} − fees ${money(fees)} = ${money(net)}` });

    const settlement = {
      settlementId, gateway: first.gateway, currency: first.currency, settledAt: Date.parse(first.settled_at),
      gross: money(gross), refunds: money(refunds), fees: money(fees), net: money(net),
      payments: rows.map((r) => ({ paymentId: r.payment_id, orderNumber: r.order_number === '' ? null : r.order_number, kind: r.kind, amount: money(new Decimal(r.amount)), fee: money(new Decimal(r.fee)) })),
    };
    const eventId = nameBasedUuid(`settlement:${settlementId}:${createHash('sha256').update(JSON.stringify(settlement)).digest('hex')}`);
    events.push({ eventId, eventType: 'settlement.reported', occurredAt: clock(), source: first.gateway, correlationId: eventId, causationId: null, schemaVersion: 1, settlement });
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, events };
};
