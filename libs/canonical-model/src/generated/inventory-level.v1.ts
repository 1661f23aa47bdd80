// Generated from schemas/inventory/level.v1.avsc by tools/generate-canonical-types.mjs. Do not edit.
import type { DecimalString } from '../decimal-string.js';

export interface InventoryLevel {
  sku: string;
  locationId: string;
  onHand: DecimalString;
  reserved: DecimalString;
  safetyStock: DecimalString;
  /** Available to sell as published: max(0, availableRaw). */
  available: DecimalString;
  /** onHand − reserved − safetyStock, may be negative (oversold). */
  availableRaw: DecimalString;
  /** The ERP stock version the on-hand figure reflects. */
  erpVersion: null | string;
  /** Increases with every change of this key: consumers never apply a lower one after a higher one. */
  sequence: number;
  changedAt: number;
}

/** inventory.level.v1 (compacted): the latest stock position of a SKU at a location, folded from adjustments, reservations, shipments and returns. Keyed SKU@location. */
export interface InventoryLevelEvent {
  eventId: string;
  /** inventory.level-changed | inventory.oversold */
  eventType: string;
  /** When the source system says it happened. */
  occurredAt: number;
  /** System the event came from. */
  source: string;
  correlationId: string;
  causationId: null | string;
  schemaVersion: number;
  level: InventoryLevel;
}

/** The Avro schema, verbatim. */
export const inventoryLevelEventSchema = {
  "type": "record",
  "name": "InventoryLevelEvent",
  "namespace": "io.tributary.canonical.inventory",
  "doc": "inventory.level.v1 (compacted): the latest stock position of a SKU at a location, folded from adjustments, reservations, shipments and returns. Keyed SKU@location.",
  "fields": [
    {
      "name": "eventId",
      "type": "string"
    },
    {
      "name": "eventType",
      "type": "string",
      "doc": "inventory.level-changed | inventory.oversold"
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
      "name": "level",
      "type": {
        "type": "record",
        "name": "InventoryLevel",
        "fields": [
          {
            "name": "sku",
            "type": "string"
          },
          {
            "name": "locationId",
            "type": "string"
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
            "name": "reserved",
            "type": {
              "type": "bytes",
              "logicalType": "decimal",
              "precision": 18,
              "scale": 4
            }
          },
          {
            "name": "safetyStock",
            "type": {
              "type": "bytes",
              "logicalType": "decimal",
              "precision": 18,
              "scale": 4
            }
          },
          {
            "name": "available",
            "type": {
              "type": "bytes",
              "logicalType": "decimal",
              "precision": 18,
              "scale": 4
            },
            "doc": "Available to sell as published: max(0, availableRaw)."
          },
          {
            "name": "availableRaw",
            "type": {
              "type": "bytes",
              "logicalType": "decimal",
              "precision": 18,
              "scale": 4
            },
            "doc": "onHand − reserved − safetyStock, may be negative (oversold)."
          },
          {
            "name": "erpVersion",
            "type": [
              "null",
              "string"
            ],
            "default": null,
            "doc": "The ERP stock version the on-hand figure reflects."
          },
          {
            "name": "sequence",
            "type": "long",
            "doc": "Increases with every change of this key: consumers never apply a lower one after a higher one."
          },
          {
            "name": "changedAt",
            "type": {
              "type": "long",
              "logicalType": "timestamp-millis"
            }
          }
        ]
      }
    }
  ]
} as const;
