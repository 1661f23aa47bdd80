import { IntegrationError } from '@tributary/core';
import { Agent } from 'undici';
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

  async post(url: string, xml: string): Promise<GatewayReply> {
    const target = new URL(url);
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
        headers: { 'content-type': 'application/xml', accept: 'application/xml, text/xml' },
        body: xml,
        signal: abort.signal,
      });
      const body = await response.body.text();
      const retryAfterMs = parseRetryAfter(headerValue(response.headers['retry-after']));
      if (response.statusCode < 200 || response.statusCode >= 300) {
        throw httpStatusFailure(response.statusCode, retryAfterMs, body.slice(0, 500));
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
