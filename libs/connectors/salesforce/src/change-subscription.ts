import type { Connection } from 'jsforce';
import { StreamingExtension } from 'jsforce/lib/api/streaming.js';
import { IntegrationError } from '@tributary/core';
import { toChangeEvent, type SalesforceChangeEvent } from './change-events.js';
import { SalesforceErrorCode } from './salesforce-error-codes.js';

/** The part of faye's Client (untyped in jsforce) that we use. */
interface FayeClient {
  subscribe(channel: string, listener: (data: unknown) => void): { then(ok: () => void, fail: (error: unknown) => void): unknown };
  disconnect(): unknown;
  addExtension(extension: unknown): void;
}

interface FayeMessage {
  channel?: string;
  successful?: boolean;
  error?: string;
  subscription?: string;
  advice?: { reconnect?: string };
  ext?: { sfdc?: { failureReason?: string } };
}

export interface SubscribeOptions {
  /** A failure after the subscription started: replay id expired on a re-subscribe, auth lost for good, onEvent threw. */
  onError?: (error: IntegrationError) => void;
  /**
   * Where to resume a channel after an auth failure (the caller's checkpoint). Default: the last
   * replay id whose onEvent resolved, else where the subscription started.
   */
  resumeFrom?: (channel: string) => number | undefined;
  /** How long a (re-)subscription may take before it fails as SALESFORCE.STREAMING; default 30 s. */
  subscribeTimeoutMs?: number;
}

export interface ChangeSubscription {
  /** The last replay id per channel whose onEvent resolved. */
  lastReplayIds(): Record<string, number>;
  /** Re-subscriptions after auth failures so far. */
  resubscriptions(): number;
  close(): Promise<void>;
}

/** A CometD error string (`400::The replayId {1} …`) classified. */
export const classifyStreamingError = (error: string | undefined, channel: string): IntegrationError => {
  const text = error ?? 'unknown streaming error';
  if (/replayId/i.test(text)) return IntegrationError.permanent(SalesforceErrorCode.replayIdInvalid, text, { channel });
  if (/channel/i.test(text) && /not exist|unknown|denied|invalid/i.test(text)) return IntegrationError.permanent(SalesforceErrorCode.channelUnknown, text, { channel });
  if (/^40[13]::/.test(text) || /Authentication/i.test(text)) return IntegrationError.transient(SalesforceErrorCode.authFailed, text, { channel });
  return IntegrationError.transient(SalesforceErrorCode.streaming, text, { channel });
};

const faultText = (error: unknown) => {
  const e = error as { code?: unknown; params?: unknown[]; message?: unknown } | undefined;
  return e && typeof e.code === 'number' ? `${e.code}:${(e.params ?? []).join(',')}:${String(e.message)}` : String(e?.message ?? error);
};

/**
 * Change events of several channels, one faye client per channel (jsforce's Replay extension
 * keys a single channel; several on one client overwrite each other, jsforce#1700). Events of a
 * channel reach `onEvent` one at a time, in delivery order. On an auth failure (the AuthFailure
 * extension) it authorises again and re-subscribes from the checkpoint.
 */
export class ChangeStream implements ChangeSubscription {
  private clients = new Map<string, FayeClient>();
  private readonly acknowledged: Record<string, number> = {};
  private chain: Promise<void> = Promise.resolve();
  private closed = false;
  private recovering: Promise<void> | undefined;
  private resubscribed = 0;

  constructor(
    private readonly channels: readonly string[],
    private readonly start: Readonly<Record<string, number>>,
    private readonly onEvent: (event: SalesforceChangeEvent) => Promise<void> | void,
    private readonly connection: (fresh: boolean) => Promise<Connection>,
    private readonly options: SubscribeOptions,
    private readonly subscribeTimeoutMs = options.subscribeTimeoutMs ?? 30_000,
  ) {}

