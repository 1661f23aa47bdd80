import type { CrossReference, OrderEvent, OrderEventType } from '@tributary/canonical-model';
import { IntegrationError } from '@tributary/core';
import type { SalesforceClient } from '@tributary/connectors-salesforce';
import { exactlyOnceEffect, LedgerStatus, OperatorHeader, type AvroEventCodec, type HandlerContext, type Ledger, type PipelineDefinition, type PipelineMessage, type PipelineOutcome, type TopicSpec } from '@tributary/kafka-runtime';
import type { SalesforceRules } from '@tributary/mapping-core';
import { accountForOrder, toSalesforceOrderComposite, type RecordTypeIds } from '@tributary/mapping-salesforce';
import { upsertOne } from './customer.pipeline.js';
import { ledgerEntries } from './ledger-entry.js';
import type { UpsertBatcher } from './upsert-batcher.js';

export type SalesforceOrderPort = Pick<SalesforceClient, 'findByExternalId' | 'upsert' | 'composite' | 'standardPricebookId' | 'pricebookEntries' | 'invalidatePriceBooks'>;

export interface OrderPipelineDeps {
  readonly source: TopicSpec;
  readonly codec: AvroEventCodec<OrderEvent>;
  readonly salesforce: () => SalesforceOrderPort;
  readonly batcher: Pick<UpsertBatcher, 'upsert'>;
  readonly ledger: Ledger<CrossReference>;
  readonly rules: SalesforceRules;
  readonly recordTypes: () => Promise<RecordTypeIds>;
  readonly beforeCall?: () => Promise<void>;
  readonly clock?: () => number;
}

type OrderHandler = (deps: OrderPipelineDeps, message: PipelineMessage<OrderEvent>, context: HandlerContext) => Promise<PipelineOutcome>;

/** The order's Account: the ledger, else Salesforce by the customer external id, else a minimal Account upserted. */
const ensureAccount = async (deps: OrderPipelineDeps, event: OrderEvent, correlationId: string, attempt: number): Promise<string> => {
  const { order } = event;
  const entry = ledgerEntries(event, correlationId, attempt, deps.clock ?? Date.now)('account', order.customer.customerId, null);
  const known = deps.ledger.get(entry.key);
  if (known?.status === LedgerStatus.done && known.externalId) return known.externalId;
  const ext = deps.rules.externalIds.customer;
  const found = await deps.salesforce().findByExternalId('Account', ext, order.customer.customerId, ['Id']);
  const id = found ? String(found['Id']) : await upsertOne({ batcher: deps.batcher, salesforce: deps.salesforce }, 'Account', ext, accountForOrder(order, deps.rules, await deps.recordTypes()), `order ${order.orderNumber}`);
  await deps.ledger.record(entry.entry(LedgerStatus.done, id));
  return id;
};

/**
 * order.created (and an update of an order Salesforce has never seen): Account found or created
 * → price book entries by SKU (cached) → the Order in Draft with its items in one allOrNone
 * composite, activated when configured (or an Opportunity with line items for the channels that
 * want one), once: the ledger, then a lookup by the order external id after an unknown outcome.
 */
const handleOrderCreated: OrderHandler = async (deps, { value: event, correlationId, headers }, { attempt, log }) => {
  const { order } = event;
  const ledgerFor = ledgerEntries(event, correlationId, attempt, deps.clock ?? Date.now);
  const document = ledgerFor('order', order.orderId, order.orderNumber);
  const verify = headers[OperatorHeader.requeue] === 'missing';
  const posted = deps.ledger.get(document.key);
  if (posted?.status === LedgerStatus.done && !verify) return { kind: 'duplicate', ref: posted.externalId ?? '' };

  const sf = deps.salesforce();
  await deps.beforeCall?.();
  const pricebookId = await sf.standardPricebookId();
  const skus = order.lines.map((l) => l.sku);
  let entries = await sf.pricebookEntries(skus, pricebookId);
  if (skus.some((sku) => !entries.has(sku))) {
    // The cache may predate the product: ask Salesforce once more before calling the SKU unknown.
    sf.invalidatePriceBooks();
    entries = await sf.pricebookEntries(skus, await sf.standardPricebookId());
  }
  const accountId = await ensureAccount(deps, event, correlationId, attempt);
  const plan = toSalesforceOrderComposite(order, { accountId, pricebookId, entries, rules: deps.rules });
  if (!plan.ok) throw plan.error;
  const type = plan.value.target === 'opportunity' ? 'Opportunity' : 'Order';
  const ext = deps.rules.externalIds.order;
  const result = await exactlyOnceEffect({
    ledger: deps.ledger, key: document.key, entry: document.entry, attempt, verifyDone: verify,
    duplicateCode: 'SALESFORCE.DUPLICATE_VALUE',
    find: async () => {
      const found = await sf.findByExternalId(type, ext, order.orderId, ['Id']);
      return found ? String(found['Id']) : null;
    },
    create: async () => {
      await deps.beforeCall?.();
      const replies = await sf.composite(plan.value.subrequests, true);
      const culprit = replies.find((r) => r.error && r.error.code !== 'SALESFORCE.PROCESSING_HALTED') ?? replies.find((r) => r.error);
      if (culprit?.error) {
        const e = culprit.error;
        throw new IntegrationError(e.code, `order ${order.orderNumber} (${culprit.referenceId}): ${e.message}`, e.transient, { ...e.details, orderId: order.orderId, subrequest: culprit.referenceId });
      }
      const parent = replies.find((r) => r.referenceId === 'parent')?.body as { id?: string } | undefined;
      if (!parent?.id) throw IntegrationError.transient('SALESFORCE.UNAVAILABLE', `composite for order ${order.orderNumber} returned no ${type} id`, { outcomeUnknown: true });
      return parent.id;
    },
  });
  if (result.kind === 'done') log.info({ orderId: order.orderId, type, id: result.ref, items: order.lines.length, amount: plan.value.amount }, `${type} created`);
  return result;
};

const handlers = {
  'order.created': handleOrderCreated,
  'order.updated': handleOrderCreated,
  'order.cancelled': async (_deps, message) => ({ kind: 'skipped', reason: `${message.value.eventType}: order changes after creation are not synced to Salesforce` }),
  'order.fulfilled': async (_deps, message) => ({ kind: 'skipped', reason: `${message.value.eventType}: fulfilment is not synced to Salesforce` }),
} satisfies Record<OrderEventType, OrderHandler>;

const isOrderEventType = (type: string): type is OrderEventType => Object.hasOwn(handlers, type);

/** commerce.order.v1 → Salesforce Order + OrderItems (or Opportunity + line items), content-routed by event type. */
export const orderPipeline = (deps: OrderPipelineDeps): PipelineDefinition<OrderEvent> => ({
  name: 'salesforce-orders',
  source: deps.source,
  codec: deps.codec,
  system: 'salesforce',
  stageOf: (error) => (error.code.startsWith('MAPPING.') || error.code.startsWith('REVIEW.') ? 'map' : 'deliver'),
  handle: (message, context) => {
    const type = message.value.eventType;
    if (message.value.source === 'salesforce') return Promise.resolve({ kind: 'skipped', reason: 'an order that came from Salesforce is not written back to it' });
    return isOrderEventType(type) ? handlers[type](deps, message, context) : Promise.resolve({ kind: 'skipped', reason: `unknown event type ${type}` });
  },
});
