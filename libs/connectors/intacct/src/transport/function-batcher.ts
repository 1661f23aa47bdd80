import type { Result } from '@tributary/core';
import type { ReleaseSlot } from './request-slots.js';

export interface FunctionBatcherOptions<T, R> {
  /** Most items per batch (Intacct: functions per request). 1 sends every item on its own. */
  maxBatchSize: number;
  /** How long the first item of a partial batch waits for others to join before a slot is asked for. */
  windowMs: number;
  /**
   * Waits for a request slot. A batch is only closed once it holds one, so items submitted while
   * every slot is busy ride along in the next request (up to maxBatchSize).
   */
  acquireSlot: () => Promise<ReleaseSlot>;
  /**
   * Sends one batch while holding the slot: one Result per item, in order. Throwing fails every
   * item of the batch with that error (a failure of the whole request).
   */
  send: (items: readonly T[]) => Promise<ReadonlyArray<Result<R, unknown>>>;
  /** Items with the same key never share a batch (two functions with one controlid must run one after the other). */
  keyOf?: (item: T) => string;
}

interface Waiter<T, R> {
  item: T;
  resolve: (value: R) => void;
  reject: (error: unknown) => void;
}

/**
 * Groups items submitted by concurrent callers into batches (Intacct: several `<function>`s in one
 * request) and hands each caller its own outcome. Batches leave as request slots free up.
 */
export class FunctionBatcher<T, R> {
  private readonly pending: Array<Waiter<T, R>> = [];
  /** Slot requests made and not granted yet; each will take up to maxBatchSize pending items. */
  private claims = 0;
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly options: FunctionBatcherOptions<T, R>) {
    if (!Number.isInteger(options.maxBatchSize) || options.maxBatchSize < 1) {
      throw new RangeError(`maxBatchSize must be a positive integer, got ${options.maxBatchSize}`);
    }
    if (!Number.isFinite(options.windowMs) || options.windowMs < 0) throw new RangeError(`windowMs must be ≥ 0, got ${options.windowMs}`);
  }

  submit(item: T): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.pending.push({ item, resolve, reject });
      this.schedule();
    });
  }

  /** Pending items not yet promised to a slot request. */
  private uncovered(): number {
    return this.pending.length - this.claims * this.options.maxBatchSize;
  }

  /** A full batch asks for its slot at once; a partial one waits `windowMs` for others to join first. */
  private schedule(): void {
    const uncovered = this.uncovered();
    if (uncovered >= this.options.maxBatchSize) this.claimSlots();
    else if (uncovered > 0 && !this.timer) {
      this.timer = setTimeout(() => {
        this.timer = undefined;
        this.claimSlots();
      }, this.options.windowMs);
    }
  }

  private claimSlots(): void {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    while (this.uncovered() > 0) {
      this.claims += 1;
      this.options.acquireSlot().then(
        (release) => void this.dispatch(release),
        (error: unknown) => {
          this.claims -= 1;
          for (const waiter of this.take()) waiter.reject(error);
        },
      );
    }
  }

  /** The oldest pending items, up to maxBatchSize, skipping any whose key is already in the batch. */
  private take(): Array<Waiter<T, R>> {
    const { maxBatchSize, keyOf } = this.options;
    const batch: Array<Waiter<T, R>> = [];
    const keys = new Set<string>();
    for (let i = 0; i < this.pending.length && batch.length < maxBatchSize; ) {
      const waiter = this.pending[i]!;
      const key = keyOf?.(waiter.item);
      if (key !== undefined && keys.has(key)) {
        i += 1;
        continue;
      }
      if (key !== undefined) keys.add(key);
      batch.push(waiter);
      this.pending.splice(i, 1);
    }
    return batch;
  }

  private async dispatch(release: ReleaseSlot): Promise<void> {
    this.claims -= 1;
    const batch = this.take();
    // Items held back (same key) or beyond what the remaining claims cover need a slot of their own.
    this.schedule();
    if (batch.length === 0) {
      release();
      return;
    }
    let outcomes: ReadonlyArray<Result<R, unknown>>;
    try {
      outcomes = await this.options.send(batch.map((waiter) => waiter.item));
    } catch (error) {
      release();
      for (const waiter of batch) waiter.reject(error);
      return;
    }
    release();
    batch.forEach((waiter, i) => {
      const outcome = outcomes[i];
      if (!outcome) waiter.reject(new Error(`the batch sender returned ${outcomes.length} outcomes for ${batch.length} items`));
      else if (outcome.ok) waiter.resolve(outcome.value);
      else waiter.reject(outcome.error);
    });
  }
}
