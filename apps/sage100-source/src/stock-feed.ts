import type { InventoryAdjustmentEvent } from '@tributary/canonical-model';
import type { Sage100Client, Sage100ItemWarehouse } from '@tributary/connectors-sage100';
import type { AvroEventCodec, ChangeFeedOptions, EventProducer } from '@tributary/kafka-runtime';
import { toSage100InventoryAdjustment } from '@tributary/mapping-sage100';

/** Sage 100 IM_ItemWarehouse (by DateUpdated) → `inventory.adjustment.v1`, keyed SKU@location. */
export const stockFeed = (deps: {
  readonly sage: Pick<Sage100Client, 'listItemWarehousesChangedSince' | 'companyCode'>;
  readonly producer: EventProducer;
  readonly codec: AvroEventCodec<InventoryAdjustmentEvent>;
  readonly topic: string;
  readonly skuOf: (itemCode: string) => string;
  readonly locationOf: (warehouseCode: string) => string;
}): ChangeFeedOptions<Sage100ItemWarehouse, InventoryAdjustmentEvent> => ({
  topic: deps.topic,
  codec: deps.codec,
  producer: deps.producer,
  listChangedSince: (since) => deps.sage.listItemWarehousesChangedSince(since),
  toEvent: (row) => toSage100InventoryAdjustment(row, deps.sage.companyCode, deps.skuOf, deps.locationOf),
  identify: (event) => ({ key: `${deps.sage.companyCode}:${event.adjustment.sku}@${event.adjustment.locationId}`, messageKey: `${event.adjustment.sku}@${event.adjustment.locationId}`, version: event.adjustment.erpVersion ?? event.eventId, modifiedAt: event.occurredAt }),
  isOwn: (event) => event.source === 'sage100' && (event.adjustment.erpVersion ?? '').startsWith(`${deps.sage.companyCode}:`),
  headers: (event) => ({ 'correlation-id': event.correlationId, 'event-type': event.eventType }),
});
