// Generated from schemas/commerce/payment.v1.avsc by tools/generate-canonical-types.mjs. Do not edit.
import type { DecimalString } from '../decimal-string.js';

export interface Payment {
  /** The gateway transaction's id in Clarity; the topic key. */
  paymentId: string;
  orderId: string;
  orderNumber: string;
  customerId: null | string;
  /** captured | refunded */
  kind: string;
  /** visa | mastercard | amex | paypal | stripe | gift_card | ... */
  method: string;
  /** stripe | braintree | authorize_net | ... */
  gateway: null | string;
  transactionId: null | string;
  /** Always positive; kind says which way the money went. */
  amount: DecimalString;
  /** Gateway fee when the gateway reports it. */
  fee: null | DecimalString;
  /** ISO 4217. */
  currency: string;
  processedAt: number;
}

/** commerce.payment.v1: a payment was captured or refunded by the storefront's gateway. Keyed by payment id. */
export interface PaymentEvent {
  /** UUID of this event. */
  eventId: string;
  /** payment.captured | payment.refunded */
  eventType: string;
  /** When the source system says it happened. */
  occurredAt: number;
  /** System the event came from, e.g. clarity or intacct. */
  source: string;
  correlationId: string;
  causationId: null | string;
  schemaVersion: number;
  payment: Payment;
}

/** The Avro schema, verbatim. */
export const paymentEventSchema = {
  "type": "record",
  "name": "PaymentEvent",
  "namespace": "io.tributary.canonical.commerce",
  "doc": "commerce.payment.v1: a payment was captured or refunded by the storefront's gateway. Keyed by payment id.",
  "fields": [
    {
      "name": "eventId",
      "type": "string",
      "doc": "UUID of this event."
    },
    {
      "name": "eventType",
      "type": "string",
      "doc": "payment.captured | payment.refunded"
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
      "name": "payment",
      "type": {
        "type": "record",
        "name": "Payment",
        "fields": [
          {
            "name": "paymentId",
            "type": "string",
            "doc": "The gateway transaction's id in Clarity; the topic key."
          },
          {
            "name": "orderId",
            "type": "string"
          },
          {
            "name": "orderNumber",
            "type": "string"
          },
          {
            "name": "customerId",
            "type": [
              "null",
              "string"
            ],
            "default": null
          },
          {
            "name": "kind",
            "type": "string",
            "doc": "captured | refunded"
          },
          {
            "name": "method",
            "type": "string",
            "doc": "visa | mastercard | amex | paypal | stripe | gift_card | ..."
          },
          {
            "name": "gateway",
            "type": [
              "null",
              "string"
            ],
            "default": null,
            "doc": "stripe | braintree | authorize_net | ..."
          },
          {
            "name": "transactionId",
            "type": [
              "null",
              "string"
            ],
            "default": null
          },
          {
            "name": "amount",
            "type": {
              "type": "bytes",
              "logicalType": "decimal",
              "precision": 14,
              "scale": 2
            },
            "doc": "Always positive; kind says which way the money went."
          },
          {
            "name": "fee",
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
            "doc": "Gateway fee when the gateway reports it."
          },
          {
            "name": "currency",
            "type": "string",
            "doc": "ISO 4217."
          },
          {
            "name": "processedAt",
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
