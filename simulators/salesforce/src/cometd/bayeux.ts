import { randomBytes } from 'node:crypto';
import { ALL_CHANGES_CHANNEL, type ChangeBus, type StoredEvent, channelOf } from '../cdc/change-bus.js';
import type { TokenStore } from '../oauth/token-store.js';

type Message = Record<string, unknown> & { channel?: unknown; id?: unknown; clientId?: unknown };

interface HeldConnect {
  reply: Message;
  resolve: (replies: Message[]) => void;
  timer: NodeJS.Timeout;
  leading: Message[];
}

class ClientSession {
  readonly subscriptions = new Set<string>();
  queue: Message[] = [];
  held: HeldConnect | undefined;
  lastSeen = Date.now();
  constructor(readonly clientId: string) {}
}

export interface DeliveryFaults {
  /** The next N events are delivered twice. */
  duplicateEvents: number;
  /** The next N deliveries of two or more events come in reverse order. */
  reorderEvents: number;
}

const REPLAY_ERROR = (id: unknown) =>
  `400::The replayId {${String(id)}} you provided was invalid.  Please provide a valid ID, -2 to replay all events, or -1 to replay only new events.`;

/**
 * The Bayeux (CometD 1.0) long-polling server at `/cometd/<version>`: handshake, connect,
 * subscribe with the replay extension, unsubscribe, disconnect. Every reply echoes its request's
 * `id`; a `/meta/connect` is held until events arrive or `holdMs` passes.
 */
export class BayeuxServer {
  private readonly sessions = new Map<string, ClientSession>();
  readonly faults: DeliveryFaults = { duplicateEvents: 0, reorderEvents: 0 };
  private readonly unsubscribe: () => void;

  constructor(
    private readonly bus: ChangeBus,
    private readonly tokens: TokenStore,
    private readonly holdMs: number,
  ) {
    this.unsubscribe = bus.onEvent((event) => this.deliver(event));
  }

  async handle(messages: Message[], token: string | undefined): Promise<Message[]> {
    this.pruneIdle();
    const session = this.tokens.verify(token);
    const replies: Message[] = [];
    let connect: Message | undefined;
    for (const message of messages) {
      if (message.channel === '/meta/connect' && !connect) connect = message;
      else replies.push(...this.handleOne(message, session !== undefined));
    }
    if (!connect) return replies;
    return this.connect(connect, session !== undefined, replies);
  }

  private base(message: Message): Message {
    return { channel: message.channel, ...(message.id === undefined ? {} : { id: message.id }), ...(message.clientId === undefined ? {} : { clientId: message.clientId }) };
  }

  private unknownClient(message: Message): Message {
    return { ...this.base(message), successful: false, error: '403::Unknown client', advice: { reconnect: 'handshake', interval: 0 } };
  }

  private handleOne(message: Message, authenticated: boolean): Message[] {
    const channel = String(message.channel ?? '');
    if (channel === '/meta/handshake') {
      if (!authenticated) {
        return [{
          ...this.base(message), successful: false, error: '403::Handshake denied', advice: { reconnect: 'none' },
          ext: { sfdc: { failureReason: '401::Authentication invalid' }, replay: true, 'payload.format': true },
        }];
      }
      const clientId = randomBytes(14).toString('base64url').toLowerCase();
      this.sessions.set(clientId, new ClientSession(clientId));
      return [{
        ...this.base(message), version: '1.0', minimumVersion: '1.0', successful: true, clientId,
        supportedConnectionTypes: ['long-polling'], advice: { interval: 0, timeout: this.holdMs, reconnect: 'retry' },
        ext: { replay: true, 'payload.format': true },
      }];
    }
    if (!authenticated) return [{ ...this.base(message), successful: false, error: '401::Authentication invalid', advice: { reconnect: 'none', interval: 0 } }];
    const client = this.sessions.get(String(message.clientId ?? ''));
    if (!client) return [this.unknownClient(message)];
    client.lastSeen = Date.now();
    switch (channel) {
      case '/meta/subscribe':
        return [this.subscribe(client, message)];
      case '/meta/unsubscribe':
        client.subscriptions.delete(String(message.subscription));
        return [{ ...this.base(message), subscription: message.subscription, successful: true }];
      case '/meta/disconnect':
        this.drop(client);
        return [{ ...this.base(message), successful: true }];
      default:
        return [{ ...this.base(message), successful: false, error: `403::Publishing to ${channel} is not allowed` }];
    }
  }

