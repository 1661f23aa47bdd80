// Generated from schemas/commerce/shipment.v1.avsc by tools/generate-canonical-types.mjs. Do not edit.
import type { DecimalString } from '../decimal-string.js';

export interface ShipmentLine {
  lineId: null | string;
  sku: string;
  quantity: DecimalString;
}

export interface Shipment {
  /** The source's shipment id (e.g. Sage 100 invoice number); the topic key. */
  shipmentId: string;
  /** Clarity order id when known. */
  orderId: null | string;
  orderNumber: string;
  carrier: string;
  service: null | string;
  trackingNumber: string;
  trackingUrl: null | string;
  shippedAt: number;
  warehouseId: null | string;
  lines: Array<ShipmentLine>;
}

/** commerce.shipment.v1: goods of an order left a warehouse, with carrier and tracking. Keyed by shipment id. */
export interface ShipmentEvent {
  /** UUID of this event. */
  eventId: string;
  /** shipment.created */
  eventType: string;
  /** When the source system says it happened. */
  occurredAt: number;
  /** System the event came from. */
  source: string;
  correlationId: string;
  causationId: null | string;
  schemaVersion: number;
  shipment: Shipment;
}

/** The Avro schema, verbatim. */
export const shipmentEventSchema = {
  "type": "record",
  "name": "ShipmentEvent",
  "namespace": "io.tributary.canonical.commerce",
  "doc": "commerce.shipment.v1: goods of an order left a warehouse, with carrier and tracking. Keyed by shipment id.",
  "fields": [
    {
      "name": "eventId",
      "type": "string",
      "doc": "UUID of this event."
    },
    {
      "name": "eventType",
      "type": "string",
      "doc": "shipment.created"
    },
    {
      "name": "occurredAt",
      "type": {
        "type": "long",
        "logicalType": "timestamp-millis"
      },
      "doc": "When the source system says it happened."
    },
    {
      "name": "source",
      "type": "string",
      "doc": "System the event came from."
    },
    {
      "name": "correlationId",
      "type": "string"
    },
    {
      "name": "causationId",
      "type": [
        "null",
        "string"
      ],
      "default": null
    },
    {
      "name": "schemaVersion",
      "type": "int",
      "default": 1
    },
    {
      "name": "shipment",
      "type": {
        "type": "record",
        "name": "Shipment",
        "fields": [
          {
            "name": "shipmentId",
            "type": "string",
            "doc": "The source's shipment id (e.g. Sage 100 invoice number); the topic key."
          },
          {
            "name": "orderId",
            "type": [
              "null",
              "string"
            ],
            "default": null,
            "doc": "Clarity order id when known."
          },
          {
            "name": "orderNumber",
            "type": "string"
          },
          {
            "name": "carrier",
            "type": "string"
          },
          {
            "name": "service",
            "type": [
              "null",
              "string"
            ],
            "default": null
          },
          {
            "name": "trackingNumber",
            "type": "string"
          },
          {
            "name": "trackingUrl",
            "type": [
              "null",
              "string"
            ],
            "default": null
          },
          {
            "name": "shippedAt",
            "type": {
              "type": "long",
              "logicalType": "timestamp-millis"
            }
          },
          {
            "name": "warehouseId",
            "type": [
              "null",
              "string"
            ],
            "default": null
          },
          {
            "name": "lines",
            "type": {
              "type": "array",
              "items": {
                "type": "record",
                "name": "ShipmentLine",
                "fields": [
                  {
                    "name": "lineId",
                    "type": [
                      "null",
                      "string"
                    ],
                    "default": null
                  },
                  {
                    "name": "sku",
                    "type": "string"
                  },
                  {
                    "name": "quantity",
                    "type": {
                      "type": "bytes",
                      "logicalType": "decimal",
                      "precision": 18,
                      "scale": 4
                    }
                  }
                ]
              }
            }
          }
        ]
      }
    }
  ]
} as const;
