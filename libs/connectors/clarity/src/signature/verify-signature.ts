import { timingSafeEqual } from 'node:crypto';
import { err, ok, type Result } from '@tributary/core';
import { v1Signature } from './hmac.js';
import { parseSignatureHeader } from './signature-header.js';

export const DEFAULT_SIGNATURE_TOLERANCE_SECONDS = 300;

export interface VerifySignatureInput {
  /** The request body exactly as received: any re-serialisation breaks the HMAC. */
  readonly rawBody: Buffer;
  /** The `X-Clarity-Signature` header value. */
  readonly header: string | undefined;
  /** Every secret currently active; two during a rotation. Empty strings are ignored. */
  readonly secrets: readonly string[];
  readonly nowSeconds: number;
  /** How far `t` may be from now, in either direction. */
  readonly toleranceSeconds?: number;
}

export type SignatureRejectionReason = 'missing' | 'malformed' | 'stale' | 'mismatch';

export interface SignatureRejection {
  readonly reason: SignatureRejectionReason;
  readonly message: string;
}

const HEX_SHA256 = /^[0-9a-fA-F]{64}$/;

/**
 * Verifies a Clarity webhook the way Stripe's libraries do, with two tightenings: the window
 * applies to future timestamps too, and the timestamp is checked first so replays are turned away
 * without spending an HMAC per secret on them.
 */
export const verifyClaritySignature = (
  input: VerifySignatureInput,
): Result<{ timestamp: number }, SignatureRejection> => {
  if (input.header === undefined || input.header.trim() === '') {
    return err({ reason: 'missing', message: 'X-Clarity-Signature header is missing' });
  }
  const parsed = parseSignatureHeader(input.header);
  if (!parsed.ok) return err({ reason: 'malformed', message: `X-Clarity-Signature: ${parsed.error}` });

  const { timestamp, v1 } = parsed.value;
  const tolerance = input.toleranceSeconds ?? DEFAULT_SIGNATURE_TOLERANCE_SECONDS;
  const skew = input.nowSeconds - timestamp;
  if (Math.abs(skew) > tolerance) {
    const direction = skew > 0 ? 'old' : 'in the future';
    return err({ reason: 'stale', message: `signature timestamp is ${Math.abs(skew)} s ${direction} (tolerance ${tolerance} s)` });
  }

  const candidates = v1.filter((value) => HEX_SHA256.test(value)).map((value) => Buffer.from(value, 'hex'));
  const secrets = input.secrets.filter((secret) => secret !== '');
  const matches = secrets.some((secret) => {
    const expected = Buffer.from(v1Signature(secret, timestamp, input.rawBody), 'hex');
    return candidates.some((candidate) => timingSafeEqual(candidate, expected));
  });
  if (!matches) {
    const message = secrets.length === 0 ? 'no webhook secret is configured' : 'no v1 signature matches an active secret';
    return err({ reason: 'mismatch', message });
  }
  return ok({ timestamp });
};
