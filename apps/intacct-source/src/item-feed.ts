import type { ProductEvent } from '@tributary/canonical-model';
import type { IntacctClient, IntacctItem } from '@tributary/connectors-intacct';
import type { AvroEventCodec, ChangeFeedOptions, EventProducer } from '@tributary/kafka-runtime';
import { toProductEvent } from '@tributary/mapping-intacct';

/**
 * Intacct ITEM master (by WHENMODIFIED) → `commerce.product.v1`, keyed by SKU, with
 * source "intacct": the Intacct sink skips those, so an item change never echoes back.
 */
export const itemFeed = (deps: {
  readonly intacct: Pick<IntacctClient, 'listItemsChangedSince'>;
  readonly producer: EventProducer;
  readonly codec: AvroEventCodec<ProductEvent>;
  readonly topic: string;
  readonly skuOf: (itemId: string) => string;
  readonly baseCurrency: string;
}): ChangeFeedOptions<IntacctItem, ProductEvent> => ({
  topic: deps.topic,
  codec: deps.codec,
  producer: deps.producer,
  listChangedSince: (since) => deps.intacct.listItemsChangedSince(since),
  toEvent: (item) => toProductEvent(item, deps.skuOf(item.itemId), deps.baseCurrency),
  identify: (event) => ({ key: event.product.sku, version: event.product.version, modifiedAt: event.occurredAt }),
  isOwn: (event) => event.source === 'intacct',
  headers: (event) => ({ 'correlation-id': event.correlationId, 'event-type': event.eventType }),
});
