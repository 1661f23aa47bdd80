// Generated from schemas/clarity/webhook.v1.avsc by tools/generate-canonical-types.mjs. Do not edit.
/** clarity.webhook.v1: a verified inbound Clarity webhook, stored verbatim for audit and re-processing. */
export interface ClarityWebhookReceived {
  /** Clarity's event id (the same on every retry). */
  webhookId: string;
  eventType: string;
  /** X-Clarity-Delivery-Id: changes on every retry. */
  deliveryId: null | string;
  receivedAt: number;
  /** The signature's timestamp. */
  signedAt: number;
  correlationId: string;
  /** The raw request body, byte for byte (UTF-8). */
  body: string;
}

/** The Avro schema, verbatim. */
export const clarityWebhookReceivedSchema = {
  "type": "record",
  "name": "ClarityWebhookReceived",
  "namespace": "io.tributary.canonical.clarity",
  "doc": "clarity.webhook.v1: a verified inbound Clarity webhook, stored verbatim for audit and re-processing.",
  "fields": [
    {
      "name": "webhookId",
      "type": "string",
      "doc": "Clarity's event id (the same on every retry)."
    },
    {
      "name": "eventType",
      "type": "string"
    },
    {
      "name": "deliveryId",
      "type": [
        "null",
        "string"
      ],
      "default": null,
      "doc": "X-Clarity-Delivery-Id: changes on every retry."
    },
    {
      "name": "receivedAt",
      "type": {
        "type": "long",
        "logicalType": "timestamp-millis"
      }
    },
    {
      "name": "signedAt",
      "type": {
        "type": "long",
        "logicalType": "timestamp-millis"
      },
      "doc": "The signature's timestamp."
    },
    {
      "name": "correlationId",
      "type": "string"
    },
    {
      "name": "body",
      "type": "string",
      "doc": "The raw request body, byte for byte (UTF-8)."
    }
  ]
} as const;
