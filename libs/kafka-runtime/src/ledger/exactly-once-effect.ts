import { IntegrationError } from '@tributary/core';
import { LedgerStatus, type Ledger, type LedgerEntry } from './idempotency-ledger.js';

export interface ExactlyOnceEffect<E extends LedgerEntry> {
  readonly ledger: Ledger<E>;
  /** `<system>:<entity>:<source id>`. */
  readonly key: string;
  /** Builds the ledger entry for a status (and the external id once known). */
  readonly entry: (status: string, externalId: string | null, detail?: string | null) => E;
  /** The delivery attempt (a retry may follow an unknown outcome). */
  readonly attempt: number;
  /** Finds the record in the external system by our reference; null when it is not there. */
  readonly find: () => Promise<string | null>;
  /** Creates it; returns the external id. May throw IntegrationError. */
  readonly create: () => Promise<string>;
  /** Error code the external system uses for a replayed idempotency key (e.g. INTACCT.DUPLICATE_CONTROLID). */
  readonly duplicateCode?: string;
  /**
   * Look for an existing record before every first create too, not only after an unknown
   * outcome: for master data (customers) that may already exist, created by hand or elsewhere.
   */
  readonly findFirst?: boolean;
  /** Do not trust a DONE entry: look the record up and create it if it is gone (reconciliation re-enqueue). */
  readonly verifyDone?: boolean;
}

/**
 * The ledger pattern, once for every document type: skip when the ledger says DONE; when an
 * earlier outcome is unknown (PENDING, or a retry) look the record up by our reference before
 * creating; record PENDING before the call and DONE (or FAILED for a permanent error) after it.
 */
export const exactlyOnceEffect = async <E extends LedgerEntry>(effect: ExactlyOnceEffect<E>): Promise<{ kind: 'done' | 'duplicate'; ref: string }> => {
  const { ledger, key, entry, attempt, find, create } = effect;
  const known = ledger.get(key);
  if (known?.status === LedgerStatus.done && !effect.verifyDone) return { kind: 'duplicate', ref: known.externalId ?? '' };

  const adoptExisting = async () => {
    const found = await find();
    if (found !== null) await ledger.record(entry(LedgerStatus.done, found));
    return found;
  };
  if (effect.findFirst || effect.verifyDone || known?.status === LedgerStatus.pending || attempt > 1) {
    const found = await adoptExisting();
    if (found !== null) return { kind: 'duplicate', ref: found };
  }

  await ledger.record(entry(LedgerStatus.pending, null));
  try {
    const ref = await create();
    await ledger.record(entry(LedgerStatus.done, ref));
    return { kind: 'done', ref };
  } catch (error) {
    if (error instanceof IntegrationError && effect.duplicateCode && error.code === effect.duplicateCode) {
      const found = await adoptExisting();
      if (found !== null) return { kind: 'duplicate', ref: found };
      throw IntegrationError.transient(`${error.code.split('.')[0]}.DUPLICATE_NOT_VISIBLE`, `the system refused a replayed idempotency key but ${key} is not visible yet`, { key }, error);
    }
    if (error instanceof IntegrationError && !error.transient) {
      await ledger.record(entry(LedgerStatus.failed, null, `${error.code}: ${error.message}`.slice(0, 500)));
    }
    throw error;
  }
};
