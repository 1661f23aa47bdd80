import { retryWhile } from './retry-while.js';

/**
 * Retries a Kafka admin call while the broker says "try again" (a leader moved, metadata was
 * stale, a coordinator is loading): common for a few seconds after a broker starts or a topic
 * is created. Anything not marked retriable by kafkajs fails at once.
 */
export const retryKafka = <T>(call: () => Promise<T>, { timeoutMs = 30_000 } = {}): Promise<T> =>
  retryWhile(call, {
    retriable: (error) => (error as { retriable?: boolean }).retriable === true,
    timeoutMs,
    delayMs: (attempt) => Math.min(1000, 100 * attempt),
  });
