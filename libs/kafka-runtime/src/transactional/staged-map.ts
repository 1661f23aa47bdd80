/**
 * A map whose writes are staged until `commit()`, and dropped by `rollback()`. A stateful
 * consume-transform-produce loop folds a batch into the stage, produces the result in a Kafka
 * transaction, and only then commits the stage: an aborted transaction leaves memory exactly as
 * Kafka has it, so nothing is counted twice when the batch is consumed again.
 */
export class StagedMap<K, V> {
  private readonly committed = new Map<K, V>();
  private readonly staged = new Map<K, V | undefined>();

  get(key: K): V | undefined {
    return this.staged.has(key) ? this.staged.get(key) : this.committed.get(key);
  }

  has(key: K): boolean {
    return this.get(key) !== undefined;
  }

  set(key: K, value: V): void {
    this.staged.set(key, value);
  }

  delete(key: K): void {
    this.staged.set(key, undefined);
  }

  /** Keys written since the last commit or rollback, with their new values (undefined: deleted). */
  changes(): IterableIterator<[K, V | undefined]> {
    return this.staged.entries();
  }

  commit(): void {
    for (const [key, value] of this.staged) {
      if (value === undefined) this.committed.delete(key);
      else this.committed.set(key, value);
    }
    this.staged.clear();
  }

  rollback(): void {
    this.staged.clear();
  }

  /** Loads a value straight into the committed state (rebuild at start). */
  restore(key: K, value: V | undefined): void {
    if (value === undefined) this.committed.delete(key);
    else this.committed.set(key, value);
  }

  get size(): number {
    return this.committed.size;
  }

  values(): IterableIterator<V> {
    return this.committed.values();
  }
}
