// Generated from schemas/commerce/order-status.v1.avsc by tools/generate-canonical-types.mjs. Do not edit.
import type { DecimalString } from '../decimal-string.js';

export interface OrderStatus {
  /** The order's number: the ERP document's reference; the topic key. */
  orderNumber: string;
  /** intacct | sage100 */
  system: string;
  /** ERP document type, e.g. Sales Order. */
  documentType: string;
  /** ERP document id, e.g. Sales Order-SO0042. */
  documentId: string;
  /** The ERP's own state name, verbatim. */
  erpState: string;
  /** open | in_progress | invoiced | closed | cancelled: the ERP state in Clarity's vocabulary. */
  status: string;
  total: null | DecimalString;
  currency: null | string;
  /** Identifies this state of the ERP document (modification time and state): the same version is never emitted twice. */
  erpVersion: string;
}

/** commerce.order-status.v1: the ERP document of an order changed state (converted, invoiced, closed ...). Keyed by order number. */
export interface OrderStatusEvent {
  /** UUID of this event. */
  eventId: string;
  /** order.status-changed */
  eventType: string;
  /** When the source system says it happened. */
  occurredAt: number;
  /** System the event came from, e.g. clarity or intacct. */
  source: string;
  correlationId: string;
  causationId: null | string;
  schemaVersion: number;
  orderStatus: OrderStatus;
}

/** The Avro schema, verbatim. */
export const orderStatusEventSchema = {
  "type": "record",
  "name": "OrderStatusEvent",
  "namespace": "io.tributary.canonical.commerce",
  "doc": "commerce.order-status.v1: the ERP document of an order changed state (converted, invoiced, closed ...). Keyed by order number.",
  "fields": [
    {
      "name": "eventId",
      "type": "string",
      "doc": "UUID of this event."
    },
    {
      "name": "eventType",
      "type": "string",
      "doc": "order.status-changed"
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
      "name": "orderStatus",
      "type": {
        "type": "record",
        "name": "OrderStatus",
        "fields": [
          {
            "name": "orderNumber",
            "type": "string",
            "doc": "The order's number: the ERP document's reference; the topic key."
          },
          {
            "name": "system",
            "type": "string",
            "doc": "intacct | sage100"
          },
          {
            "name": "documentType",
            "type": "string",
            "doc": "ERP document type, e.g. Sales Order."
          },
          {
            "name": "documentId",
            "type": "string",
            "doc": "ERP document id, e.g. Sales Order-SO0042."
          },
          {
            "name": "erpState",
            "type": "string",
            "doc": "The ERP's own state name, verbatim."
          },
          {
            "name": "status",
            "type": "string",
            "doc": "open | in_progress | invoiced | closed | cancelled: the ERP state in Clarity's vocabulary."
          },
          {
            "name": "total",
            "type": [
              "null",
              {
                "type": "bytes",
                "logicalType": "decimal",
                "precision": 14,
                "scale": 2
              }
            ],
            "default": null
          },
          {
            "name": "currency",
            "type": [
              "null",
              "string"
            ],
            "default": null
          },
          {
            "name": "erpVersion",
            "type": "string",
            "doc": "Identifies this state of the ERP document (modification time and state): the same version is never emitted twice."
          }
        ]
      }
    }
  ]
} as const;
