/**
 * Retries a Kafka admin call while the broker says "try again" (a leader moved, metadata was
 * stale, a coordinator is loading): common for a few seconds after a broker starts or a topic
 * is created. Anything not marked retriable by kafkajs fails at once.
 */
export const retryKafka = async <T>(call: () => Promise<T>, { timeoutMs = 30_000 } = {}): Promise<T> => {
  const deadline = Date.now() + timeoutMs;
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      const retriable = (error as { retriable?: boolean }).retriable === true;
      if (!retriable || Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.min(1000, 100 * attempt)));
    }
  }
};
