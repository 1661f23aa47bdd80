import { ok, type IntegrationError, type Result } from '@tributary/core';
import type { ClarityShipment, ClarityShipmentWebhook } from '@tributary/connectors-clarity';
import type { Shipment, ShipmentEvent } from '@tributary/canonical-model';
import { envelopeFrom, type EventContext } from './event-context.js';
import { toQuantityString } from './quantity.js';

export const SHIPMENT_EVENT_SCHEMA_VERSION = 1;

export const toCanonicalShipment = (data: ClarityShipment): Shipment => ({
  shipmentId: data.shipmentId,
  orderId: data.orderId,
  orderNumber: data.orderNumber,
  carrier: data.carrier,
  service: data.service,
  trackingNumber: data.trackingNumber,
  trackingUrl: data.trackingUrl,
  shippedAt: Date.parse(data.shippedAt),
  warehouseId: data.warehouseId,
  lines: data.lines.map((line) => ({ lineId: line.lineId, sku: line.sku, quantity: toQuantityString(line.quantity) })),
});

/** A verified, validated Clarity `shipment.created` webhook → `commerce.shipment.v1` event. Pure and total. */
export const toCanonicalShipmentEvent = (webhook: ClarityShipmentWebhook, ctx: EventContext): Result<ShipmentEvent, IntegrationError> =>
  ok({ ...envelopeFrom(webhook, ctx, SHIPMENT_EVENT_SCHEMA_VERSION), eventType: webhook.type, shipment: toCanonicalShipment(webhook.data) });
