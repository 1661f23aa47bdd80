import { IntegrationError } from '@tributary/core';
import { Agent } from 'undici';
import { context, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { httpStatusFailure, parseRetryAfter, transportFailure } from './http-failure.js';

export interface GatewayReply {
  body: string;
  /** From `Retry-After`, for throttling carried in a 200 reply. */
  retryAfterMs?: number;
}

const headerValue = (value: string | string[] | undefined): string | undefined =>
  Array.isArray(value) ? value[0] : value;

/**
 * POSTs XML to the gateway over kept-alive connections. Resolves with the body of a 2xx reply;
 * throws a classified IntegrationError for anything else.
 */
export class HttpTransport {
  private readonly agent = new Agent({ keepAliveTimeout: 30_000, connections: 16 });

  constructor(private readonly timeoutMs: number) {}

  /**
   * One span per HTTP request (a child of the active span: the consumer's, for a message), and the
   * W3C `traceparent` of that span on the request, so the gateway's logs can join the trace.
   */
  async post(url: string, xml: string): Promise<GatewayReply> {
    const target = new URL(url);
    const span = trace.getTracer('tributary').startSpan('intacct POST', {
      kind: SpanKind.CLIENT,
      attributes: { 'http.request.method': 'POST', 'server.address': target.hostname, 'url.path': target.pathname, 'tributary.system': 'intacct' },
    }, context.active());
    const spanContext = span.spanContext();
    const traceHeaders: Record<string, string> = trace.isSpanContextValid(spanContext)
      ? { traceparent: `00-${spanContext.traceId}-${spanContext.spanId}-${spanContext.traceFlags.toString(16).padStart(2, '0')}` }
      : {};
    try {
      const reply = await this.send(target, xml, traceHeaders);
      return reply;
    } catch (error) {
      span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.message : String(error) });
      throw error;
    } finally {
      span.end();
    }
  }

  private async send(target: URL, xml: string, traceHeaders: Record<string, string>): Promise<GatewayReply> {
    const abort = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      abort.abort();
    }, this.timeoutMs);
    try {
      const response = await this.agent.request({
        origin: target.origin,
        path: target.pathname + target.search,
        method: 'POST',
        headers: { 'content-type': 'application/xml', accept: 'application/xml, text/xml', ...traceHeaders },
        body: xml,
        signal: abort.signal,
      });
      const body = await response.body.text();
      const retryAfterMs = parseRetryAfter(headerValue(response.headers['retry-after']));
      if (response.statusCode < 200 || response.statusCode >= 300) {
        throw httpStatusFailure(response.statusCode, retryAfterMs, body.slice(0, 8000));
      }
      return retryAfterMs === undefined ? { body } : { body, retryAfterMs };
    } catch (error) {
      if (error instanceof IntegrationError) throw error;
      throw transportFailure(error, timedOut, this.timeoutMs);
    } finally {
      clearTimeout(timer);
    }
  }

  close(): Promise<void> {
    return this.agent.close();
  }
}
