import type { Settlement } from '@tributary/canonical-model';
import type { IntacctGlBatch } from '@tributary/connectors-intacct';
import { err, IntegrationError, ok, type Result } from '@tributary/core';
import type { MappingConfig } from '@tributary/mapping-core';
import { Decimal } from 'decimal.js';
import { formatMoney, parseMoney } from './money.js';

/** Our reference on the journal (REFERENCENO): how a retry finds it. */
export const settlementJournalReference = (settlement: Pick<Settlement, 'settlementId'>): string => `STL-${settlement.settlementId}`;

const invalidSettlement = (settlement: Settlement, code: string, message: string, details: Record<string, unknown> = {}) =>
  IntegrationError.permanent(code, `Settlement ${settlement.settlementId}: ${message}`, { settlementId: settlement.settlementId, ...details });

type GlEntry = IntacctGlBatch['entries'][number];

/** A signed amount as a GLENTRY: positive debits, negative credits, zero left out (Intacct wants TRX_AMOUNT > 0). */
const entry = (accountNo: string, signed: Decimal, description: string, common: Partial<GlEntry>): GlEntry[] =>
  signed.isZero() ? [] : [{ accountNo, amount: formatMoney(signed.abs()), type: signed.isPositive() ? 'debit' : 'credit', description, ...common }];

/**
 * A gateway payout as one GLBATCH that balances to the cent: the net deposit debited to the bank,
 * the fees to their expense account, and the clearing account the cash receipts were booked to
 * credited with gross − refunds. Refuses (permanently, so the settlement waits in the DLQ) a
 * payout whose figures do not add up, or a gateway the mapping file does not know.
 */
export const toSettlementJournal = (settlement: Settlement, mapping: MappingConfig): Result<IntacctGlBatch, IntegrationError> => {
  if (!/^[A-Z]{3}$/.test(settlement.currency)) {
    return err(invalidSettlement(settlement, 'MAPPING.INVALID_CURRENCY', `currency '${settlement.currency}' is not an ISO 4217 code`, { path: 'currency' }));
  }
  const amounts: Record<'gross' | 'refunds' | 'fees' | 'net', Decimal> = { gross: new Decimal(0), refunds: new Decimal(0), fees: new Decimal(0), net: new Decimal(0) };
  for (const field of ['gross', 'refunds', 'fees', 'net'] as const) {
    const parsed = parseMoney(settlement[field]);
    if (!parsed || (field !== 'net' && parsed.isNegative())) {
      return err(invalidSettlement(settlement, 'MAPPING.INVALID_AMOUNT', `${field} '${settlement[field]}' is not a valid amount`, { path: field }));
    }
    amounts[field] = parsed;
  }
  const { gross, refunds, fees, net } = amounts;
  if (!gross.minus(refunds).minus(fees).equals(net)) {
    return err(invalidSettlement(settlement, 'MAPPING.SETTLEMENT_UNBALANCED', `gross ${settlement.gross} − refunds ${settlement.refunds} − fees ${settlement.fees} = ${formatMoney(gross.minus(refunds).minus(fees))}, not the net deposit ${settlement.net}`, { path: 'net' }));
  }
  if (settlement.payments.length > 0) {
    const sum = (kind: string, pick: (p: Settlement['payments'][number]) => string) =>
      settlement.payments.filter((p) => kind === '*' || p.kind === kind).reduce((total, p) => total.plus(parseMoney(pick(p)) ?? Number.NaN), new Decimal(0));
    const checks = [
      ['gross', sum('captured', (p) => p.amount), gross],
      ['refunds', sum('refunded', (p) => p.amount), refunds],
      ['fees', sum('*', (p) => p.fee), fees],
    ] as const;
    for (const [field, listed, stated] of checks) {
      if (listed.isNaN() || !listed.equals(stated)) {
        return err(invalidSettlement(settlement, 'MAPPING.SETTLEMENT_UNBALANCED', `the payments listed add up to ${listed.isNaN() ? 'an invalid amount' : formatMoney(listed)} of ${field}, but the payout states ${formatMoney(stated)}`, { path: `payments[].${field}` }));
      }
    }
  }
  const accounts = mapping.settlements.gateways[settlement.gateway];
  if (!accounts) {
    return err(invalidSettlement(settlement, 'MAPPING.UNMAPPED_GATEWAY', `gateway '${settlement.gateway}' has no accounts in the mapping file (settlements.gateways)`, { path: 'gateway', known: Object.keys(mapping.settlements.gateways) }));
  }
  const day = new Date(settlement.settledAt);
  if (Number.isNaN(day.getTime())) return err(invalidSettlement(settlement, 'MAPPING.INVALID_DATE', `settledAt ${settlement.settledAt} is not a valid time`, { path: 'settledAt' }));

  const common: Partial<GlEntry> = { currency: settlement.currency, ...(accounts.locationId ? { locationId: accounts.locationId } : {}) };
  const what = `${settlement.gateway} payout ${settlement.settlementId}`;
  return ok({
    journal: mapping.settlements.journal,
    batchDate: { year: day.getUTCFullYear(), month: day.getUTCMonth() + 1, day: day.getUTCDate() },
    title: `${what}: ${settlement.payments.length} payments, ${settlement.currency}`.slice(0, 100),
    referenceNo: settlementJournalReference(settlement),
    state: 'Posted',
    entries: [
      ...entry(accounts.bankAccount, net, `${what}: net deposit`, common),
      ...entry(accounts.feeAccount, fees, `${what}: gateway fees`, common),
      ...entry(accounts.clearingAccount, gross.minus(refunds).negated(), `${what}: captured ${formatMoney(gross)} less refunds ${formatMoney(refunds)}`, common),
    ],
  });
};
