// Generated from schemas/commerce/product.v1.avsc by tools/generate-canonical-types.mjs. Do not edit.
import type { DecimalString } from '../decimal-string.js';

export interface Product {
  /** Clarity SKU; the topic key. */
  sku: string;
  /** The ERP item id when the event comes from an ERP. */
  erpItemId: null | string;
  name: string;
  description: null | string;
  /** List price; null when the source does not master prices. */
  price: null | DecimalString;
  /** ISO 4217 of price. */
  currency: null | string;
  /** active | inactive */
  status: string;
  /** The source's version of this state (modification time and content): the same version is never emitted twice. */
  version: string;
}

/** commerce.product.v1: a product's master data or price changed, in Clarity or in an ERP's item master. Keyed by SKU. */
export interface ProductEvent {
  /** UUID of this event. */
  eventId: string;
  /** product.updated */
  eventType: string;
  /** When the source system says it happened. */
  occurredAt: number;
  /** System the event came from, e.g. clarity or intacct. */
  source: string;
  correlationId: string;
  causationId: null | string;
  schemaVersion: number;
  product: Product;
}

/** The Avro schema, verbatim. */
export const productEventSchema = {
  "type": "record",
  "name": "ProductEvent",
  "namespace": "io.tributary.canonical.commerce",
  "doc": "commerce.product.v1: a product's master data or price changed, in Clarity or in an ERP's item master. Keyed by SKU.",
  "fields": [
    {
      "name": "eventId",
      "type": "string",
      "doc": "UUID of this event."
    },
    {
      "name": "eventType",
      "type": "string",
      "doc": "product.updated"
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
      "name": "product",
      "type": {
        "type": "record",
        "name": "Product",
        "fields": [
          {
            "name": "sku",
            "type": "string",
            "doc": "Clarity SKU; the topic key."
          },
          {
            "name": "erpItemId",
            "type": [
              "null",
              "string"
            ],
            "default": null,
            "doc": "The ERP item id when the event comes from an ERP."
          },
          {
            "name": "name",
            "type": "string"
          },
          {
            "name": "description",
            "type": [
              "null",
              "string"
            ],
            "default": null
          },
          {
            "name": "price",
            "type": [
              "null",
              {
                "type": "bytes",
                "logicalType": "decimal",
                "precision": 14,
                "scale": 2
              }
            ],
            "default": null,
            "doc": "List price; null when the source does not master prices."
          },
          {
            "name": "currency",
            "type": [
              "null",
              "string"
            ],
            "default": null,
            "doc": "ISO 4217 of price."
          },
          {
            "name": "status",
            "type": "string",
            "doc": "active | inactive"
          },
          {
            "name": "version",
            "type": "string",
            "doc": "The source's version of this state (modification time and content): the same version is never emitted twice."
          }
        ]
      }
    }
  ]
} as const;
