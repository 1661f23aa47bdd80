import type { InventoryAdjustmentEvent } from '@tributary/canonical-model';
import type { IntacctClient } from '@tributary/connectors-intacct';
import { readTopicToEnd, type AvroEventCodec, type EventProducer } from '@tributary/kafka-runtime';
import { stockKey, stockVersion, toInventoryAdjustmentEvent } from '@tributary/mapping-intacct';
import type { Kafka } from 'kafkajs';

export interface StockChangesDeps {
  readonly intacct: Pick<IntacctClient, 'listStockChangedSince'>;
  readonly producer: EventProducer;
  readonly codec: AvroEventCodec<InventoryAdjustmentEvent>;
  readonly topic: string;
  /** Intacct ITEMID → Clarity SKU (from the mapping file); unmapped items keep their ERP id. */
  readonly skuOf: (itemId: string) => string;
}

/**
 * Intacct stock levels → `inventory.adjustment.v1`, each change once.
 *
 * The state (the last version emitted per SKU@location and the watermark) is rebuilt at start
 * from the topic itself, so nothing outside Kafka is needed and a crash between produce and
 * bookkeeping cannot emit a version twice. WHENMODIFIED has one-second precision, so polls are
 * inclusive of the watermark second and rows already emitted are recognised by their version.
 */
export class StockChanges {
  private readonly emitted = new Map<string, string>();
  private watermark = 0;

  private constructor(private readonly deps: StockChangesDeps) {}

  static async resume(kafka: Kafka, deps: StockChangesDeps): Promise<StockChanges> {
    const changes = new StockChanges(deps);
    const values: Array<Buffer | null> = [];
    await readTopicToEnd(kafka, deps.topic, (message) => values.push(message.value));
    for (const decoded of await deps.codec.decodeMany(values)) {
      if (decoded.ok && decoded.value.source === 'intacct') changes.remember(decoded.value);
    }
    return changes;
  }

  get resumedFrom(): { watermark: number; keys: number } {
    return { watermark: this.watermark, keys: this.emitted.size };
  }

  /** One poll: emits the changes Kafka has not seen, after Kafka acknowledged them. */
  async poll(): Promise<number> {
    const rows = await this.deps.intacct.listStockChangedSince(this.watermark);
    const events = rows
      .filter((row) => this.emitted.get(stockKey(this.deps.skuOf(row.itemId), row.warehouseId)) !== stockVersion(row))
      .map((row) => toInventoryAdjustmentEvent(row, this.deps.skuOf(row.itemId)));
    if (events.length === 0) return 0;
    await this.deps.producer.sendAll(events.map((event) => ({
      topic: this.deps.topic,
      key: stockKey(event.adjustment.sku, event.adjustment.locationId),
      value: this.deps.codec.encode(event),
      headers: { 'correlation-id': event.correlationId, 'event-type': event.eventType },
    })));
    for (const event of events) this.remember(event);
    return events.length;
  }

  private remember(event: InventoryAdjustmentEvent): void {
    this.emitted.set(stockKey(event.adjustment.sku, event.adjustment.locationId), event.adjustment.erpVersion);
    this.watermark = Math.max(this.watermark, event.occurredAt);
  }
}
