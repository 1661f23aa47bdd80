import { err, IntegrationError, ok, type Result } from '@tributary/core';
import type { Shipment } from '@tributary/canonical-model';
import type { ClarityNewShipment } from '@tributary/connectors-clarity';

const WHOLE = /^\d+(\.0+)?$/;

/**
 * A canonical shipment → Clarity's `POST /api/v1/shipments`, for the Clarity order `orderId`
 * (resolved by the caller from the order number when the event carries none). Clarity counts
 * shipped units as whole numbers: a fractional quantity is a typed mapping error, not rounded.
 */
export const toClarityShipment = (shipment: Shipment, orderId: string): Result<ClarityNewShipment, IntegrationError> => {
  const lines: Array<{ sku: string; quantity: number }> = [];
  for (const line of shipment.lines) {
    if (!WHOLE.test(line.quantity) || Number(line.quantity) <= 0) {
      return err(IntegrationError.permanent('MAPPING.SHIPMENT_QUANTITY', `shipment ${shipment.shipmentId}: Clarity takes whole shipped quantities, ${line.sku} has ${line.quantity}`, { shipmentId: shipment.shipmentId, sku: line.sku, quantity: line.quantity }));
    }
    lines.push({ sku: line.sku, quantity: Number(line.quantity) });
  }
  if (lines.length === 0) return err(IntegrationError.permanent('MAPPING.SHIPMENT_EMPTY', `shipment ${shipment.shipmentId} has no lines`, { shipmentId: shipment.shipmentId }));
  return ok({
    shipmentId: shipment.shipmentId,
    orderId,
    carrier: shipment.carrier,
    ...(shipment.service ? { service: shipment.service } : {}),
    trackingNumber: shipment.trackingNumber,
    ...(shipment.trackingUrl ? { trackingUrl: shipment.trackingUrl } : {}),
    shippedAt: new Date(shipment.shippedAt).toISOString(),
    lines,
  });
};
