import type { CrossReference, OrderStatusEvent } from '@tributary/canonical-model';
import type { ClarityApiClient, ClarityOrderStatus } from '@tributary/connectors-clarity';
import { IntegrationError } from '@tributary/core';
import { LedgerStatus, type AvroEventCodec, type Ledger, type PipelineDefinition, type PipelineOutcome, type TopicSpec } from '@tributary/kafka-runtime';
import type { MappingConfig } from '@tributary/mapping-core';
import { furthestStatus, isClarityOrderStatus, planOrderStatus, toClarityOrderStatus } from '@tributary/mapping-clarity';
import { detailOf, ledgerEntries } from './ledger-entry.js';
import type { OrderDirectory } from './order-directory.js';
import { clarityOrderId } from './order-lookup.js';

export type ClarityOrderStatusPort = Pick<ClarityApiClient, 'updateOrderStatus' | 'getOrder'>;

export interface OrderStatusPipelineDeps {
  readonly source: TopicSpec;
  readonly codec: AvroEventCodec<OrderStatusEvent>;
  readonly clarity: ClarityOrderStatusPort;
  readonly ledger: Ledger<CrossReference>;
  readonly directory: OrderDirectory;
  readonly statusMaps: MappingConfig['statusMaps'];
  /** Tries while an order number is unknown; after them the status is skipped (an order entered in the ERP). */
  readonly orderLookupAttempts: number;
  readonly clock?: () => number;
}

interface SentStatus {
  readonly status: ClarityOrderStatus;
  readonly erpVersion: string;
}

/** Clarity answers 422 invalid_transition for an order it closed or cancelled itself meanwhile. */
const isRefusedTransition = (error: unknown) => error instanceof IntegrationError && error.details['clarityError'] === 'invalid_transition';

/**
 * commerce.order-status.v1 (ERP document states) → the Clarity order's status. The ERP status is
 * mapped (toClarityOrderStatus), compared with the furthest of what we last sent (ledger
 * `clarity:order-status:<number>`) and what Clarity shows, and skipped when it would move the
 * order backwards. Idempotency-Key = the ERP document and its erpVersion, so a retry after an
 * unknown outcome is answered, not applied twice.
 */
export const orderStatusPipeline = (deps: OrderStatusPipelineDeps): PipelineDefinition<OrderStatusEvent> => ({
  name: 'clarity-order-statuses',
  source: deps.source,
  codec: deps.codec,
  system: 'clarity',
  handle: async ({ value: event, correlationId }, { attempt, log }): Promise<PipelineOutcome> => {
    const change = event.orderStatus;
    const ledgerFor = ledgerEntries(event, correlationId, attempt, deps.clock ?? Date.now)('order-status', change.orderNumber, change.documentId);
    const sent = detailOf<SentStatus>(deps.ledger.get(ledgerFor.key));
    if (sent?.erpVersion === change.erpVersion) return { kind: 'duplicate', ref: change.orderNumber };

    const orderId = clarityOrderId(deps.directory, change.orderNumber, attempt, deps.orderLookupAttempts);
    if (orderId === undefined) return { kind: 'skipped', reason: `no Clarity order is known for ${change.orderNumber} (entered in ${change.system}?)` };

    const next = toClarityOrderStatus(change, deps.statusMaps);
    const order = await deps.clarity.getOrder(orderId);
    if (order === null) return { kind: 'skipped', reason: `Clarity has no order ${orderId}` };
    const shown = isClarityOrderStatus(order.status) ? order.status : undefined;
    const lastSent = isClarityOrderStatus(sent?.status) ? sent.status : undefined;
    // A status Clarity moved on to by itself counts, and so does one we sent (Clarity may not show it yet).
    const current = furthestStatus(shown, lastSent);
    const plan = planOrderStatus(next, current, change.status);
    if (plan.kind === 'skip') return { kind: 'skipped', reason: `${change.orderNumber}: ${plan.reason}` };

    const idempotencyKey = `${change.documentId}@${change.erpVersion}`.slice(0, 255);
    try {
      await deps.clarity.updateOrderStatus(orderId, { status: plan.status, note: `${change.system} ${change.documentId}: ${change.erpState}` }, { idempotencyKey });
    } catch (error) {
      if (isRefusedTransition(error)) return { kind: 'skipped', reason: `${change.orderNumber}: Clarity refuses ${plan.status} (${(error as IntegrationError).message})` };
      throw error;
    }
    await deps.ledger.record(ledgerFor.entry(LedgerStatus.done, orderId, JSON.stringify({ status: plan.status, erpVersion: change.erpVersion } satisfies SentStatus)));
    log.info({ orderNumber: change.orderNumber, orderId, from: current ?? null, to: plan.status, erpState: change.erpState, system: change.system }, 'Clarity order status updated');
    return { kind: 'done', ref: `${orderId}:${plan.status}` };
  },
});
