import type { ClarityInventoryLevel } from '@tributary/connectors-clarity';

/** A level waiting to be pushed, with whatever the caller needs to dead-letter it (the original message). */
export interface PendingLevel<M> {
  readonly key: string;
  readonly level: ClarityInventoryLevel;
  /** Pushed at once (oversold), not at the next flush. */
  readonly urgent: boolean;
  readonly origin: M;
}

/** A message read but not yet committable: its key's level is neither pushed nor superseded by a pushed one. */
interface Tracked {
  readonly offset: bigint;
  /** Undefined: settled on arrival (stale, or dead-lettered before it reached the buffer). */
  readonly key?: string;
  readonly sequence?: number;
}

export type OfferOutcome = 'buffered' | 'coalesced' | 'stale';

/**
 * The aggregator in front of Clarity's inventory API (EIP: aggregator with a completion timeout).
 * Keeps only the newest level per SKU@location (highest sequence) until the next flush, remembers
 * the last sequence pushed per key so an older level is never sent after a newer one, and says
 * which offsets may be committed: a message is settled once its key has been pushed (or dead-
 * lettered) at its sequence or a higher one. No I/O, no timers: the caller drives it.
 */
export class InventoryCoalescer<M> {
  private readonly pending = new Map<string, PendingLevel<M>>();
  /** Highest sequence Clarity has from us, per key. */
  private readonly pushed = new Map<string, number>();
  /** Highest sequence whose fate is decided (pushed or dead-lettered), per key. */
  private readonly settled = new Map<string, number>();
  /** Per partition, in offset order: what was read and not yet committed. */
  private readonly tracked = new Map<string, Tracked[]>();
  /** Per partition: the last offset reported as committable. */
  private readonly reported = new Map<string, bigint>();

  /** A level read from `partition` at `offset`. */
  offer(partition: string, offset: string, entry: PendingLevel<M>): OfferOutcome {
    const { key, level } = entry;
    const queue = this.queueOf(partition);
    if (level.sequence <= (this.pushed.get(key) ?? -1)) {
      queue.push({ offset: BigInt(offset) });
      return 'stale';
    }
    queue.push({ offset: BigInt(offset), key, sequence: level.sequence });
    const waiting = this.pending.get(key);
    if (waiting && waiting.level.sequence >= level.sequence) return 'coalesced';
    this.pending.set(key, waiting?.urgent && !entry.urgent ? { ...entry, urgent: true } : entry);
    return waiting ? 'coalesced' : 'buffered';
  }

  /** A message that needs no push (undecodable and dead-lettered, say): committable in its turn. */
  settle(partition: string, offset: string): void {
    this.queueOf(partition).push({ offset: BigInt(offset) });
  }

  /** What a flush should push now: every pending level, or only the urgent ones. A snapshot; nothing is removed. */
  due(onlyUrgent = false): PendingLevel<M>[] {
    return [...this.pending.values()].filter((entry) => !onlyUrgent || entry.urgent);
  }

  get hasUrgent(): boolean {
    for (const entry of this.pending.values()) if (entry.urgent) return true;
    return false;
  }

  get pendingCount(): number {
    return this.pending.size;
  }

  /** Messages read and not yet committable. */
  get unsettledCount(): number {
    let count = 0;
    for (const queue of this.tracked.values()) count += queue.length;
    return count;
  }

  /** Clarity has these levels: their keys are settled up to their sequences. */
  acknowledge(levels: readonly PendingLevel<M>[]): void {
    for (const { key, level } of levels) {
      this.pushed.set(key, Math.max(this.pushed.get(key) ?? -1, level.sequence));
      this.decide(key, level.sequence);
    }
  }

  /** These levels went to the dead letter topic: settled, but Clarity does not have them. */
  deadLettered(levels: readonly PendingLevel<M>[]): void {
    for (const { key, level } of levels) this.decide(key, level.sequence);
  }

  /** The last sequence pushed for a key (for logs and tests). */
  lastPushed(key: string): number | undefined {
    return this.pushed.get(key);
  }

  /**
   * Per partition whose committable position moved: the offset to commit (the next one to read).
   * Everything before it is settled.
   */
  committable(): Array<{ partition: string; offset: string }> {
    const moves: Array<{ partition: string; offset: string }> = [];
    for (const [partition, queue] of this.tracked) {
      let last: bigint | undefined;
      let drop = 0;
      for (const item of queue) {
        if (item.key !== undefined && (this.settled.get(item.key) ?? -1) < item.sequence!) break;
        last = item.offset;
        drop += 1;
      }
      if (drop === 0) continue;
      queue.splice(0, drop);
      const next = last! + 1n;
      if (next > (this.reported.get(partition) ?? -1n)) {
        this.reported.set(partition, next);
        moves.push({ partition, offset: next.toString() });
      }
    }
    return moves;
  }

  /**
   * After a rebalance the consumer reads again from the committed offsets: forget what was
   * tracked (it will be read again) but keep the pending levels and what Clarity has.
   */
  resetPartitions(): void {
    this.tracked.clear();
    this.reported.clear();
  }

  private decide(key: string, sequence: number): void {
    this.settled.set(key, Math.max(this.settled.get(key) ?? -1, sequence));
    const waiting = this.pending.get(key);
    if (waiting && waiting.level.sequence <= sequence) this.pending.delete(key);
  }

  private queueOf(partition: string): Tracked[] {
    let queue = this.tracked.get(partition);
    if (!queue) this.tracked.set(partition, (queue = []));
    return queue;
  }
}
