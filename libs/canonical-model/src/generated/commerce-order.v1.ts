// Generated from schemas/commerce/order.v1.avsc by tools/generate-canonical-types.mjs. Do not edit.
import type { DecimalString } from '../decimal-string.js';

export interface OrderCustomer {
  customerId: string;
  email: string;
  firstName: string;
  lastName: string;
  company: null | string;
  phone: null | string;
}

export interface PostalAddress {
  name: null | string;
  line1: string;
  line2: null | string;
  city: string;
  region: null | string;
  postalCode: string;
  /** ISO 3166-1 alpha-2. */
  country: string;
}

export interface OrderLine {
  lineId: string;
  sku: string;
  description: null | string;
  quantity: number;
  unitPrice: DecimalString;
  /** Discount on the whole line, in the order currency. */
  discount: DecimalString;
  /** Tax on the whole line. */
  tax: DecimalString;
  /** quantity × unitPrice − discount (tax excluded). */
  lineTotal: DecimalString;
}

export interface Shipping {
  method: null | string;
  amount: DecimalString;
}

export interface PaymentInfo {
  /** visa | mastercard | amex | paypal | stripe | gift_card | store_credit | ... */
  method: string;
  transactionId: null | string;
  amount: DecimalString;
  status: null | string;
}

export interface OrderTotals {
  subtotal: DecimalString;
  discountTotal: DecimalString;
  taxTotal: DecimalString;
  shippingTotal: DecimalString;
  grandTotal: DecimalString;
}

export interface Order {
  /** Clarity's order id; the topic key. */
  orderId: string;
  /** Human-facing order number; the ERP document's external reference. */
  orderNumber: string;
  /** pending | processing | shipped | cancelled (Clarity's vocabulary). */
  status: string;
  orderedAt: number;
  /** ISO 4217 code; every amount in this order is in this currency. */
  currency: string;
  storeId: null | string;
  channel: null | string;
  customer: OrderCustomer;
  billingAddress: PostalAddress;
  shippingAddress: PostalAddress;
  lines: Array<OrderLine>;
  shipping: Shipping;
  payment: null | PaymentInfo;
  couponCode: null | string;
  totals: OrderTotals;
}

/** commerce.order.v1: an order was created, updated, cancelled or fulfilled. Envelope plus the full order snapshot (event-carried state), so any consumer can act on one message. */
export interface OrderEvent {
  /** UUID of this event. */
  eventId: string;
  /** order.created | order.updated | order.cancelled | order.fulfilled */
  eventType: string;
  /** When the source system says it happened. */
  occurredAt: number;
  /** System the event came from, e.g. clarity. */
  source: string;
  correlationId: string;
  causationId: null | string;
  schemaVersion: number;
  order: Order;
}

