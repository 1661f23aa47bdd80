import type { LockedRecord, RecordLock } from '../simulator-types.js';
import { SimulatorError } from '../facade/facade-error.js';
import { boiMessage } from '../boi-message.js';

const TABLES: Record<LockedRecord, string> = { SalesOrder: 'SO_SalesOrderHeader', Customer: 'AR_Customer' };

/** Records "open in another session": BOI cannot lock them, so writes to them fail with 409. */
export class RecordLocks {
  private readonly held = new Map<string, RecordLock>();

  private static id(lock: RecordLock) {
    return `${lock.company}|${lock.record}|${lock.key}`;
  }

  lock(lock: RecordLock): void {
    this.held.set(RecordLocks.id(lock), lock);
  }

  unlock(lock: RecordLock): void {
    this.held.delete(RecordLocks.id(lock));
  }

  all(): RecordLock[] {
    return [...this.held.values()].map((lock) => ({ ...lock }));
  }

  clear(): void {
    this.held.clear();
  }

  /** Throws 409 `locked` when the record is held. */
  assertFree(company: string, record: LockedRecord, key: string): void {
    if (this.held.has(RecordLocks.id({ company, record, key }))) {
      throw new SimulatorError('locked', boiMessage('recordLocked', { key, table: TABLES[record] }));
    }
  }
}
