export interface RetryWhileOptions {
  /** Whether a failure is worth another attempt; anything else is thrown at once. */
  retriable: (error: unknown) => boolean;
  /** Give up after this many attempts… */
  maxAttempts?: number;
  /** …or once this long has passed since the first. */
  timeoutMs?: number;
  /** The pause before attempt `attempt + 1`. */
  delayMs: (attempt: number) => number;
}

/** Calls `call` until it succeeds, a failure is not retriable, or the attempts or time run out (the last failure is thrown). */
export const retryWhile = async <T>(call: () => Promise<T>, options: RetryWhileOptions): Promise<T> => {
  const deadline = Date.now() + (options.timeoutMs ?? Number.POSITIVE_INFINITY);
  const maxAttempts = options.maxAttempts ?? Number.POSITIVE_INFINITY;
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      if (!options.retriable(error) || attempt >= maxAttempts || Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, options.delayMs(attempt)));
    }
  }
};
