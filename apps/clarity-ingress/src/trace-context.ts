import { SpanKind, startSpan } from '@tributary/observability';

/**
 * W3C trace context: continue the caller's trace when it sent one, else start a new one. The
 * ingress's span (`clarity webhook <type>`) is the parent of every consumer's span: its
 * traceparent goes on the Kafka headers of what the webhook produces.
 */
export const childTraceparent = (incoming: string | undefined, name = 'clarity webhook'): { traceparent: string; traceId: string } => {
  const { span, traceparent, traceId } = startSpan(name, { kind: SpanKind.PRODUCER, traceparent: incoming ?? '' });
  span.end();
  return { traceparent, traceId };
};
