import { randomBytes } from 'node:crypto';

const TRACEPARENT = /^00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/;

/** W3C trace context: continue the caller's trace when it sent one, else start a new one. */
export const childTraceparent = (incoming: string | undefined): { traceparent: string; traceId: string } => {
  const match = incoming ? TRACEPARENT.exec(incoming.trim()) : null;
  const traceId = match?.[1] ?? randomBytes(16).toString('hex');
  return { traceparent: `00-${traceId}-${randomBytes(8).toString('hex')}-01`, traceId };
};
