/**
 * Kafka headers the ingress puts on each `clarity.webhook.v1` record: what it made of the
 * webhook, for its own rebuild at start and for `tributary clarity remap`. With the entity
 * position headers (entity-position.ts).
 */
export const AuditHeader = {
  /** accepted | out_of_order | echo */
  outcome: 'outcome',
  /** A thin webhook's entity as Clarity's API returned it (JSON): the state that was mapped. */
  entity: 'clarity-entity',
} as const;
