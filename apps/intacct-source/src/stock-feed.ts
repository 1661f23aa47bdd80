import type { InventoryAdjustmentEvent } from '@tributary/canonical-model';
import type { IntacctClient, IntacctStockLevel } from '@tributary/connectors-intacct';
import type { AvroEventCodec, ChangeFeedOptions, EventProducer } from '@tributary/kafka-runtime';
import { stockKey, toInventoryAdjustmentEvent } from '@tributary/mapping-intacct';

/** Intacct ITEMWAREHOUSEINFO (by WHENMODIFIED) → `inventory.adjustment.v1`, keyed SKU@location. */
export const stockFeed = (deps: {
  readonly intacct: Pick<IntacctClient, 'listStockChangedSince'>;
  readonly producer: EventProducer;
  readonly codec: AvroEventCodec<InventoryAdjustmentEvent>;
  readonly topic: string;
  /** Intacct ITEMID → Clarity SKU (from the mapping file); unmapped items keep their ERP id. */
  readonly skuOf: (itemId: string) => string;
}): ChangeFeedOptions<IntacctStockLevel, InventoryAdjustmentEvent> => ({
  topic: deps.topic,
  codec: deps.codec,
  producer: deps.producer,
  listChangedSince: (since) => deps.intacct.listStockChangedSince(since),
  toEvent: (row) => toInventoryAdjustmentEvent(row, deps.skuOf(row.itemId)),
  identify: (event) => ({ key: stockKey(event.adjustment.sku, event.adjustment.locationId), version: event.adjustment.erpVersion, modifiedAt: event.occurredAt }),
  isOwn: (event) => event.source === 'intacct',
  headers: (event) => ({ 'correlation-id': event.correlationId, 'event-type': event.eventType }),
});
