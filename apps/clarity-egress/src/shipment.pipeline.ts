import type { CrossReference, ShipmentEvent } from '@tributary/canonical-model';
import type { ClarityApiClient } from '@tributary/connectors-clarity';
import { IntegrationError } from '@tributary/core';
import { exactlyOnceEffect, type AvroEventCodec, type Ledger, type PipelineDefinition, type PipelineOutcome, type TopicSpec } from '@tributary/kafka-runtime';
import { toClarityShipment } from '@tributary/mapping-clarity';
import { ledgerEntries } from './ledger-entry.js';
import type { OrderDirectory } from './order-directory.js';
import { clarityOrderId } from './order-lookup.js';

export type ClarityShipmentPort = Pick<ClarityApiClient, 'createShipment' | 'getShipment'>;

export interface ShipmentPipelineDeps {
  readonly source: TopicSpec;
  readonly codec: AvroEventCodec<ShipmentEvent>;
  readonly clarity: ClarityShipmentPort;
  readonly ledger: Ledger<CrossReference>;
  readonly directory: OrderDirectory;
  /** Tries while an order number is unknown before the shipment is dead-lettered. */
  readonly orderLookupAttempts: number;
  readonly clock?: () => number;
}

/** Clarity's 409: the shipment exists under another Idempotency-Key (created before our ledger knew). */
const isConflict = (error: unknown) => error instanceof IntegrationError && error.details['httpStatus'] === 409;

/**
 * commerce.shipment.v1 (from the ERP's warehouse) → a Clarity shipment with carrier and tracking,
 * exactly once in effect: ledger `clarity:shipment:<id>`, Idempotency-Key = shipment id, and after
 * an unknown outcome a lookup by id before creating again. Clarity's own shipments (source
 * clarity) are not written back.
 */
export const shipmentPipeline = (deps: ShipmentPipelineDeps): PipelineDefinition<ShipmentEvent> => ({
  name: 'clarity-shipments',
  source: deps.source,
  codec: deps.codec,
  system: 'clarity',
  stageOf: (error) => (error.code.startsWith('MAPPING.') ? 'map' : 'deliver'),
  handle: async ({ value: event, correlationId }, { attempt, log }): Promise<PipelineOutcome> => {
    const { shipment } = event;
    if (event.source === 'clarity') return { kind: 'skipped', reason: 'a Clarity shipment: Clarity has it' };
    const ledgerFor = ledgerEntries(event, correlationId, attempt, deps.clock ?? Date.now)('shipment', shipment.shipmentId, shipment.orderNumber);
    const known = deps.ledger.get(ledgerFor.key);
    if (known?.status === 'DONE') return { kind: 'duplicate', ref: known.externalId ?? shipment.shipmentId };

    const orderId = shipment.orderId ?? clarityOrderId(deps.directory, shipment.orderNumber, attempt, deps.orderLookupAttempts);
    if (orderId === undefined) {
      throw IntegrationError.permanent('MAPPING.UNKNOWN_ORDER', `shipment ${shipment.shipmentId}: no Clarity order is known for order number ${shipment.orderNumber}; replay once the order is in commerce.order.v1`, { shipmentId: shipment.shipmentId, orderNumber: shipment.orderNumber });
    }
    const mapped = toClarityShipment(shipment, orderId);
    if (!mapped.ok) throw mapped.error;

    const find = async () => (await deps.clarity.getShipment(shipment.shipmentId))?.shipmentId ?? null;
    const result = await exactlyOnceEffect({
      ledger: deps.ledger, key: ledgerFor.key, entry: ledgerFor.entry, attempt, find,
      create: async () => {
        try {
          return (await deps.clarity.createShipment(mapped.value, { idempotencyKey: shipment.shipmentId })).shipmentId;
        } catch (error) {
          const existing = isConflict(error) ? await find() : null;
          if (existing !== null) return existing;
          throw error;
        }
      },
    });
    if (result.kind === 'done') log.info({ shipmentId: shipment.shipmentId, orderId, carrier: shipment.carrier, trackingNumber: shipment.trackingNumber }, 'shipment created in Clarity');
    return result;
  },
});
