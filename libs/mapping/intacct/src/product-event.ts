import { createHash } from 'node:crypto';
import type { ProductEvent } from '@tributary/canonical-model';
import type { IntacctItem } from '@tributary/connectors-intacct';
import { nameBasedUuid } from '@tributary/core';

/** The ERP state an item row stands for: modification time plus a hash of what we publish. */
export const itemVersion = (item: IntacctItem): string =>
  `${new Date(item.modifiedAt).toISOString()}#${createHash('sha256').update(JSON.stringify([item.name, item.description ?? null, item.basePrice ?? null, item.status])).digest('hex').slice(0, 12)}`;

/**
 * An Intacct ITEM as a canonical product change. Pure: the event id is derived from the item and
 * its version, so re-emitting the same state yields the same event.
 */
export const toProductEvent = (item: IntacctItem, sku: string, baseCurrency: string): ProductEvent => {
  const version = itemVersion(item);
  const eventId = nameBasedUuid(`intacct:item:${item.itemId}:${version}`);
  return {
    eventId,
    eventType: 'product.updated',
    occurredAt: item.modifiedAt,
    source: 'intacct',
    correlationId: eventId,
    causationId: null,
    schemaVersion: 1,
    product: {
      sku,
      erpItemId: item.itemId,
      name: item.name,
      description: item.description ?? null,
      price: item.basePrice ?? null,
      currency: item.basePrice === undefined ? null : baseCurrency,
      status: item.status.toLowerCase() === 'inactive' ? 'inactive' : 'active',
      version,
    },
  };
};
