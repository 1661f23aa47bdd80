import { isOlder, positionFromHeaders, type EntityPosition } from '@tributary/mapping-clarity';

export interface DeliveryMemoryOptions {
  /** How long a webhook id is remembered (Clarity's retry horizon, with margin). */
  readonly windowMs: number;
  /** At most this many ids (and as many entities); the oldest are forgotten first. */
  readonly maxEntries: number;
}

/** An audit record as the rebuild needs it: its key is the webhook id. */
export interface AuditTrace {
  readonly webhookId: string;
  readonly at: number;
  readonly headers: Readonly<Record<string, string | undefined>>;
}

/**
 * What this replica has stored in `clarity.webhook.v1` lately: the webhook ids (idempotent
 * receiver) and, per entity, the newest state produced (so an older one delivered late never
 * overwrites it). Bounded by time and count; in memory only, rebuilt at start from the audit topic
 * over the same window.
 *
 * With several replicas each one only knows what it stored itself (plus what it read at start).
 * A duplicate that reaches another replica is produced again, but with the same deterministic
 * event id (eventIdFor(webhook id)) and key, so the sinks' idempotency ledgers drop it; an older
 * state landing on another replica reaches the sinks, whose version checks refuse to apply it
 * over a newer one. This memory saves that work and keeps the canonical topics clean in the
 * common case; it is not the last line of defence. Likewise after the window or the count bound:
 * a forgotten id or entity is let through, and the sinks catch it.
 */
export class DeliveryMemory {
  /** Insertion order is receipt order, so the oldest are at the front. */
  private readonly seen = new Map<string, number>();
  private readonly newest = new Map<string, EntityPosition>();

  constructor(private readonly options: DeliveryMemoryOptions) {}

  hasSeen(webhookId: string, now: number): boolean {
    this.forgetBefore(now - this.options.windowMs);
    return this.seen.has(webhookId);
  }

  /** The newest state produced for the entity when the candidate is older than it, else null. */
  newerThan(candidate: EntityPosition): EntityPosition | null {
    const newest = this.newest.get(candidate.entity);
    return newest !== undefined && isOlder(candidate, newest) ? newest : null;
  }

  /** After Kafka acknowledged the audit record of this webhook. */
  remember(webhookId: string, at: number, position: EntityPosition | null): void {
    this.seen.delete(webhookId);
    this.seen.set(webhookId, at);
    if (this.seen.size > this.options.maxEntries) this.seen.delete(this.seen.keys().next().value!);
    if (position === null) return;
    const newest = this.newest.get(position.entity);
    if (newest !== undefined && isOlder(position, newest)) return;
    this.newest.delete(position.entity);
    this.newest.set(position.entity, position);
    if (this.newest.size > this.options.maxEntries) this.newest.delete(this.newest.keys().next().value!);
  }

  /** Replays one audit record read at start (in any order across partitions: max wins). */
  replay(trace: AuditTrace): void {
    this.remember(trace.webhookId, trace.at, positionFromHeaders(trace.headers));
  }

  get size(): { readonly ids: number; readonly entities: number } {
    return { ids: this.seen.size, entities: this.newest.size };
  }

  private forgetBefore(cutoff: number): void {
    for (const [id, at] of this.seen) {
      if (at >= cutoff) break;
      this.seen.delete(id);
    }
  }
}