  private subscribe(client: ClientSession, message: Message): Message {
    const subscription = String(message.subscription ?? '');
    const reply = { ...this.base(message), subscription };
    if (!this.bus.channelExists(subscription)) {
      return { ...reply, successful: false, error: `400::The channel you requested to subscribe to does not exist {${subscription}}` };
    }
    const replayMap = ((message.ext as Record<string, unknown> | undefined)?.['replay'] ?? {}) as Record<string, unknown>;
    const requested = replayMap[subscription] ?? -1;
    const replayId = typeof requested === 'number' ? requested : Number(requested);
    if (!this.bus.isValidReplayId(replayId)) return { ...reply, successful: false, error: REPLAY_ERROR(requested) };
    client.subscriptions.add(subscription);
    if (replayId !== -1) {
      for (const event of this.bus.after(subscription, replayId)) client.queue.push(this.messageFor(event, subscription));
    }
    return { ...reply, successful: true };
  }

  private connect(message: Message, authenticated: boolean, leading: Message[]): Promise<Message[]> | Message[] {
    if (!authenticated) return [...leading, { ...this.base(message), successful: false, error: '401::Authentication invalid', advice: { reconnect: 'none', interval: 0 } }];
    const client = this.sessions.get(String(message.clientId ?? ''));
    if (!client) return [...leading, this.unknownClient(message)];
    client.lastSeen = Date.now();
    this.release(client);
    const reply: Message = { ...this.base(message), successful: true, advice: { interval: 0, timeout: this.holdMs, reconnect: 'retry' } };
    const clientAdvice = message.advice as { timeout?: unknown } | undefined;
    if (client.queue.length > 0 || clientAdvice?.timeout === 0) return [...leading, ...this.take(client), reply];
    return new Promise((resolve) => {
      const timer = setTimeout(() => this.release(client), this.holdMs);
      client.held = { reply, resolve, timer, leading };
    });
  }

  /** Answers a held connect now, with whatever is queued. */
  private release(client: ClientSession): void {
    const held = client.held;
    if (!held) return;
    client.held = undefined;
    clearTimeout(held.timer);
    client.lastSeen = Date.now();
    held.resolve([...held.leading, ...this.take(client), held.reply]);
  }

  private take(client: ClientSession): Message[] {
    const events = client.queue;
    client.queue = [];
    if (this.faults.reorderEvents > 0 && events.length > 1) {
      this.faults.reorderEvents -= 1;
      events.reverse();
    }
    return events;
  }

  private messageFor(event: StoredEvent, subscription: string): Message {
    return { ...structuredClone(event.message), channel: subscription } as unknown as Message;
  }

  private deliver(event: StoredEvent): void {
    let duplicate = false;
    for (const client of this.sessions.values()) {
      for (const subscription of client.subscriptions) {
        if (subscription !== ALL_CHANGES_CHANNEL && subscription !== channelOf(event.entity)) continue;
        client.queue.push(this.messageFor(event, subscription));
        if (this.faults.duplicateEvents > 0) {
          client.queue.push(this.messageFor(event, subscription));
          duplicate = true;
        }
      }
      if (client.held) setImmediate(() => this.release(client));
    }
    if (duplicate) this.faults.duplicateEvents -= 1;
  }

  /** A client that stopped polling (a killed process) is forgotten, like Salesforce does after ~40 s. */
  private pruneIdle(): void {
    const idleMs = Math.max(2 * this.holdMs, 40_000);
    const now = Date.now();
    for (const client of [...this.sessions.values()]) {
      if (!client.held && now - client.lastSeen > idleMs) this.sessions.delete(client.clientId);
    }
  }

  private drop(client: ClientSession): void {
    this.release(client);
    this.sessions.delete(client.clientId);
  }

  /** Every held connect answers now (say, because tokens were expired and the next connect must fail). */
  releaseAll(): void {
    for (const client of this.sessions.values()) this.release(client);
  }

  /** Forgets every client: their next message gets `403::Unknown client` and a re-handshake. */
  forgetClients(): void {
    for (const client of [...this.sessions.values()]) this.drop(client);
  }

  clientCount(): number {
    return this.sessions.size;
  }

  close(): void {
    this.unsubscribe();
    this.forgetClients();
  }
}
