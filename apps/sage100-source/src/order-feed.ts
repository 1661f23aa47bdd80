import type { OrderStatusEvent } from '@tributary/canonical-model';
import type { Sage100Client, Sage100SalesOrder, Sage100SalesOrderHistory } from '@tributary/connectors-sage100';
import type { AvroEventCodec, ChangeFeedOptions, EventProducer } from '@tributary/kafka-runtime';
import { sage100OrderTotal, toSage100OrderStatusEvent } from '@tributary/mapping-sage100';

type OrderRow = { readonly open: Sage100SalesOrder } | { readonly history: Sage100SalesOrderHistory };

/**
 * Sage 100 sales orders (open file and history, by DateUpdated) → `commerce.order-status.v1`,
 * keyed by the Clarity order number; versions are tracked per Sage order.
 */
export const orderFeed = (deps: {
  readonly sage: Pick<Sage100Client, 'listSalesOrdersChangedSince' | 'listSalesOrderHistoryChangedSince' | 'companyCode'>;
  readonly producer: EventProducer;
  readonly codec: AvroEventCodec<OrderStatusEvent>;
  readonly topic: string;
  readonly currency: string;
}): ChangeFeedOptions<OrderRow, OrderStatusEvent> => ({
  topic: deps.topic,
  codec: deps.codec,
  producer: deps.producer,
  listChangedSince: async (since) => {
    const [open, history] = await Promise.all([deps.sage.listSalesOrdersChangedSince(since), deps.sage.listSalesOrderHistoryChangedSince(since)]);
    return [...open.map((o) => ({ open: o })), ...history.map((h) => ({ history: h }))];
  },
  toEvent: (row) => ('open' in row
    ? toSage100OrderStatusEvent(row.open, deps.sage.companyCode, sage100OrderTotal(row.open), deps.currency)
    : toSage100OrderStatusEvent(row.history, deps.sage.companyCode, null, null)),
  identify: (event) => ({ key: event.orderStatus.documentId, messageKey: event.orderStatus.orderNumber, version: event.orderStatus.erpVersion, modifiedAt: event.occurredAt }),
  isOwn: (event) => event.orderStatus.system === 'sage100' && event.orderStatus.documentId.startsWith(`${deps.sage.companyCode}-`),
  headers: (event) => ({ 'correlation-id': event.correlationId, 'event-type': event.eventType }),
});
