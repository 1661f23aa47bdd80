import type { ShipmentEvent } from '@tributary/canonical-model';
import type { Sage100Client, Sage100Invoice } from '@tributary/connectors-sage100';
import type { AvroEventCodec, ChangeFeedOptions, EventProducer } from '@tributary/kafka-runtime';
import type { MappingConfig } from '@tributary/mapping-core';
import { toShipmentEvent } from '@tributary/mapping-sage100';

/**
 * Sage 100 invoices with tracking rows (by DateUpdated) → `commerce.shipment.v1`, keyed by the
 * Clarity order number; versions are tracked per invoice. clarity-egress delivers them to Clarity.
 */
export const shipmentFeed = (deps: {
  readonly sage: Pick<Sage100Client, 'listInvoicesChangedSince' | 'companyCode'>;
  readonly producer: EventProducer;
  readonly codec: AvroEventCodec<ShipmentEvent>;
  readonly topic: string;
  readonly rules: MappingConfig['sage100'];
  readonly skuOf: (itemCode: string) => string;
}): ChangeFeedOptions<Sage100Invoice, ShipmentEvent> => ({
  topic: deps.topic,
  codec: deps.codec,
  producer: deps.producer,
  listChangedSince: (since) => deps.sage.listInvoicesChangedSince(since),
  toEvent: (invoice) => toShipmentEvent(invoice, deps.sage.companyCode, deps.rules, deps.skuOf),
  identify: (event) => ({ key: event.shipment.shipmentId, messageKey: event.shipment.orderNumber, version: event.eventId, modifiedAt: event.occurredAt }),
  isOwn: (event) => event.source === 'sage100' && event.shipment.shipmentId.startsWith(`sage100-${deps.sage.companyCode}-`),
  headers: (event) => ({ 'correlation-id': event.correlationId, 'event-type': event.eventType }),
});

