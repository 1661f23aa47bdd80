import { withTimeout as withTimeoutOr } from '@tributary/core';

/** Polls until `probe` returns a truthy value (returned) or the time is up (throws, saying what was awaited). */
export const waitFor = async <T>(probe: () => T | Promise<T>, options: { timeoutMs?: number; intervalMs?: number; what?: string } = {}): Promise<NonNullable<T>> => {
  const { timeoutMs = 30_000, intervalMs = 100, what = 'condition' } = options;
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value) return value as NonNullable<T>;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${lastError ? `: ${String(lastError)}` : ''}`);
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
};

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** `work`, or a rejection naming what did not finish within `timeoutMs`. */
export const withTimeout = <T>(work: Promise<T>, timeoutMs: number, what: string): Promise<T> =>
  withTimeoutOr(work, timeoutMs, () => new Error(`timed out after ${timeoutMs} ms waiting for ${what}`));
