import { IntegrationError } from '@tributary/core';
import { Agent } from 'undici';
import { httpStatusFailure, parseRetryAfter, transportFailure } from '../response/classify-failure.js';
import type { Sage100Request } from '../request/sage100-requests.js';

export interface FacadeReply {
  status: number;
  /** Parsed JSON; undefined for an empty body. */
  json: unknown;
}

const headerValue = (value: string | string[] | undefined): string | undefined => (Array.isArray(value) ? value[0] : value);

/**
 * Sends one facade request over kept-alive connections with the key and company headers.
 * Resolves with a 2xx reply, or a 404 when `allowNotFound`; throws a classified IntegrationError
 * for anything else. The API key goes only into the header: never into errors or events.
 */
export class HttpTransport {
  private readonly agent = new Agent({ keepAliveTimeout: 30_000, connections: 16 });
  private readonly origin: string;
  private readonly basePath: string;
  /** An ES private field: not serialised by JSON.stringify nor shown by util.inspect, so a logged client shows no key. */
  readonly #apiKey: string;

  constructor(
    apiUrl: string,
    apiKey: string,
    private readonly companyCode: string,
    private readonly timeoutMs: number,
  ) {
    this.#apiKey = apiKey;
    const url = new URL(apiUrl);
    this.origin = url.origin;
    this.basePath = url.pathname.replace(/\/+$/, '');
  }

  async send(request: Sage100Request, opts: { allowNotFound?: boolean } = {}): Promise<FacadeReply> {
    const write = request.method !== 'GET';
    const abort = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      abort.abort();
    }, this.timeoutMs);
    try {
      const response = await this.agent.request({
        origin: this.origin,
        path: `${this.basePath}${request.path}`,
        method: request.method,
        headers: {
          accept: 'application/json',
          'x-api-key': this.#apiKey,
          'x-company-code': this.companyCode,
          ...(request.body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(request.body === undefined ? {} : { body: JSON.stringify(request.body) }),
        signal: abort.signal,
      });
      const body = await response.body.text();
      const status = response.statusCode;
      if ((status >= 200 && status < 300) || (status === 404 && opts.allowNotFound)) {
        return { status, json: body.trim() === '' ? undefined : JSON.parse(body) };
      }
      throw httpStatusFailure(request.operation, status, body, parseRetryAfter(headerValue(response.headers['retry-after'])), write);
    } catch (error) {
      if (error instanceof IntegrationError) throw error;
      if (error instanceof SyntaxError) {
        throw IntegrationError.transient('SAGE100.UNAVAILABLE', `Sage 100 agent sent a reply that is not JSON (${request.operation})`, { operation: request.operation, outcomeUnknown: write }, error);
      }
      throw transportFailure(request.operation, error, timedOut, this.timeoutMs, write);
    } finally {
      clearTimeout(timer);
    }
  }

  close(): Promise<void> {
    return this.agent.close();
  }
}
