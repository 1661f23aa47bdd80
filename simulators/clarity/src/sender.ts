import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { request, type Dispatcher } from 'undici';
import { NETWORK_ERROR_STATUS, backoffDelayMs, shouldRetry } from './delivery-policy.js';
import { claritySignatureHeader } from './signature.js';
import type { ClarityWebhookPayload } from './payload.js';

export interface ClarityWebhookSenderOptions {
  url: string;
  /** Every active secret; the sender signs with each, one v1 per secret, as during a rotation. */
  secrets: string[];
  /** Including the first. Default 5. */
  maxAttempts?: number;
  /** Base of the exponential back-off. Default 500 ms. */
  backoffMs?: number;
  /** Epoch ms, for the signature timestamp. Default Date.now. */
  clock?: () => number;
  /** Per attempt, for headers and for body. Default 10 s. */
  timeoutMs?: number;
  dispatcher?: Dispatcher;
}

export interface SendOverrides {
  /** Sent as X-Clarity-Signature verbatim, instead of a real signature. */
  signatureOverride?: string;
  /** Sign with this `t` (unix seconds) instead of now, e.g. to be stale. */
  timestampOverride?: number;
  /** Send (and sign) this raw body instead of the envelope's JSON. */
  bodyOverride?: string;
  /** Use this X-Clarity-Delivery-Id on every attempt instead of a fresh one per attempt. */
  deliveryId?: string;
}

export interface SendResult {
  /** The final answer's status; 0 when the last attempt failed on the network. */
  status: number;
  /** Parsed JSON when the answer was JSON, else its text; `{ error }` for a network failure. */
  body: unknown;
  attempts: number;
  /** Wall time over all attempts and back-off. */
  ms: number;
}

interface AttemptOutcome {
  readonly status: number;
  readonly body: unknown;
}

const readBody = async (response: Dispatcher.ResponseData): Promise<unknown> => {
  const text = await response.body.text();
  const type = String(response.headers['content-type'] ?? '');
  if (!type.includes('json')) return text;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
};

/** Posts webhooks the way Clarity does: signed, with its headers, retried with back-off. */
export class ClarityWebhookSender {
  private readonly maxAttempts: number;
  private readonly backoffMs: number;
  private readonly clock: () => number;
  private readonly timeoutMs: number;

  constructor(private readonly options: ClarityWebhookSenderOptions) {
    if (options.secrets.length === 0) throw new RangeError('ClarityWebhookSender needs at least one secret');
    this.maxAttempts = Math.max(1, options.maxAttempts ?? 5);
    this.backoffMs = options.backoffMs ?? 500;
    this.clock = options.clock ?? Date.now;
    this.timeoutMs = options.timeoutMs ?? 10_000;
  }

  /** Delivers one event; every attempt carries the same event id and a fresh delivery id. */
  async send(envelope: ClarityWebhookPayload, overrides: SendOverrides = {}): Promise<SendResult> {
    const started = performance.now();
    const rawBody = overrides.bodyOverride ?? JSON.stringify(envelope);
    let outcome: AttemptOutcome = { status: NETWORK_ERROR_STATUS, body: null };
    let attempts = 0;
    while (attempts < this.maxAttempts) {
      if (attempts > 0) await sleep(backoffDelayMs(attempts, this.backoffMs));
      attempts += 1;
      outcome = await this.attempt(envelope, rawBody, overrides);
      if (!shouldRetry(outcome.status)) break;
    }
    return { ...outcome, attempts, ms: Math.round(performance.now() - started) };
  }

  /** Delivers many events, at most `concurrency` at a time; results come back in input order. */
  async sendMany(envelopes: readonly ClarityWebhookPayload[], options: { concurrency?: number } = {}): Promise<SendResult[]> {
    const results: SendResult[] = new Array(envelopes.length);
    let next = 0;
    const worker = async () => {
      while (next < envelopes.length) {
        const index = next++;
        results[index] = await this.send(envelopes[index]!);
      }
    };
    const workers = Math.max(1, Math.min(options.concurrency ?? 4, envelopes.length));
    await Promise.all(Array.from({ length: workers }, worker));
    return results;
  }

  private async attempt(envelope: ClarityWebhookPayload, rawBody: string, overrides: SendOverrides): Promise<AttemptOutcome> {
    const timestamp = overrides.timestampOverride ?? Math.floor(this.clock() / 1000);
    const signature = overrides.signatureOverride ?? claritySignatureHeader(rawBody, this.options.secrets, timestamp);
    try {
      const response = await request(this.options.url, {
        method: 'POST',
        body: rawBody,
        headers: {
          'content-type': 'application/json',
          'user-agent': 'Clarity-Webhooks/1.0 (Tributary simulator)',
          'x-clarity-signature': signature,
          'x-clarity-event': envelope.type,
          'x-clarity-event-id': envelope.id,
          'x-clarity-delivery-id': overrides.deliveryId ?? randomUUID(),
        },
        headersTimeout: this.timeoutMs,
        bodyTimeout: this.timeoutMs,
        ...(this.options.dispatcher ? { dispatcher: this.options.dispatcher } : {}),
      });
      return { status: response.statusCode, body: await readBody(response) };
    } catch (error) {
      return { status: NETWORK_ERROR_STATUS, body: { error: error instanceof Error ? error.message : String(error) } };
    }
  }
}
