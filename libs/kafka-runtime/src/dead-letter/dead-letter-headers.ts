/**
 * Headers added to a dead-lettered message (compare Kafka Connect's `__connect.errors.*`).
 * The original key, value and headers are kept byte for byte, so a replay is exact.
 */
export const DeadLetterHeader = {
  originalTopic: 'x-dlq-original-topic',
  originalPartition: 'x-dlq-original-partition',
  originalOffset: 'x-dlq-original-offset',
  consumerGroup: 'x-dlq-consumer-group',
  pipeline: 'x-dlq-pipeline',
  stage: 'x-dlq-stage',
  errorCode: 'x-dlq-error-code',
  errorMessage: 'x-dlq-error-message',
  /** JSON of the error's details when it has any (e.g. the suggestions for an unmapped SKU). */
  errorDetails: 'x-dlq-error-details',
  transient: 'x-dlq-transient',
  attempts: 'x-dlq-attempts',
  firstFailureAt: 'x-dlq-first-failure-at',
  lastFailureAt: 'x-dlq-last-failure-at',
  /** `unpark` on a marker record: the key's failure was resolved (replayed or discarded). */
  action: 'x-dlq-action',
} as const;

/** Codes the runtime itself raises when it parks a message behind an earlier failure of its key. */
export const PARKED_CODE = 'DLQ.PARKED_BEHIND_FAILURE';

/** Headers an operator tool sets on a message it re-publishes. */
export const OperatorHeader = {
  /** `missing`: reconciliation found no ERP record; verify it even if the ledger says done. */
  requeue: 'x-tributary-requeue',
  /**
   * On a message replayed from a DLQ: `first` for the first message of a key's replay (it lifts the
   * key's parking), `follow` for the ones parked behind it (parked again if the first fails again).
   */
  replay: 'x-tributary-replay',
  /**
   * On a message re-published by `tributary replay --group <group>`: only that consumer group's
   * runner handles it; every other group's runner commits past it untouched.
   */
  replayFor: 'x-tributary-replay-for',
} as const;
