import { IntegrationError } from '@tributary/core';
import { Agent } from 'undici';
import { ClarityApiErrorCode } from './clarity-api-error-codes.js';
import { transportFailure } from './api-failure.js';

export interface ExchangeRequest {
  readonly operation: string;
  readonly method: string;
  readonly url: string;
  readonly headers: Record<string, string>;
  readonly body?: string;
}

export interface ExchangeReply {
  readonly status: number;
  /** Parsed JSON; undefined for an empty body. */
  readonly body: unknown;
  readonly header: (name: string) => string | undefined;
}

/**
 * One HTTP exchange over kept-alive connections, with a deadline over headers and body. Resolves
 * with any status; throws a classified IntegrationError only when no readable answer came.
 */
export class HttpExchange {
  private readonly agent = new Agent({ keepAliveTimeout: 30_000, connections: 16 });

  constructor(private readonly timeoutMs: number) {}

  async send(request: ExchangeRequest): Promise<ExchangeReply> {
    const target = new URL(request.url);
    const abort = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      abort.abort();
    }, this.timeoutMs);
    let status: number;
    let text: string;
    let headers: Record<string, string | string[] | undefined>;
    try {
      const response = await this.agent.request({
        origin: target.origin,
        path: target.pathname + target.search,
        method: request.method as 'GET',
        headers: request.headers,
        ...(request.body === undefined ? {} : { body: request.body }),
        signal: abort.signal,
      });
      status = response.statusCode;
      headers = response.headers;
      text = await response.body.text();
    } catch (error) {
      throw transportFailure(request.operation, error, timedOut, this.timeoutMs);
    } finally {
      clearTimeout(timer);
    }
    const header = (name: string) => {
      const value = headers[name.toLowerCase()];
      return Array.isArray(value) ? value[0] : value;
    };
    if (text.trim() === '') return { status, body: undefined, header };
    try {
      return { status, body: JSON.parse(text) as unknown, header };
    } catch {
      // A proxy's HTML error page, say. A 2xx that is not JSON breaks the contract.
      if (status >= 200 && status < 300) {
        throw IntegrationError.transient(ClarityApiErrorCode.unreadable, `Clarity ${request.operation} answered HTTP ${status} with a body that is not JSON`, {
          operation: request.operation,
          httpStatus: status,
        });
      }
      return { status, body: undefined, header };
    }
  }

  close(): Promise<void> {
    return this.agent.close();
  }
}
