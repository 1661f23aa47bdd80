import type { CrossReference } from '@tributary/canonical-model';
import { LedgerStatus, type Ledger } from '@tributary/kafka-runtime';
import { ledgerEntries } from './ledger-entry.js';

const ENTITY = 'order-number';

/**
 * Clarity order ids by order number, kept in the xref ledger (`clarity:order-number:<number>` →
 * the order id). ERP events name an order by its number (the ERP document's reference); Clarity's
 * API wants its id.
 */
export class OrderDirectory {
  constructor(private readonly ledger: Ledger<CrossReference>, private readonly clock: () => number = Date.now) {}

  orderIdOf(orderNumber: string): string | undefined {
    const entry = this.ledger.get(`clarity:${ENTITY}:${orderNumber}`);
    return entry?.status === LedgerStatus.done ? (entry.externalId ?? undefined) : undefined;
  }

  /** Remembers a number → id pair; true when it was new. */
  async learn(orderNumber: string, orderId: string, cause: { eventId: string; correlationId: string }): Promise<boolean> {
    if (this.orderIdOf(orderNumber) === orderId) return false;
    const { entry } = ledgerEntries(cause, cause.correlationId, 1, this.clock)(ENTITY, orderNumber, orderNumber);
    await this.ledger.record(entry(LedgerStatus.done, orderId));
    return true;
  }
}
