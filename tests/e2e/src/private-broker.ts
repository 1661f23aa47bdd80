import { execFile } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const root = join(fileURLToPath(import.meta.url), '../../../..');
const stackScript = join(root, 'infra/local/stack.sh');
const run = promisify(execFile);

/**
 * A Kafka broker of its own for a test that kills the broker: `infra/local/stack.sh <cmd> kafka`
 * on other ports, so its data (.local/kafka/data-PORT), log (.local/logs/kafka-PORT.log) and pid
 * file are its own and the shared broker on 9092, which the other e2e files use at the same time,
 * is never touched. The schema registry stays the shared one: it keeps its schemas in its own
 * store, not in Kafka, and the test's topics carry a unique prefix.
 */
export class PrivateBroker {
  readonly brokers: string;
  /** When each restart (SIGKILL to ready again) took, in ms. */
  readonly restartMs: number[] = [];
  kills = 0;

  constructor(readonly port: number, readonly controllerPort = port + 1) {
    this.brokers = `127.0.0.1:${port}`;
  }

  /**
   * A broker on a free port pair (broker, controller = broker + 1) picked at random, so that two
   * runs of a test at once (two sessions, or `make test` while `make chaos` runs) never share one.
   */
  static async onFreePorts(): Promise<PrivateBroker> {
    for (let attempt = 0; attempt < 50; attempt++) {
      const port = 19_400 + 2 * Math.floor(Math.random() * 300);
      if ((await portFree(port)) && (await portFree(port + 1))) return new PrivateBroker(port);
    }
    throw new Error('no free port pair for a private broker in 19400-19999');
  }

  get log(): string {
    return join(root, `.local/logs/kafka-${this.port}.log`);
  }

  private async stack(...args: string[]): Promise<string> {
    try {
      const { stdout } = await run('bash', [stackScript, ...args, 'kafka'], {
        env: {
          ...process.env,
          KAFKA_PORT: String(this.port),
          KAFKA_CONTROLLER_PORT: String(this.controllerPort),
          // A single node: after a SIGKILL the controller (the same process) would otherwise refuse the
          // restarted broker's registration until the old one's 9 s session expires.
          KAFKA_EXTRA_PROPS: 'broker.session.timeout.ms=2000 broker.heartbeat.interval.ms=500',
          KAFKA_HEAP_OPTS: '-Xms128m -Xmx384m',
          STACK_TIMEOUT: '60',
        },
        maxBuffer: 4 * 1024 * 1024,
      });
      return stdout;
    } catch (error) {
      const failed = error as { stdout?: string; stderr?: string; message: string };
      throw new Error(`stack.sh ${args.join(' ')} kafka (port ${this.port}) failed: ${failed.stderr || failed.stdout || failed.message}`);
    }
  }

  private pid(): number | undefined {
    try {
      const pid = Number(readFileSync(join(root, `.local/run/kafka-${this.port}.pid`), 'utf8').trim());
      return Number.isInteger(pid) && pid > 0 ? pid : undefined;
    } catch {
      return undefined;
    }
  }

  /** A fresh broker: whatever an earlier run left on these ports (if it was ours) is stopped and its data deleted. */
  async start(): Promise<void> {
    await this.stack('reset');
    const out = await this.stack('start');
    if (/reusing it|not started by us/.test(out) || this.pid() === undefined) {
      throw new Error(`127.0.0.1:${this.port} is taken by a broker this test did not start; set CHAOS_KAFKA_PORT to a free port pair`);
    }
  }

  /** SIGKILL the broker JVM, as a crash or the OOM killer would (`stack.sh kill kafka`). */
  async kill(): Promise<void> {
    if (this.pid() === undefined) throw new Error('no private broker to kill');
    await this.stack('kill');
    this.kills += 1;
  }

  /** Start it again on the same ports and data dir, and wait until a consumer group can join. */
  async restart(killedAt: number): Promise<void> {
    await this.stack('start');
    this.restartMs.push(Date.now() - killedAt);
  }

  /** Stop it and delete its data and generated config (and its log unless asked to keep it). */
  async remove(options: { keepLog?: boolean } = {}): Promise<void> {
    await this.stack('reset');
    rmSync(join(root, `.local/kafka/server-${this.port}.properties`), { force: true });
    rmSync(join(root, `.local/run/.stack-${this.port}.lock`), { force: true });
    if (!options.keepLog) for (const log of [this.log, `${this.log}.1`]) rmSync(log, { force: true });
  }
}

const portFree = (port: number): Promise<boolean> =>
  new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
