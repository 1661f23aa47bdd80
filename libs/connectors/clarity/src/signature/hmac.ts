import { createHmac } from 'node:crypto';

/** Clarity's `v1` scheme: hex HMAC-SHA256 over `${t}.${rawBody}`, keyed by the endpoint secret. */
export const v1Signature = (secret: string, timestampSeconds: number, rawBody: Buffer | string): string =>
  createHmac('sha256', secret).update(`${timestampSeconds}.`).update(rawBody).digest('hex');
