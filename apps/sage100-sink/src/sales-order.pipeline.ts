import type { CrossReference, OrderEvent, OrderEventType } from '@tributary/canonical-model';
import type { Sage100Client } from '@tributary/connectors-sage100';
import type { Sage100CompanyRules } from '@tributary/mapping-sage100';
import type { AvroEventCodec, HandlerContext, Ledger, PipelineDefinition, PipelineMessage, PipelineOutcome, TopicSpec } from '@tributary/kafka-runtime';
import type { HeldOrders } from './held-orders.js';
import { handleOrderCancelled } from './order-cancelled.handler.js';
import { handleOrderCreated } from './order-created.handler.js';
import { handleOrderUpdated } from './order-updated.handler.js';
import type { OrderReview } from '@tributary/mapping-core';

export type Sage100Port = Pick<Sage100Client,
  'companyCode' | 'createSalesOrder' | 'getSalesOrder' | 'updateSalesOrder' | 'findSalesOrdersByPo' | 'findCustomer' | 'searchCustomers' | 'createCustomer' |
  'listItemWarehousesChangedSince' | 'createCashReceipt' | 'findCashReceiptsByReference'>;

export interface SalesOrderPipelineDeps {
  readonly source: TopicSpec;
  readonly codec: AvroEventCodec<OrderEvent>;
  /** The Sage 100 client of a company (X-Company-Code) the routing rules send orders to. */
  readonly sage: (companyCode: string) => Sage100Port;
  readonly ledger: Ledger<CrossReference>;
  readonly company: Sage100CompanyRules;
  readonly held: HeldOrders;
  readonly review?: OrderReview;
  readonly clock?: () => number;
}

export type OrderHandler = (deps: SalesOrderPipelineDeps, message: PipelineMessage<OrderEvent>, context: HandlerContext) => Promise<PipelineOutcome>;

/** Content-based router: every canonical order event type has its handler (the compiler checks). */
const handlers = {
  'order.created': handleOrderCreated,
  'order.updated': handleOrderUpdated,
  'order.cancelled': handleOrderCancelled,
  'order.fulfilled': async (_deps, message) => ({ kind: 'skipped', reason: `${message.value.eventType}: Sage 100 is the fulfilment system of record` }),
} satisfies Record<OrderEventType, OrderHandler>;

const isOrderEventType = (type: string): type is OrderEventType => Object.hasOwn(handlers, type);

/**
 * commerce.order.v1 → Sage 100 sales orders, exactly once in effect. Created orders, step by
 * step: map (pure, mapping file) → hold anomalies for review → find-or-create the AR customer
 * (ledger, e-mail, name + postcode, deterministic CustomerNo) → credit rule (OrderStatus H or
 * review) → stock rule per store (hold, back order, or partial + back order) → create the order
 * (ledger + CustomerPONo looked up in open orders and history before any create). The runtime
 * commits the offset afterwards; a permanent failure goes to the DLQ with the BOI message, and a
 * replay resumes where it stopped (every step is idempotent).
 */
export const salesOrderPipeline = (deps: SalesOrderPipelineDeps): PipelineDefinition<OrderEvent> => ({
  name: 'sage100-sales-orders',
  source: deps.source,
  codec: deps.codec,
  system: 'sage100',
  stageOf: (error) => (error.code.startsWith('MAPPING.') || error.code.startsWith('REVIEW.') ? 'map' : 'deliver'),
  handle: (message, context) => {
    const type = message.value.eventType;
    return isOrderEventType(type) ? handlers[type](deps, message, context) : Promise.resolve({ kind: 'skipped', reason: `unknown event type ${type}` });
  },
});
