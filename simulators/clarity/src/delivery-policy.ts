/** Network failures are reported as status 0. */
export const NETWORK_ERROR_STATUS = 0;

/**
 * Whether Clarity tries again after this answer. 4xx is the receiver saying "never", except
 * 408 and 429, which say "not now" — dropping those would lose orders whenever the ingress sheds load.
 */
export const shouldRetry = (status: number): boolean => {
  if (status >= 200 && status < 300) return false;
  if (status === 408 || status === 429) return true;
  return status < 400 || status >= 500;
};

/** Exponential back-off: base, 2 × base, 4 × base, …, capped. */
export const backoffDelayMs = (attempt: number, baseMs: number, capMs = 30_000): number =>
  Math.min(capMs, baseMs * 2 ** (attempt - 1));
