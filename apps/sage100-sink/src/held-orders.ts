import type { CrossReference, Order } from '@tributary/canonical-model';
import { readTopicToEnd, type AvroEventCodec, type Ledger } from '@tributary/kafka-runtime';
import type { KafkaRuntime } from '@tributary/kafka-runtime';
type Kafka = KafkaRuntime['kafka'];
import type { LedgerEntryOf } from './ledger-entry.js';

/** Ledger statuses of `sage100:held:<orderId>`. */
export const HeldStatus = { held: 'HELD', released: 'RELEASED' } as const;
export const HELD_PREFIX = 'sage100:held:';

/** Why an order waits: short stock (released by restock or its deadline), or a person's review (credit, unknown customer). */
export type HoldKind = 'stock' | 'credit' | 'customer';

export interface HeldOrder {
  readonly orderId: string;
  readonly orderNumber: string;
  readonly kind: HoldKind;
  readonly reason: string;
  /** SKUs whose restock (inventory.level.v1 with stock available) releases a stock hold. */
  readonly skus: readonly string[];
  readonly heldAt: number;
  readonly deadline: number;
  /** The snapshot to place when released. */
  readonly order: Order;
}

/** A held order as the ledger stores it (detail is JSON); null for other entries. */
export const heldOrderOf = (entry: CrossReference): HeldOrder | null => {
  if (!entry.key.startsWith(HELD_PREFIX) || entry.status !== HeldStatus.held || !entry.detail) return null;
  try {
    return JSON.parse(entry.detail) as HeldOrder;
  } catch {
    return null;
  }
};

/**
 * Orders held instead of placed, visible in the ledger (`tributary sage100 held` lists them) and
 * kept here in memory for the release checks. Rebuilt from integration.xref.v1 at start.
 */
export class HeldOrders {
  private readonly held = new Map<string, HeldOrder>();

  constructor(private readonly ledger: Ledger<CrossReference>, private readonly onChange: (held: readonly HeldOrder[]) => void = () => {}) {}

  static async load(kafka: Kafka, topic: string, codec: AvroEventCodec<CrossReference>, ledger: Ledger<CrossReference>, onChange?: (held: readonly HeldOrder[]) => void): Promise<HeldOrders> {
    const orders = new HeldOrders(ledger, onChange);
    const values: Array<Buffer | null> = [];
    await readTopicToEnd(kafka, topic, (message) => { if (message.key?.toString().startsWith(HELD_PREFIX)) values.push(message.value); });
    for (const decoded of await codec.decodeMany(values)) {
      if (!decoded.ok) continue;
      const held = heldOrderOf(decoded.value);
      const orderId = decoded.value.key.slice(HELD_PREFIX.length);
      if (held) orders.held.set(orderId, held);
      else orders.held.delete(orderId);
    }
    orders.onChange([...orders.held.values()]);
    return orders;
  }

  get(orderId: string): HeldOrder | undefined {
    return this.held.get(orderId);
  }

  list(): readonly HeldOrder[] {
    return [...this.held.values()];
  }

  /** Stock holds waiting for this SKU. */
  waitingFor(sku: string): readonly HeldOrder[] {
    return this.list().filter((h) => h.kind === 'stock' && h.skus.includes(sku));
  }

  overdue(now: number): readonly HeldOrder[] {
    return this.list().filter((h) => h.kind === 'stock' && h.deadline <= now);
  }

  async hold(held: HeldOrder, entry: LedgerEntryOf): Promise<void> {
    const known = this.held.get(held.orderId);
    // Held again after a recheck: keep when it was first held; a passed deadline moves on by the same span.
    const kept = known ? { ...held, heldAt: known.heldAt } : held;
    await this.ledger.record(entry.entry(HeldStatus.held, null, JSON.stringify(kept)));
    this.held.set(held.orderId, kept);
    this.onChange(this.list());
  }

  async release(orderId: string, entry: LedgerEntryOf, outcome: string): Promise<void> {
    if (!this.held.has(orderId) && this.ledger.get(entry.key)?.status !== HeldStatus.held) return;
    await this.ledger.record(entry.entry(HeldStatus.released, null, outcome));
    this.held.delete(orderId);
    this.onChange(this.list());
  }
}