/** The Avro schema, verbatim. */
export const orderEventSchema = {
  "type": "record",
  "name": "OrderEvent",
  "namespace": "io.tributary.canonical.commerce",
  "doc": "commerce.order.v1: an order was created, updated, cancelled or fulfilled. Envelope plus the full order snapshot (event-carried state), so any consumer can act on one message.",
  "fields": [
    {
      "name": "eventId",
      "type": "string",
      "doc": "UUID of this event."
    },
    {
      "name": "eventType",
      "type": "string",
      "doc": "order.created | order.updated | order.cancelled | order.fulfilled"
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
      "doc": "System the event came from, e.g. clarity."
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
      "name": "order",
      "type": {
        "type": "record",
        "name": "Order",
        "fields": [
          {
            "name": "orderId",
            "type": "string",
            "doc": "Clarity's order id; the topic key."
          },
          {
            "name": "orderNumber",
            "type": "string",
            "doc": "Human-facing order number; the ERP document's external reference."
          },
          {
            "name": "status",
            "type": "string",
            "doc": "pending | processing | shipped | cancelled (Clarity's vocabulary)."
          },
          {
            "name": "orderedAt",
            "type": {
              "type": "long",
              "logicalType": "timestamp-millis"
            }
          },
          {
            "name": "currency",
            "type": "string",
            "doc": "ISO 4217 code; every amount in this order is in this currency."
          },
          {
            "name": "storeId",
            "type": [
              "null",
              "string"
            ],
            "default": null
          },
          {
            "name": "channel",
            "type": [
              "null",
              "string"
            ],
            "default": null
          },
          {
            "name": "customer",
            "type": {
              "type": "record",
              "name": "OrderCustomer",
              "fields": [
                {
                  "name": "customerId",
                  "type": "string"
                },
                {
                  "name": "email",
                  "type": "string"
                },
                {
                  "name": "firstName",
                  "type": "string"
                },
                {
                  "name": "lastName",
                  "type": "string"
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
                }
              ]
            }
          },
          {
            "name": "billingAddress",
            "type": {
              "type": "record",
              "name": "PostalAddress",
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
          },
          {
            "name": "shippingAddress",
            "type": "PostalAddress"
          },
          {
            "name": "lines",
            "type": {
              "type": "array",
              "items": {
                "type": "record",
                "name": "OrderLine",
                "fields": [
                  {
                    "name": "lineId",
                    "type": "string"
                  },
                  {
                    "name": "sku",
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
                    "name": "quantity",
                    "type": "int"
                  },
                  {
                    "name": "unitPrice",
                    "type": {
                      "type": "bytes",
                      "logicalType": "decimal",
                      "precision": 14,
                      "scale": 2
                    }
                  },
                  {
                    "name": "discount",
                    "type": {
                      "type": "bytes",
                      "logicalType": "decimal",
                      "precision": 14,
                      "scale": 2
                    },
                    "doc": "Discount on the whole line, in the order currency."
                  },
                  {
                    "name": "tax",
                    "type": {
                      "type": "bytes",
                      "logicalType": "decimal",
                      "precision": 14,
                      "scale": 2
                    },
                    "doc": "Tax on the whole line."
                  },
                  {
                    "name": "lineTotal",
                    "type": {
                      "type": "bytes",
                      "logicalType": "decimal",
                      "precision": 14,
                      "scale": 2
                    },
                    "doc": "quantity × unitPrice − discount (tax excluded)."
                  }
                ]
              }
            }
          },
          {
            "name": "shipping",
            "type": {
              "type": "record",
              "name": "Shipping",
              "fields": [
                {
                  "name": "method",
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
                  }
                }
              ]
            }
          },
          {
            "name": "payment",
            "type": [
              "null",
              {
                "type": "record",
                "name": "PaymentInfo",
                "fields": [
                  {
                    "name": "method",
                    "type": "string",
                    "doc": "visa | mastercard | amex | paypal | stripe | gift_card | store_credit | ..."
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
                    }
                  },
                  {
                    "name": "status",
                    "type": [
                      "null",
                      "string"
                    ],
                    "default": null
                  }
                ]
              }
            ],
            "default": null
          },
          {
            "name": "couponCode",
            "type": [
              "null",
              "string"
            ],
            "default": null
          },
          {
            "name": "totals",
            "type": {
              "type": "record",
              "name": "OrderTotals",
              "fields": [
                {
                  "name": "subtotal",
                  "type": {
                    "type": "bytes",
                    "logicalType": "decimal",
                    "precision": 14,
                    "scale": 2
                  }
                },
                {
                  "name": "discountTotal",
                  "type": {
                    "type": "bytes",
                    "logicalType": "decimal",
                    "precision": 14,
                    "scale": 2
                  }
                },
                {
                  "name": "taxTotal",
                  "type": {
                    "type": "bytes",
                    "logicalType": "decimal",
                    "precision": 14,
                    "scale": 2
                  }
                },
                {
                  "name": "shippingTotal",
                  "type": {
                    "type": "bytes",
                    "logicalType": "decimal",
                    "precision": 14,
                    "scale": 2
                  }
                },
                {
                  "name": "grandTotal",
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
        ]
      }
    }
  ]
} as const;
