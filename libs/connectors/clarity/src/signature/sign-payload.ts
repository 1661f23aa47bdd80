import { v1Signature } from './hmac.js';

/** The `X-Clarity-Signature` value for a body: one `v1` per secret, as Clarity sends during a rotation. */
export const signClarityPayload = (
  rawBody: Buffer | string,
  secrets: string | readonly string[],
  timestampSeconds: number,
): string => {
  if (!Number.isSafeInteger(timestampSeconds) || timestampSeconds < 0) {
    throw new RangeError(`timestampSeconds must be whole unix seconds, got ${timestampSeconds}`);
  }
  const all = typeof secrets === 'string' ? [secrets] : secrets;
  if (all.length === 0) throw new RangeError('at least one secret is needed to sign');
  const v1 = all.map((secret) => `v1=${v1Signature(secret, timestampSeconds, rawBody)}`);
  return [`t=${timestampSeconds}`, ...v1].join(',');
};
