/**
 * Exponential backoff with full jitter (delay drawn uniformly from 0..min(cap, base·2^attempt)),
 * the AWS-recommended shape: retries from many partitions never synchronise.
 */
export interface RetryPolicy {
  /** In-process attempts before the circuit opens (the first try counts). */
  readonly maxAttempts: number;
  readonly initialDelayMs: number;
  readonly maxDelayMs: number;
  /** While the circuit is open, how often the failed message is tried again. */
  readonly probeIntervalMs: number;
}

export const defaultRetryPolicy: RetryPolicy = { maxAttempts: 6, initialDelayMs: 200, maxDelayMs: 10_000, probeIntervalMs: 5_000 };

export const fullJitterDelay = (policy: RetryPolicy, attempt: number, random: () => number = Math.random): number => {
  const ceiling = Math.min(policy.maxDelayMs, policy.initialDelayMs * 2 ** Math.max(0, attempt - 1));
  return Math.floor(random() * ceiling);
};
