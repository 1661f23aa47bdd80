// Generated from schemas/customer/profile.v1.avsc by tools/generate-canonical-types.mjs. Do not edit.
import type { DecimalString } from '../decimal-string.js';

export interface ProfileAddress {
  name: null | string;
  line1: string;
  line2: null | string;
  city: string;
  region: null | string;
  postalCode: string;
  /** ISO 3166-1 alpha-2. */
  country: string;
}

export interface FieldProvenance {
  source: string;
  changedAt: number;
  version: string;
}

export interface CustomerProfile {
  customerId: string;
  kind: null | string;
  email: null | string;
  firstName: null | string;
  lastName: null | string;
  company: null | string;
  phone: null | string;
  billingAddress: null | ProfileAddress;
  shippingAddress: null | ProfileAddress;
  accountOwner: null | string;
  creditLimit: null | DecimalString;
  /** The customer's id in each system: clarity, salesforceAccount, salesforceContact, intacct, sage100. */
  ids: Record<string, string>;
  /** Per field: which system set its current value, when, and in which version. */
  provenance: Record<string, FieldProvenance>;
}

/** customer.profile.v1 (compacted): the golden record of a customer (Customer 360), merged from every system by per-field master rules. Keyed by the canonical customer id. */
export interface CustomerProfileEvent {
  eventId: string;
  /** customer.profile-changed */
  eventType: string;
  /** When the source system says it happened. */
  occurredAt: number;
  /** System the event came from. */
  source: string;
  correlationId: string;
  causationId: null | string;
  schemaVersion: number;
  profile: CustomerProfile;
}

/** The Avro schema, verbatim. */
export const customerProfileEventSchema = {
  "type": "record",
  "name": "CustomerProfileEvent",
  "namespace": "io.tributary.canonical.customer",
  "doc": "customer.profile.v1 (compacted): the golden record of a customer (Customer 360), merged from every system by per-field master rules. Keyed by the canonical customer id.",
  "fields": [
    {
      "name": "eventId",
      "type": "string"
    },
    {
      "name": "eventType",
      "type": "string",
      "doc": "customer.profile-changed"
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
      "name": "profile",
      "type": {
        "type": "record",
        "name": "CustomerProfile",
        "fields": [
          {
            "name": "customerId",
            "type": "string"
          },
          {
            "name": "kind",
            "type": [
              "null",
              "string"
            ],
            "default": null
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
                "name": "ProfileAddress",
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
              "ProfileAddress"
            ],
            "default": null
          },
          {
            "name": "accountOwner",
            "type": [
              "null",
              "string"
            ],
            "default": null
          },
          {
            "name": "creditLimit",
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
            "name": "ids",
            "type": {
              "type": "map",
              "values": "string"
            },
            "default": {},
            "doc": "The customer's id in each system: clarity, salesforceAccount, salesforceContact, intacct, sage100."
          },
          {
            "name": "provenance",
            "type": {
              "type": "map",
              "values": {
                "type": "record",
                "name": "FieldProvenance",
                "fields": [
                  {
                    "name": "source",
                    "type": "string"
                  },
                  {
                    "name": "changedAt",
                    "type": {
                      "type": "long",
                      "logicalType": "timestamp-millis"
                    }
                  },
                  {
                    "name": "version",
                    "type": "string"
                  }
                ]
              }
            },
            "default": {},
            "doc": "Per field: which system set its current value, when, and in which version."
          }
        ]
      }
    }
  ]
} as const;
