// Generated from schemas/integration/xref.v1.avsc by tools/generate-canonical-types.mjs. Do not edit.
/** integration.xref.v1 (compacted): which ERP/CRM record a canonical entity became. Also the idempotency ledger: PENDING is written before the external call, DONE or FAILED after it. */
export interface CrossReference {
  /** <system>:<entity>:<source id>, also the record key. */
  key: string;
  /** intacct | sage100 | salesforce | clarity */
  system: string;
  /** The external document kind, e.g. sales-order. */
  entity: string;
  /** The canonical id, e.g. the Clarity order id. */
  sourceId: string;
  /** PENDING | DONE | FAILED | CANCELLED */
  status: string;
  /** The id the external system gave the record (e.g. Sales Order-SO0042). */
  externalId: null | string;
  /** Our reference stored on the external record (e.g. the Clarity order number). */
  externalReference: null | string;
  /** The canonical event that caused this entry. */
  eventId: string;
  correlationId: string;
  attempt: number;
  /** Error code and message when FAILED. */
  detail: null | string;
  updatedAt: number;
}

/** The Avro schema, verbatim. */
export const crossReferenceSchema = {
  "type": "record",
  "name": "CrossReference",
  "namespace": "io.tributary.canonical.integration",
  "doc": "integration.xref.v1 (compacted): which ERP/CRM record a canonical entity became. Also the idempotency ledger: PENDING is written before the external call, DONE or FAILED after it.",
  "fields": [
    {
      "name": "key",
      "type": "string",
      "doc": "<system>:<entity>:<source id>, also the record key."
    },
    {
      "name": "system",
      "type": "string",
      "doc": "intacct | sage100 | salesforce | clarity"
    },
    {
      "name": "entity",
      "type": "string",
      "doc": "The external document kind, e.g. sales-order."
    },
    {
      "name": "sourceId",
      "type": "string",
      "doc": "The canonical id, e.g. the Clarity order id."
    },
    {
      "name": "status",
      "type": "string",
      "doc": "PENDING | DONE | FAILED | CANCELLED"
    },
    {
      "name": "externalId",
      "type": [
        "null",
        "string"
      ],
      "default": null,
      "doc": "The id the external system gave the record (e.g. Sales Order-SO0042)."
    },
    {
      "name": "externalReference",
      "type": [
        "null",
        "string"
      ],
      "default": null,
      "doc": "Our reference stored on the external record (e.g. the Clarity order number)."
    },
    {
      "name": "eventId",
      "type": "string",
      "doc": "The canonical event that caused this entry."
    },
    {
      "name": "correlationId",
      "type": "string"
    },
    {
      "name": "attempt",
      "type": "int",
      "default": 1
    },
    {
      "name": "detail",
      "type": [
        "null",
        "string"
      ],
      "default": null,
      "doc": "Error code and message when FAILED."
    },
    {
      "name": "updatedAt",
      "type": {
        "type": "long",
        "logicalType": "timestamp-millis"
      }
    }
  ]
} as const;
