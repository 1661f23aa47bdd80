// Generated from schemas/commerce/customer.v1.avsc by tools/generate-canonical-types.mjs. Do not edit.
export interface CustomerAddress {
  name: null | string;
  line1: string;
  line2: null | string;
  city: string;
  region: null | string;
  postalCode: string;
  /** ISO 3166-1 alpha-2. */
  country: string;
}

export interface Customer {
  /** Canonical id; the topic key. */
  customerId: string;
  clarityId: null | string;
  salesforceAccountId: null | string;
  salesforceContactId: null | string;
  /** b2b | b2c */
  kind: string;
  email: null | string;
  firstName: null | string;
  lastName: null | string;
  company: null | string;
  phone: null | string;
  billingAddress: null | CustomerAddress;
  shippingAddress: null | CustomerAddress;
  marketingOptIn: null | boolean;
  /** CRM owner (Salesforce). */
  accountOwner: null | string;
  /** The source's modification time of this state. */
  modifiedAt: number;
  /** The source's version of this state: never applied twice, never over a newer one. */
  version: string;
  /** Fields the source says changed (empty: unknown, treat all as given). */
  changedFields: Array<string>;
}

/** commerce.customer.v1: a customer was created or changed in Clarity or Salesforce. Keyed by the canonical customer id (Clarity's customer id when the customer has one). */
export interface CustomerEvent {
  /** UUID of this event. */
  eventId: string;
  /** customer.created | customer.updated */
  eventType: string;
  /** When the source system says it happened. */
  occurredAt: number;
  /** System the event came from. */
  source: string;
  correlationId: string;
  causationId: null | string;
  schemaVersion: number;
  customer: Customer;
}

/** The Avro schema, verbatim. */
export const customerEventSchema = {
  "type": "record",
  "name": "CustomerEvent",
  "namespace": "io.tributary.canonical.commerce",
  "doc": "commerce.customer.v1: a customer was created or changed in Clarity or Salesforce. Keyed by the canonical customer id (Clarity's customer id when the customer has one).",
  "fields": [
    {
      "name": "eventId",
      "type": "string",
      "doc": "UUID of this event."
    },
    {
      "name": "eventType",
      "type": "string",
      "doc": "customer.created | customer.updated"
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
      "name": "customer",
      "type": {
        "type": "record",
        "name": "Customer",
        "fields": [
          {
            "name": "customerId",
            "type": "string",
            "doc": "Canonical id; the topic key."
          },
          {
            "name": "clarityId",
            "type": [
              "null",
              "string"
            ],
            "default": null
          },
          {
            "name": "salesforceAccountId",
            "type": [
              "null",
              "string"
            ],
            "default": null
          },
          {
            "name": "salesforceContactId",
            "type": [
              "null",
              "string"
            ],
            "default": null
          },
          {
            "name": "kind",
            "type": "string",
            "doc": "b2b | b2c"
          },
          {
            "name": "email",
            "type": [
              "null",
              "string"
            ],
            "default": null
          },
          {
            "name": "firstName",
            "type": [
              "null",
              "string"
            ],
            "default": null
          },
          {
            "name": "lastName",
            "type": [
              "null",
              "string"
            ],
            "default": null
          },
          {
            "name": "company",
            "type": [
              "null",
              "string"
            ],
            "default": null
          },
          {
            "name": "phone",
            "type": [
              "null",
              "string"
            ],
            "default": null
          },
          {
            "name": "billingAddress",
            "type": [
              "null",
              {
                "type": "record",
                "name": "CustomerAddress",
                "fields": [
                  {
                    "name": "name",
                    "type": [
                      "null",
                      "string"
                    ],
                    "default": null
                  },
                  {
                    "name": "line1",
                    "type": "string"
                  },
                  {
                    "name": "line2",
                    "type": [
                      "null",
                      "string"
                    ],
                    "default": null
                  },
                  {
                    "name": "city",
                    "type": "string"
                  },
                  {
                    "name": "region",
                    "type": [
                      "null",
                      "string"
                    ],
                    "default": null
                  },
                  {
                    "name": "postalCode",
                    "type": "string"
                  },
                  {
                    "name": "country",
                    "type": "string",
                    "doc": "ISO 3166-1 alpha-2."
                  }
                ]
              }
            ],
            "default": null
          },
          {
            "name": "shippingAddress",
            "type": [
              "null",
              "CustomerAddress"
            ],
            "default": null
          },
          {
            "name": "marketingOptIn",
            "type": [
              "null",
              "boolean"
            ],
            "default": null
          },
          {
            "name": "accountOwner",
            "type": [
              "null",
              "string"
            ],
            "default": null,
            "doc": "CRM owner (Salesforce)."
          },
          {
            "name": "modifiedAt",
            "type": {
              "type": "long",
              "logicalType": "timestamp-millis"
            },
            "doc": "The source's modification time of this state."
          },
          {
            "name": "version",
            "type": "string",
            "doc": "The source's version of this state: never applied twice, never over a newer one."
          },
          {
            "name": "changedFields",
            "type": {
              "type": "array",
              "items": "string"
            },
            "default": [],
            "doc": "Fields the source says changed (empty: unknown, treat all as given)."
          }
        ]
      }
    }
  ]
} as const;
