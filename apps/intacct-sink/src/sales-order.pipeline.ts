import type { CrossReference, OrderEvent } from '@tributary/canonical-model';
import type { IntacctClient } from '@tributary/connectors-intacct';
import type { CompanyRules, IntacctOrderMappingRules } from '@tributary/mapping-intacct';
import type { AvroEventCodec, HandlerContext, Ledger, PipelineDefinition, PipelineMessage, PipelineOutcome, TopicSpec } from '@tributary/kafka-runtime';
import type { OrderEventType } from '@tributary/canonical-model';
import { handleOrderCancelled } from './order-cancelled.handler.js';
import { handleOrderCreated } from './order-created.handler.js';
import { handleOrderUpdated } from './order-updated.handler.js';
import type { OrderReview } from '@tributary/mapping-core';

export type IntacctPort = Pick<IntacctClient, 'createSalesOrder' | 'updateSalesOrder' | 'deleteSalesOrder' | 'findSalesDocumentByReference' | 'findCustomers' | 'createCustomer' | 'findContact' | 'createContact' | 'createArPayment' | 'findArPaymentByDocNumber'>;

export interface SalesOrderPipelineDeps {
  readonly source: TopicSpec;
  readonly codec: AvroEventCodec<OrderEvent>;
  /** The Intacct client for an entity of a multi-entity company (undefined = top level). */
  readonly intacct: (entityId: string | undefined) => IntacctPort;
  readonly ledger: Ledger<CrossReference>;
  readonly rules: IntacctOrderMappingRules;
  readonly company: CompanyRules;
  readonly review?: OrderReview;
  readonly clock?: () => number;
}

export type OrderHandler = (deps: SalesOrderPipelineDeps, message: PipelineMessage<OrderEvent>, context: HandlerContext) => Promise<PipelineOutcome>;

/** Content-based router: every canonical order event type has its handler (the compiler checks). */
const handlers = {
  'order.created': handleOrderCreated,
  'order.updated': handleOrderUpdated,
  'order.cancelled': handleOrderCancelled,
  'order.fulfilled': async (_deps, message) => ({ kind: 'skipped', reason: `${message.value.eventType}: Intacct is the fulfilment system of record` }),
} satisfies Record<OrderEventType, OrderHandler>;

const isOrderEventType = (type: string): type is OrderEventType => Object.hasOwn(handlers, type);

/**
 * commerce.order.v1 → Sage Intacct, exactly once in effect. Created orders, step by step:
 * map (pure) → apply the company's mapping file (items, dimensions, entity, document type,
 * state, rates) → hold anomalies for review → find-or-create the CUSTOMER (dedupe keys) →
 * find-or-create the ship-to and bill-to CONTACTs (one per customer and address) →
 * create the sales document (ledger + deterministic controlid + lookup after unknown outcomes)
 * → for invoices paid at checkout, the cash receipt on the invoice's AR record.
 * The runtime commits the offset afterwards; a permanent failure goes to the DLQ and a replay
 * resumes where it stopped (every step is idempotent).
 */
export const salesOrderPipeline = (deps: SalesOrderPipelineDeps): PipelineDefinition<OrderEvent> => ({
  name: 'intacct-sales-orders',
  source: deps.source,
  codec: deps.codec,
  system: 'intacct',
  stageOf: (error) => (error.code.startsWith('MAPPING.') || error.code.startsWith('REVIEW.') ? 'map' : 'deliver'),
  handle: (message, context) => {
    const type = message.value.eventType;
    return isOrderEventType(type) ? handlers[type](deps, message, context) : Promise.resolve({ kind: 'skipped', reason: `unknown event type ${type}` });
  },
});
