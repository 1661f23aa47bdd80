/** `work`, or a rejection with `timedOut()` when it has not settled within `timeoutMs` (the work itself is not cancelled). */
export const withTimeout = async <T>(work: Promise<T>, timeoutMs: number, timedOut: () => Error): Promise<T> => {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(timedOut()), timeoutMs);
  });
  try {
    return await Promise.race([work, expired]);
  } finally {
    clearTimeout(timer);
  }
};
