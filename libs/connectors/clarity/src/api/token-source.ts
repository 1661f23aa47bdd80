import { IntegrationError } from '@tributary/core';
import { describeValidationIssues } from '../webhook/validation-issues.js';
import { httpFailure, clarityErrorOf } from './api-failure.js';
import { ClarityApiErrorCode } from './clarity-api-error-codes.js';
import type { HttpExchange } from './http-exchange.js';
import { clarityTokenReplySchema } from './reply.schema.js';

export interface TokenSourceOptions {
  readonly tokenUrl: string;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly scope?: string | undefined;
  readonly now: () => number;
  readonly report: (operation: string, status: string, durationMs: number) => void;
}

interface CachedToken {
  readonly token: string;
  /** Epoch ms after which it is not handed out any more. */
  readonly useUntil: number;
}

/**
 * Renew this long before the token expires: 10 % of its life, at least 30 s, but never more than
 * half of it (a 40 s token would otherwise never be used).
 */
export const renewalMarginMs = (expiresInSeconds: number): number =>
  Math.min(Math.max(30_000, expiresInSeconds * 100), (expiresInSeconds * 1000) / 2);

/** x-www-form-urlencoded as RFC 6749 §2.3.1 asks for Basic credentials. */
const formEncode = (value: string) => encodeURIComponent(value).replace(/%20/g, '+');

/**
 * OAuth 2.0 client credentials (RFC 6749 §4.4): one token, shared by every call until shortly
 * before it expires. Concurrent callers share one token request; a failed request is not cached.
 * The token and the secret never appear in an error, a detail or a log line.
 */
export class TokenSource {
  private cached: CachedToken | undefined;
  private pending: Promise<string> | undefined;

  constructor(
    private readonly http: HttpExchange,
    private readonly options: TokenSourceOptions,
  ) {}

  /** A token valid for a while yet, fetching one when there is none. */
  get(): Promise<string> {
    const cached = this.cached;
    if (cached && this.options.now() < cached.useUntil) return Promise.resolve(cached.token);
    this.pending ??= this.fetch().finally(() => {
      this.pending = undefined;
    });
    return this.pending;
  }

  /** Drop `token` after Clarity refused it, unless another caller already replaced it. */
  invalidate(token: string): void {
    if (this.cached?.token === token) this.cached = undefined;
  }

  private async fetch(): Promise<string> {
    const { clientId, clientSecret, scope } = this.options;
    const started = performance.now();
    const basic = Buffer.from(`${formEncode(clientId)}:${formEncode(clientSecret)}`).toString('base64');
    const form = new URLSearchParams({ grant_type: 'client_credentials', ...(scope ? { scope } : {}) });
    let status = 'error';
    try {
      const reply = await this.http.send({
        operation: 'token',
        method: 'POST',
        url: this.options.tokenUrl,
        headers: { authorization: `Basic ${basic}`, 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
        body: form.toString(),
      });
      status = String(reply.status);
      if (reply.status === 400 || reply.status === 401) {
        // invalid_client, unauthorized_client, invalid_scope…: our credentials, not the request.
        const { error } = clarityErrorOf(reply.body, [clientSecret]);
        throw IntegrationError.transient(ClarityApiErrorCode.auth, `Clarity refused the client credentials (HTTP ${reply.status}${error ? ` ${error}` : ''})`, {
          operation: 'token',
          httpStatus: reply.status,
          ...(error ? { clarityError: error } : {}),
        });
      }
      if (reply.status < 200 || reply.status >= 300) {
        throw httpFailure({ operation: 'token', status: reply.status, body: reply.body, retryAfter: reply.header('retry-after'), write: false, secrets: [clientSecret] });
      }
      const parsed = clarityTokenReplySchema.safeParse(reply.body);
      if (!parsed.success) {
        // The issues name paths and expectations, never values: the token stays out of them.
        throw IntegrationError.transient(ClarityApiErrorCode.unreadable, 'Clarity answered the token request with something other than a bearer token', {
          operation: 'token',
          issues: describeValidationIssues(parsed.error),
        });
      }
      const { access_token: token, expires_in: expiresIn } = parsed.data;
      this.cached = { token, useUntil: this.options.now() + expiresIn * 1000 - renewalMarginMs(expiresIn) };
      return token;
    } finally {
      this.options.report('token', status, performance.now() - started);
    }
  }
}
