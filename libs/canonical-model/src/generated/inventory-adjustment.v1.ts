// Generated from schemas/inventory/adjustment.v1.avsc by tools/generate-canonical-types.mjs. Do not edit.
import type { DecimalString } from '../decimal-string.js';

export interface StockAdjustment {
  /** Clarity SKU (from the mapping file's item table); the ERP item id when unmapped. */
  sku: string;
  erpItemId: string;
  /** The ERP warehouse. */
  locationId: string;
  onHand: DecimalString;
  onOrder: null | DecimalString;
  onHold: null | DecimalString;
  /** Identifies this state of the ERP record (modification time and quantity): the same version is never emitted twice. */
  erpVersion: string;
}

/** inventory.adjustment.v1: the on-hand quantity of a SKU at a location changed in an ERP. Keyed SKU@location; the ERP version makes replays recognisable. */
export interface InventoryAdjustmentEvent {
  eventId: string;
  /** inventory.adjusted */
  eventType: string;
  /** When the ERP changed the quantity. */
  occurredAt: number;
  /** intacct | sage100 */
  source: string;
  correlationId: string;
  causationId: null | string;
  schemaVersion: number;
  adjustment: StockAdjustment;
}

/** The Avro schema, verbatim. */
export const inventoryAdjustmentEventSchema = {
  "type": "record",
  "name": "InventoryAdjustmentEvent",
  "namespace": "io.tributary.canonical.inventory",
  "doc": "inventory.adjustment.v1: the on-hand quantity of a SKU at a location changed in an ERP. Keyed SKU@location; the ERP version makes replays recognisable.",
  "fields": [
    {
      "name": "eventId",
      "type": "string"
    },
    {
      "name": "eventType",
      "type": "string",
      "doc": "inventory.adjusted"
    },
    {
      "name": "occurredAt",
      "type": {
        "type": "long",
        "logicalType": "timestamp-millis"
      },
      "doc": "When the ERP changed the quantity."
    },
    {
      "name": "source",
      "type": "string",
      "doc": "intacct | sage100"
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
      "name": "adjustment",
      "type": {
        "type": "record",
        "name": "StockAdjustment",
        "fields": [
          {
            "name": "sku",
            "type": "string",
            "doc": "Clarity SKU (from the mapping file's item table); the ERP item id when unmapped."
          },
          {
            "name": "erpItemId",
            "type": "string"
          },
          {
            "name": "locationId",
            "type": "string",
            "doc": "The ERP warehouse."
          },
          {
            "name": "onHand",
            "type": {
              "type": "bytes",
              "logicalType": "decimal",
              "precision": 18,
              "scale": 4
            }
          },
          {
            "name": "onOrder",
            "type": [
              "null",
              {
                "type": "bytes",
                "logicalType": "decimal",
                "precision": 18,
                "scale": 4
              }
            ],
            "default": null
          },
          {
            "name": "onHold",
            "type": [
              "null",
              {
                "type": "bytes",
                "logicalType": "decimal",
                "precision": 18,
                "scale": 4
              }
            ],
            "default": null
          },
          {
            "name": "erpVersion",
            "type": "string",
            "doc": "Identifies this state of the ERP record (modification time and quantity): the same version is never emitted twice."
          }
        ]
      }
    }
  ]
} as const;
