// Generated from schemas/integration/outcome.v1.avsc by tools/generate-canonical-types.mjs. Do not edit.
/** integration.outcome.v1: what one service did with one message (the audit trail behind `tributary trace`). Keyed by the message key (e.g. the Clarity order id), so one order's outcomes are in order on one partition. Written best-effort after the outcome is decided: a lost record never blocks or undoes an effect. */
export interface IntegrationOutcome {
  /** The canonical event id (or the webhook id for `received`); the source coordinates when the message has none. */
  eventId: string;
  /** The service (and consumer group) that recorded it, e.g. intacct-sink, clarity-ingress. */
  service: string;
  /** The pipeline or intake, e.g. intacct-sales-order, webhook. */
  pipeline: string;
  /** The topic the message was read from (or, for `received`, written to). */
  topic: string;
  partition: number;
  /** Kafka offset as a decimal string; empty for `received`. */
  offset: string;
  /** The message key, e.g. the Clarity order id. */
  key: string;
  /** received | done | duplicate | skipped | dead_lettered | parked */
  outcome: string;
  /** The external document id (ERP/CRM) for done and duplicate. */
  ref: null | string;
  /** Why skipped, or the error code and message when dead-lettered or parked. */
  reason: null | string;
  /** The webhook id the chain started from. */
  correlationId: string;
  /** W3C trace id from the message's traceparent. */
  traceId: null | string;
  /** A human handle for the entity, e.g. the order number, when known. */
  subject: null | string;
  at: number;
}

/** The Avro schema, verbatim. */
export const integrationOutcomeSchema = {
  "type": "record",
  "name": "IntegrationOutcome",
  "namespace": "io.tributary.canonical.integration",
  "doc": "integration.outcome.v1: what one service did with one message (the audit trail behind `tributary trace`). Keyed by the message key (e.g. the Clarity order id), so one order's outcomes are in order on one partition. Written best-effort after the outcome is decided: a lost record never blocks or undoes an effect.",
  "fields": [
    {
      "name": "eventId",
      "type": "string",
      "doc": "The canonical event id (or the webhook id for `received`); the source coordinates when the message has none."
    },
    {
      "name": "service",
      "type": "string",
      "doc": "The service (and consumer group) that recorded it, e.g. intacct-sink, clarity-ingress."
    },
    {
      "name": "pipeline",
      "type": "string",
      "doc": "The pipeline or intake, e.g. intacct-sales-order, webhook."
    },
    {
      "name": "topic",
      "type": "string",
      "doc": "The topic the message was read from (or, for `received`, written to)."
    },
    {
      "name": "partition",
      "type": "int"
    },
    {
      "name": "offset",
      "type": "string",
      "doc": "Kafka offset as a decimal string; empty for `received`."
    },
    {
      "name": "key",
      "type": "string",
      "doc": "The message key, e.g. the Clarity order id."
    },
    {
      "name": "outcome",
      "type": "string",
      "doc": "received | done | duplicate | skipped | dead_lettered | parked"
    },
    {
      "name": "ref",
      "type": [
        "null",
        "string"
      ],
      "default": null,
      "doc": "The external document id (ERP/CRM) for done and duplicate."
    },
    {
      "name": "reason",
      "type": [
        "null",
        "string"
      ],
      "default": null,
      "doc": "Why skipped, or the error code and message when dead-lettered or parked."
    },
    {
      "name": "correlationId",
      "type": "string",
      "doc": "The webhook id the chain started from."
    },
    {
      "name": "traceId",
      "type": [
        "null",
        "string"
      ],
      "default": null,
      "doc": "W3C trace id from the message's traceparent."
    },
    {
      "name": "subject",
      "type": [
        "null",
        "string"
      ],
      "default": null,
      "doc": "A human handle for the entity, e.g. the order number, when known."
    },
    {
      "name": "at",
      "type": {
        "type": "long",
        "logicalType": "timestamp-millis"
      }
    }
  ]
} as const;
