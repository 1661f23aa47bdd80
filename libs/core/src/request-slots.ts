/** Gives the slot back; calling it again does nothing. */
export type ReleaseSlot = () => void;

/** A throttled system may ask for a long pause; we never stall longer than this on its word. */
export const MAX_HOLD_MS = 30_000;

/**
 * A FIFO semaphore for HTTP requests to one external system: at most `limit` in flight, the rest
 * wait in arrival order. `holdFor` stops new requests from starting for a while (the system
 * throttled us); requests already in flight are not affected.
 */
export class RequestSlots {
  private active = 0;
  private readonly waiting: Array<(release: ReleaseSlot) => void> = [];
  private heldUntil = 0;
  private holdTimer: NodeJS.Timeout | undefined;

  constructor(
    private limitValue: number,
    private readonly now: () => number = Date.now,
  ) {
    if (!Number.isInteger(limitValue) || limitValue < 1) throw new RangeError(`the request limit must be a positive integer, got ${limitValue}`);
  }

  get limit(): number {
    return this.limitValue;
  }

  get inFlight(): number {
    return this.active;
  }

  get queued(): number {
    return this.waiting.length;
  }

  /** Lowers the limit (never raises it): clients sharing the slots keep the strictest. */
  restrictTo(limit: number): void {
    if (Number.isInteger(limit) && limit >= 1 && limit < this.limitValue) this.limitValue = limit;
  }

  /** Resolves with a release function once a slot is free, in the order the calls were made. */
  acquire(): Promise<ReleaseSlot> {
    return new Promise((resolve) => {
      this.waiting.push(resolve);
      this.grant();
    });
  }

  /** No request starts within the next `ms` (capped at MAX_HOLD_MS); a longer hold already set stands. */
  holdFor(ms: number): void {
    if (!Number.isFinite(ms) || ms <= 0) return;
    const until = this.now() + Math.min(ms, MAX_HOLD_MS);
    if (until <= this.heldUntil) return;
    this.heldUntil = until;
    clearTimeout(this.holdTimer);
    this.holdTimer = undefined;
    this.grant();
  }

  private grant(): void {
    const wait = this.heldUntil - this.now();
    if (wait > 0) {
      if (this.waiting.length > 0 && !this.holdTimer) {
        this.holdTimer = setTimeout(() => {
          this.holdTimer = undefined;
          this.grant();
        }, wait);
      }
      return;
    }
    while (this.active < this.limitValue && this.waiting.length > 0) {
      const next = this.waiting.shift()!;
      this.active += 1;
      next(this.releaser());
    }
  }

  private releaser(): ReleaseSlot {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.active -= 1;
      this.grant();
    };
  }
}

interface SharedSlots {
  slots: RequestSlots;
  members: number;
}

const shared = new Map<string, SharedSlots>();

/**
 * The slots of one budget holder (an Intacct company, a Sage 100 agent…), shared by every client of
 * it in this process: the external system counts concurrent requests per holder, whichever client
 * sends them. The entry is dropped when its last client leaves.
 */
export const joinSharedSlots = (key: string, limit: number): { slots: RequestSlots; leave: () => void } => {
  let entry = shared.get(key);
  if (entry) entry.slots.restrictTo(limit);
  else {
    entry = { slots: new RequestSlots(limit), members: 0 };
    shared.set(key, entry);
  }
  entry.members += 1;
  const joined = entry;
  let left = false;
  return {
    slots: joined.slots,
    leave: () => {
      if (left) return;
      left = true;
      joined.members -= 1;
      if (joined.members === 0 && shared.get(key) === joined) shared.delete(key);
    },
  };
};
