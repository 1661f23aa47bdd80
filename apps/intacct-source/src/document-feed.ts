import type { OrderStatusEvent } from '@tributary/canonical-model';
import type { IntacctClient, IntacctSalesDocumentRef } from '@tributary/connectors-intacct';
import type { AvroEventCodec, ChangeFeedOptions, EventProducer } from '@tributary/kafka-runtime';
import { toOrderStatusEvent } from '@tributary/mapping-intacct';

/**
 * Intacct sales documents of the order types (by WHENMODIFIED) → `commerce.order-status.v1`,
 * keyed by order number; versions are tracked per document (an order's Sales Order and the
 * invoice converted from it are two documents). Documents without a reference are not orders.
 */
export const documentFeed = (deps: {
  readonly intacct: Pick<IntacctClient, 'listSalesDocumentsChangedSince'>;
  readonly producer: EventProducer;
  readonly codec: AvroEventCodec<OrderStatusEvent>;
  readonly topic: string;
  readonly transactionTypes: readonly string[];
  readonly invoiceTransactionTypes: readonly string[];
}): ChangeFeedOptions<IntacctSalesDocumentRef, OrderStatusEvent> => ({
  topic: deps.topic,
  codec: deps.codec,
  producer: deps.producer,
  listChangedSince: (since) => deps.intacct.listSalesDocumentsChangedSince(deps.transactionTypes, since),
  toEvent: (document) => (document.referenceNo.trim() === '' || document.modifiedAt === undefined ? null : toOrderStatusEvent({ ...document, modifiedAt: document.modifiedAt }, deps.invoiceTransactionTypes)),
  identify: (event) => ({ key: event.orderStatus.documentId, messageKey: event.orderStatus.orderNumber, version: event.orderStatus.erpVersion, modifiedAt: event.occurredAt }),
  isOwn: (event) => event.orderStatus.system === 'intacct',
  headers: (event) => ({ 'correlation-id': event.correlationId, 'event-type': event.eventType }),
});
