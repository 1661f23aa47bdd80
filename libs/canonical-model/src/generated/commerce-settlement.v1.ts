// Generated from schemas/commerce/settlement.v1.avsc by tools/generate-canonical-types.mjs. Do not edit.
import type { DecimalString } from '../decimal-string.js';

export interface SettledPayment {
  paymentId: string;
  orderNumber: null | string;
  /** captured | refunded */
  kind: string;
  amount: DecimalString;
  fee: DecimalString;
}

export interface Settlement {
  /** The gateway's payout or batch id; the topic key. */
  settlementId: string;
  /** stripe | braintree | authorize_net | ... */
  gateway: string;
  /** ISO 4217 of every amount. */
  currency: string;
  /** When the money reached the bank: the journal date. */
  settledAt: number;
  /** Σ captured payments. */
  gross: DecimalString;
  /** Σ refunded payments (positive). */
  refunds: DecimalString;
  /** Gateway fees withheld. */
  fees: DecimalString;
  /** The deposit: gross − refunds − fees. */
  net: DecimalString;
  payments: Array<SettledPayment>;
}

/** commerce.settlement.v1: a payment gateway paid out a batch of captured and refunded payments, less its fees, to the bank. Keyed by settlement id. */
export interface SettlementEvent {
  /** UUID of this event. */
  eventId: string;
  /** settlement.reported */
  eventType: string;
  /** When the source system says it happened. */
  occurredAt: number;
  /** System the event came from, e.g. clarity or intacct. */
  source: string;
  correlationId: string;
  causationId: null | string;
  schemaVersion: number;
  settlement: Settlement;
}

/** The Avro schema, verbatim. */
export const settlementEventSchema = {
  "type": "record",
  "name": "SettlementEvent",
  "namespace": "io.tributary.canonical.commerce",
  "doc": "commerce.settlement.v1: a payment gateway paid out a batch of captured and refunded payments, less its fees, to the bank. Keyed by settlement id.",
  "fields": [
    {
      "name": "eventId",
      "type": "string",
      "doc": "UUID of this event."
    },
    {
      "name": "eventType",
      "type": "string",
      "doc": "settlement.reported"
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
      "name": "settlement",
      "type": {
        "type": "record",
        "name": "Settlement",
        "fields": [
          {
            "name": "settlementId",
            "type": "string",
            "doc": "The gateway's payout or batch id; the topic key."
          },
          {
            "name": "gateway",
            "type": "string",
            "doc": "stripe | braintree | authorize_net | ..."
          },
          {
            "name": "currency",
            "type": "string",
            "doc": "ISO 4217 of every amount."
          },
          {
            "name": "settledAt",
            "type": {
              "type": "long",
              "logicalType": "timestamp-millis"
            },
            "doc": "When the money reached the bank: the journal date."
          },
          {
            "name": "gross",
            "type": {
              "type": "bytes",
              "logicalType": "decimal",
              "precision": 14,
              "scale": 2
            },
            "doc": "Σ captured payments."
          },
          {
            "name": "refunds",
            "type": {
              "type": "bytes",
              "logicalType": "decimal",
              "precision": 14,
              "scale": 2
            },
            "doc": "Σ refunded payments (positive)."
          },
          {
            "name": "fees",
            "type": {
              "type": "bytes",
              "logicalType": "decimal",
              "precision": 14,
              "scale": 2
            },
            "doc": "Gateway fees withheld."
          },
          {
            "name": "net",
            "type": {
              "type": "bytes",
              "logicalType": "decimal",
              "precision": 14,
              "scale": 2
            },
            "doc": "The deposit: gross − refunds − fees."
          },
          {
            "name": "payments",
            "type": {
              "type": "array",
              "items": {
                "type": "record",
                "name": "SettledPayment",
                "fields": [
                  {
                    "name": "paymentId",
                    "type": "string"
                  },
                  {
                    "name": "orderNumber",
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
                    "name": "amount",
                    "type": {
                      "type": "bytes",
                      "logicalType": "decimal",
                      "precision": 14,
                      "scale": 2
                    }
                  },
                  {
                    "name": "fee",
                    "type": {
                      "type": "bytes",
                      "logicalType": "decimal",
                      "precision": 14,
                      "scale": 2
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
