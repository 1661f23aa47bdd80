// Generated from schemas/commerce/return.v1.avsc by tools/generate-canonical-types.mjs. Do not edit.
import type { DecimalString } from '../decimal-string.js';

export interface ReturnLine {
  /** The order line returned. */
  lineId: string;
  sku: string;
  quantity: number;
  /** Net unit price credited (after the line's discount). */
  unitPrice: DecimalString;
  /** Tax refunded on the line. */
  tax: DecimalString;
  /** Whether the goods go back to stock. */
  restock: boolean;
}

export interface OrderReturn {
  /** Clarity's return id; the topic key. */
  returnId: string;
  /** Human-facing RMA number; the ERP credit memo's reference. */
  returnNumber: string;
  orderId: string;
  /** The original order, whose ERP document the credit is linked to. */
  orderNumber: string;
  customerId: string;
  /** ISO 4217; every amount of the return is in it. */
  currency: string;
  createdAt: number;
  reason: null | string;
  lines: Array<ReturnLine>;
  shippingRefund: DecimalString;
  /** Σ quantity × unitPrice + Σ tax + shippingRefund. */
  refundTotal: DecimalString;
}

/** commerce.return.v1: a customer returned lines of an order and is refunded. Keyed by return id. */
export interface ReturnEvent {
  /** UUID of this event. */
  eventId: string;
  /** return.created */
  eventType: string;
  /** When the source system says it happened. */
  occurredAt: number;
  /** System the event came from, e.g. clarity or intacct. */
  source: string;
  correlationId: string;
  causationId: null | string;
  schemaVersion: number;
  return: OrderReturn;
}

/** The Avro schema, verbatim. */
export const returnEventSchema = {
  "type": "record",
  "name": "ReturnEvent",
  "namespace": "io.tributary.canonical.commerce",
  "doc": "commerce.return.v1: a customer returned lines of an order and is refunded. Keyed by return id.",
  "fields": [
    {
      "name": "eventId",
      "type": "string",
      "doc": "UUID of this event."
    },
    {
      "name": "eventType",
      "type": "string",
      "doc": "return.created"
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
      "doc": "System the event came from, e.g. clarity or intacct."
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
      "name": "return",
      "type": {
        "type": "record",
        "name": "OrderReturn",
        "fields": [
          {
            "name": "returnId",
            "type": "string",
            "doc": "Clarity's return id; the topic key."
          },
          {
            "name": "returnNumber",
            "type": "string",
            "doc": "Human-facing RMA number; the ERP credit memo's reference."
          },
          {
            "name": "orderId",
            "type": "string"
          },
          {
            "name": "orderNumber",
            "type": "string",
            "doc": "The original order, whose ERP document the credit is linked to."
          },
          {
            "name": "customerId",
            "type": "string"
          },
          {
            "name": "currency",
            "type": "string",
            "doc": "ISO 4217; every amount of the return is in it."
          },
          {
            "name": "createdAt",
            "type": {
              "type": "long",
              "logicalType": "timestamp-millis"
            }
          },
          {
            "name": "reason",
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
                "name": "ReturnLine",
                "fields": [
                  {
                    "name": "lineId",
                    "type": "string",
                    "doc": "The order line returned."
                  },
                  {
                    "name": "sku",
                    "type": "string"
                  },
                  {
                    "name": "quantity",
                    "type": "int"
                  },
                  {
                    "name": "unitPrice",
                    "type": {
                      "type": "bytes",
                      "logicalType": "decimal",
                      "precision": 14,
                      "scale": 2
                    },
                    "doc": "Net unit price credited (after the line's discount)."
                  },
                  {
                    "name": "tax",
                    "type": {
                      "type": "bytes",
                      "logicalType": "decimal",
                      "precision": 14,
                      "scale": 2
                    },
                    "doc": "Tax refunded on the line."
                  },
                  {
                    "name": "restock",
                    "type": "boolean",
                    "default": true,
                    "doc": "Whether the goods go back to stock."
                  }
                ]
              }
            }
          },
          {
            "name": "shippingRefund",
            "type": {
              "type": "bytes",
              "logicalType": "decimal",
              "precision": 14,
              "scale": 2
            }
          },
          {
            "name": "refundTotal",
            "type": {
              "type": "bytes",
              "logicalType": "decimal",
              "precision": 14,
              "scale": 2
            },
            "doc": "Σ quantity × unitPrice + Σ tax + shippingRefund."
          }
        ]
      }
    }
  ]
} as const;
