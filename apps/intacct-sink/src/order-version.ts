import type { CrossReference, Order } from '@tributary/canonical-model';
import { LedgerStatus, type Ledger } from '@tributary/kafka-runtime';
import type { ledgerEntries } from './ledger-entry.js';

/** What the ledger remembers of the last order event applied to Intacct. */
export interface AppliedVersion {
  readonly occurredAt: number;
  readonly lines: number;
}

const versionKey = (orderId: string) => `intacct:sales-order-version:${orderId}`;

export const lastAppliedVersion = (ledger: Ledger<CrossReference>, orderId: string): AppliedVersion | undefined => {
  const detail = ledger.get(versionKey(orderId))?.detail;
  if (!detail) return undefined;
  try {
    const parsed = JSON.parse(detail) as Partial<AppliedVersion>;
    return typeof parsed.occurredAt === 'number' && typeof parsed.lines === 'number' ? { occurredAt: parsed.occurredAt, lines: parsed.lines } : undefined;
  } catch {
    return undefined;
  }
};

/** An event not newer than what Intacct already reflects must not overwrite it (out-of-order delivery). */
export const isStale = (ledger: Ledger<CrossReference>, orderId: string, occurredAt: number): boolean => {
  const applied = lastAppliedVersion(ledger, orderId);
  return applied !== undefined && applied.occurredAt >= occurredAt;
};

export const recordAppliedVersion = async (
  ledger: Ledger<CrossReference>,
  ledgerFor: ReturnType<typeof ledgerEntries>,
  order: Order,
  occurredAt: number,
  lines: number,
): Promise<void> => {
  if (isStale(ledger, order.orderId, occurredAt)) return;
  const { entry } = ledgerFor('sales-order-version', order.orderId, order.orderNumber);
  await ledger.record(entry(LedgerStatus.done, String(occurredAt), JSON.stringify({ occurredAt, lines } satisfies AppliedVersion)));
};
