import { connect, createServer, type AddressInfo, type Server, type Socket } from 'node:net';

/** How the proxy treats connections right now. `pass` forwards bytes untouched. */
export type FaultMode = 'pass' | 'reset' | 'blackhole';

export interface FaultProxyOptions {
  /** Where connections are forwarded to. */
  targetHost: string;
  targetPort: number;
  /** 0 (default) = a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
}

export interface FaultProxyStats {
  /** Connections accepted from clients, over the proxy's life. */
  accepted: number;
  /** Connections open now. */
  open: number;
  /** Connections ended by a reset (by `reset()`, mode `reset`, or `resetAfterBytes`). */
  resets: number;
  /** Bytes forwarded client → target and target → client. */
  bytesUp: number;
  bytesDown: number;
}

interface Pair {
  client: Socket;
  upstream: Socket | undefined;
  /** Bytes this connection forwarded, both directions. */
  bytes: number;
  closed: boolean;
}

/**
 * A TCP proxy for fault injection in tests: put it between a client and a server (the sink and
 * the Intacct simulator, a producer and the broker) and add latency, reset connections, or
 * black-hole them (accept, never forward, never answer), then restore.
 *
 * ```ts
 * const proxy = await FaultProxy.start({ targetHost: '127.0.0.1', targetPort: 9092 });
 * proxy.setLatency(200);      // every chunk, both directions, 200 ms later (order kept)
 * proxy.blackhole();          // new and open connections go silent
 * proxy.reset();              // open connections get a TCP RST; new ones too (mode 'reset')
 * proxy.restore();            // pass-through again, no latency
 * ```
 */
export class FaultProxy {
  private mode: FaultMode = 'pass';
  private latencyMs = 0;
  private jitterMs = 0;
  private resetAfter: number | undefined;
  private readonly pairs = new Set<Pair>();
  private readonly counters: FaultProxyStats = { accepted: 0, open: 0, resets: 0, bytesUp: 0, bytesDown: 0 };

  private constructor(
    private readonly server: Server,
    private readonly options: FaultProxyOptions,
  ) {}

  static async start(options: FaultProxyOptions): Promise<FaultProxy> {
    const server = createServer();
    const proxy = new FaultProxy(server, options);
    server.on('connection', (socket) => proxy.accept(socket));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
    return proxy;
  }

  /** The port clients connect to. */
  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  get host(): string {
    return this.options.host ?? '127.0.0.1';
  }

  /** `host:port`, e.g. for KAFKA_BROKERS. */
  get address(): string {
    return `${this.host}:${this.port}`;
  }

  /** Replaces `targetHost:targetPort` in a URL by the proxy's own address. */
  url(targetUrl: string): string {
    const url = new URL(targetUrl);
    url.hostname = this.host;
    url.port = String(this.port);
    return url.toString();
  }

  get currentMode(): FaultMode {
    return this.mode;
  }

  stats(): FaultProxyStats {
    return { ...this.counters, open: this.pairs.size };
  }

  /** Delays every chunk in both directions by `ms` (+ up to `jitterMs`), keeping byte order. */
  setLatency(ms: number, jitterMs = 0): void {
    if (ms < 0 || jitterMs < 0) throw new RangeError('latency and jitter must be ≥ 0');
    this.latencyMs = ms;
    this.jitterMs = jitterMs;
  }

  /** Resets each connection once it has forwarded more than `bytes` (either direction); undefined turns it off. */
  resetAfterBytes(bytes: number | undefined): void {
    this.resetAfter = bytes;
  }

  /** Sends a TCP RST on every open connection; with `{ refuseNew: true }` new ones are reset on accept until restore(). */
  reset(options: { refuseNew?: boolean } = {}): void {
    for (const pair of [...this.pairs]) this.destroyPair(pair, true);
    if (options.refuseNew) this.mode = 'reset';
  }

  /** Accepts connections but forwards nothing and answers nothing, like a dropped route; open connections go silent too. */
  blackhole(): void {
    this.mode = 'blackhole';
  }

  /** Pass-through again: no latency, no resets. Black-holed connections stay dead (their bytes were dropped): they are reset so clients reconnect. */
  restore(): void {
    const wasBlackholed = this.mode === 'blackhole';
    this.mode = 'pass';
    this.latencyMs = 0;
    this.jitterMs = 0;
    this.resetAfter = undefined;
    if (wasBlackholed) for (const pair of [...this.pairs]) this.destroyPair(pair, true);
  }

  async close(): Promise<void> {
    for (const pair of [...this.pairs]) this.destroyPair(pair, false);
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private accept(client: Socket): void {
    this.counters.accepted += 1;
    client.setNoDelay(true);
    if (this.mode === 'reset') {
      this.counters.resets += 1;
      client.resetAndDestroy();
      return;
    }
    const pair: Pair = { client, upstream: undefined, bytes: 0, closed: false };
    this.pairs.add(pair);
    client.on('error', () => this.destroyPair(pair, false));
    client.on('close', () => this.destroyPair(pair, false));
    const upstream = connect({ host: this.options.targetHost, port: this.options.targetPort });
    upstream.setNoDelay(true);
    pair.upstream = upstream;
    upstream.on('error', () => this.destroyPair(pair, true));
    upstream.on('close', () => this.destroyPair(pair, false));
    this.pipe(pair, client, upstream, 'bytesUp');
    this.pipe(pair, upstream, client, 'bytesDown');
  }

  /** Forwards `from` → `to` chunk by chunk, through the current faults; chunks stay in order under latency. */
  private pipe(pair: Pair, from: Socket, to: Socket, counter: 'bytesUp' | 'bytesDown'): void {
    let chain: Promise<void> = Promise.resolve();
    from.on('data', (chunk: Buffer) => {
      if (this.mode === 'blackhole' || pair.closed) return; // dropped, never answered
      const delay = this.latencyMs + (this.jitterMs > 0 ? Math.random() * this.jitterMs : 0);
      const forward = () => {
        if (pair.closed || this.mode === 'blackhole') return;
        this.counters[counter] += chunk.length;
        pair.bytes += chunk.length;
        if (this.resetAfter !== undefined && pair.bytes > this.resetAfter) {
          this.destroyPair(pair, true);
          return;
        }
        if (!to.destroyed) to.write(chunk);
      };
      if (delay <= 0) {
        chain = chain.then(forward);
        return;
      }
      // Each chunk waits its own delay from arrival, but never overtakes the one before it.
      const due = Date.now() + delay;
      chain = chain.then(() => new Promise<void>((resolve) => setTimeout(() => { forward(); resolve(); }, Math.max(0, due - Date.now()))));
    });
    from.on('end', () => {
      void chain.then(() => {
        if (!pair.closed && this.mode !== 'blackhole' && !to.destroyed) to.end();
      });
    });
  }

  private destroyPair(pair: Pair, reset: boolean): void {
    if (pair.closed) return;
    pair.closed = true;
    this.pairs.delete(pair);
    if (reset) {
      this.counters.resets += 1;
      if (!pair.client.destroyed) pair.client.resetAndDestroy();
      if (pair.upstream && !pair.upstream.destroyed) pair.upstream.resetAndDestroy();
    } else {
      pair.client.destroy();
      pair.upstream?.destroy();
    }
  }
}
