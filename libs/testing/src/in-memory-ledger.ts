/**
 * The idempotency ledger held in memory, for unit tests of sinks (it has the shape of
 * kafka-runtime's Ledger). `history` keeps every entry recorded, in order.
 */
export class InMemoryLedger<T extends { readonly key: string }> {
  readonly history: T[] = [];
  private readonly entries = new Map<string, T>();

  get(key: string): T | undefined {
    return this.entries.get(key);
  }

  async record(entry: T): Promise<void> {
    this.history.push(entry);
    this.entries.set(entry.key, entry);
  }
}
