import { z } from 'zod';
import { clarityPositiveQuantitySchema } from './quantity.js';
import { id, optionalText, timestamp } from './fields.js';

export const clarityShipmentLineSchema = z.object({
  /** The order line shipped, when Clarity knows it. */
  lineId: optionalText(),
  sku: z.string().min(1),
  /** Weights and lengths ship in fractions: exact decimal text, never a float. */
  quantity: clarityPositiveQuantitySchema,
});

/**
 * A Clarity shipment (CEF's ShipmentModel, as our contract sends it): the `data` of a
 * `shipment.created` webhook and what `GET /api/v1/shipments/{id}` returns.
 */
export const clarityShipmentSchema = z.object({
  shipmentId: id(),
  /** Clarity's order id, when the shipment is for a Clarity order. */
  orderId: optionalText(),
  /** The number the customer sees. */
  orderNumber: id(),
  carrier: z.string().min(1),
  service: optionalText(),
  trackingNumber: z.string().min(1),
  trackingUrl: z.url({ protocol: /^https?$/, error: 'expected an http(s) URL' }).nullish().transform((value) => value ?? null),
  shippedAt: timestamp,
  warehouseId: optionalText(),
  lines: z.array(clarityShipmentLineSchema).min(1, 'a shipment has at least one line'),
  status: optionalText(),
  createdAt: timestamp.optional(),
  updatedBy: optionalText(),
});

export type ClarityShipmentLine = z.infer<typeof clarityShipmentLineSchema>;
export type ClarityShipment = z.infer<typeof clarityShipmentSchema>;