  /** Subscribes every channel; rejects when a subscription is refused (expired replay id, unknown channel). */
  async open(): Promise<void> {
    const conn = await this.connection(false);
    await Promise.all(this.channels.map((channel) => this.subscribe(conn, channel, this.start[channel] ?? -1)));
  }

  private subscribe(conn: Connection, channel: string, replayId: number): Promise<void> {
    const watch = {
      // faye re-handshakes by itself after 403::Unknown client and re-subscribes without telling
      // anyone if that fails (jsforce#1709); this makes such a refusal visible.
      incoming: (message: FayeMessage, callback: (m: FayeMessage) => void) => {
        if (message.channel === '/meta/subscribe' && message.successful === false && this.clients.get(channel) === client) {
          this.report(classifyStreamingError(message.error, channel));
        }
        callback(message);
      },
    };
    const client = conn.streaming.createClient([
      new StreamingExtension.Replay(channel, replayId),
      new StreamingExtension.AuthFailure((message: FayeMessage) => this.authFailed(channel, message)),
      watch,
    ]) as unknown as FayeClient;
    this.clients.set(channel, client);
    return new Promise<void>((resolve, reject) => {
      const fail = (error: IntegrationError) => {
        clearTimeout(timer);
        this.clients.delete(channel);
        try {
          client.disconnect();
        } catch {
          // never connected
        }
        reject(error);
      };
      // A handshake refused with reconnect:none (AuthFailure) leaves faye's subscribe pending forever.
      const timer = setTimeout(() => fail(IntegrationError.transient(SalesforceErrorCode.streaming, `no subscription to ${channel} within ${this.subscribeTimeoutMs} ms`, { channel })), this.subscribeTimeoutMs);
      client.subscribe(channel, (data) => this.receive(channel, data)).then(
        () => {
          clearTimeout(timer);
          resolve();
        },
        (error) => fail(classifyStreamingError(faultText(error), channel)),
      );
    });
  }

  private receive(channel: string, data: unknown): void {
    const event = toChangeEvent(channel, data);
    if (!event || this.closed) return;
    this.chain = this.chain.then(async () => {
      if (this.closed) return;
      try {
        await this.onEvent(event);
        this.acknowledged[channel] = event.replayId;
      } catch (error) {
        this.report(error instanceof IntegrationError ? error : IntegrationError.transient(SalesforceErrorCode.streaming, `onEvent failed: ${String(error)}`, { channel, replayId: event.replayId }, error));
        await this.close();
      }
    });
  }

  private report(error: IntegrationError): void {
    this.options.onError?.(error);
  }

  private authFailed(channel: string, message: FayeMessage): void {
    if (this.closed || this.recovering) return;
    const reason = message.ext?.sfdc?.failureReason ?? message.error ?? 'authentication invalid';
    this.recovering = (async () => {
      try {
        await this.chain;
        const old = [...this.clients.values()];
        this.clients = new Map();
        for (const client of old) void Promise.resolve(client.disconnect()).catch(() => undefined);
        const conn = await this.connection(true);
        this.resubscribed += 1;
        await Promise.all(this.channels.map((ch) => this.subscribe(conn, ch, this.resumePoint(ch))));
      } catch (error) {
        this.report(error instanceof IntegrationError ? error : IntegrationError.transient(SalesforceErrorCode.authFailed, `re-subscribing after ${reason} failed: ${String(error)}`, { channel }, error));
      } finally {
        this.recovering = undefined;
      }
    })();
  }

  private resumePoint(channel: string): number {
    return this.options.resumeFrom?.(channel) ?? this.acknowledged[channel] ?? this.start[channel] ?? -1;
  }

  lastReplayIds(): Record<string, number> {
    return { ...this.acknowledged };
  }

  resubscriptions(): number {
    return this.resubscribed;
  }

  async close(): Promise<void> {
    this.closed = true;
    const clients = [...this.clients.values()];
    this.clients.clear();
    for (const client of clients) {
      try {
        client.disconnect();
      } catch {
        // already gone
      }
    }
  }
}
