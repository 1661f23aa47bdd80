import type { CrossReference } from '@tributary/canonical-model';
import { exactlyOnceEffect, type Ledger } from '@tributary/kafka-runtime';
import type { MappingConfig } from '@tributary/mapping-core';
import { sage100ReceiptReference, toSage100CashReceipt, type ReceivedPayment } from '@tributary/mapping-sage100';
import type { LedgerEntryOf } from './ledger-entry.js';
import type { Sage100Port } from './sales-order.pipeline.js';

export type Sage100CashReceiptPort = Pick<Sage100Port, 'createCashReceipt' | 'findCashReceiptsByReference'>;

/** The ledger entry of a payment's receipt, keyed by its Reference (the gateway transaction). */
export const cashReceiptLedgerEntry = (ledgerFor: (entity: string, sourceId: string, reference: string | null) => LedgerEntryOf, payment: ReceivedPayment) => {
  const reference = sage100ReceiptReference(payment);
  return ledgerFor('cash-receipt', reference, reference);
};

/**
 * A payment as a deposit against the order's sales order, at most once: ledger, then Sage by its
 * Reference (unique per company, so a retry after an unknown outcome is refused as a duplicate and
 * adopted). `salesOrder` finds the order when the receipt is really to be created.
 */
export const recordCashReceipt = async (
  payment: ReceivedPayment,
  deps: {
    readonly ledger: Ledger<CrossReference>;
    readonly sage: Sage100CashReceiptPort;
    readonly mapping: MappingConfig;
    readonly salesOrder: () => Promise<{ ARDivisionNo: string; CustomerNo: string; SalesOrderNo: string }>;
    readonly ledgerEntry: LedgerEntryOf;
    readonly attempt: number;
    readonly verify?: boolean;
  },
): Promise<{ kind: 'done' | 'duplicate'; ref: string }> =>
  exactlyOnceEffect({
    ledger: deps.ledger,
    key: deps.ledgerEntry.key,
    entry: deps.ledgerEntry.entry,
    attempt: deps.attempt,
    verifyDone: deps.verify === true,
    duplicateCode: 'SAGE100.DUPLICATE',
    find: async () => (await deps.sage.findCashReceiptsByReference(sage100ReceiptReference(payment)))[0]?.DepositNo ?? null,
    create: async () => {
      const receipt = toSage100CashReceipt(payment, deps.mapping, await deps.salesOrder());
      if (!receipt.ok) throw receipt.error;
      return (await deps.sage.createCashReceipt(receipt.value)).DepositNo;
    },
  });
