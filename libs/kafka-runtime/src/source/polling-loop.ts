import { asIntegrationError } from '@tributary/core';
import type { Logger, TributaryMetrics } from '@tributary/observability';
import { fullJitterDelay, type RetryPolicy } from '../retry/retry-policy.js';

export interface PollingLoopOptions {
  readonly name: string;
  /** The external system polled: the circuit metric is per system. */
  readonly system: string;
  readonly intervalMs: number;
  /** One poll: reads changes, emits them, returns how many events it emitted. */
  readonly poll: () => Promise<number>;
  readonly retryPolicy: RetryPolicy;
  readonly metrics: TributaryMetrics;
  readonly log: Logger;
}

/**
 * The heartbeat of a source: poll, wait, poll again. A failing poll is retried with backoff and
 * full jitter; when failures persist the circuit opens (metric, log) and the loop keeps probing
 * at the normal interval. A poll never overlaps the previous one, and `stop` waits for the
 * running poll, so a shutdown never cuts a produce in half.
 */
export class PollingLoop {
  private running = false;
  private timer: NodeJS.Timeout | undefined;
  private current: Promise<void> = Promise.resolve();
  private failures = 0;
  private lastSuccess = 0;

  constructor(private readonly options: PollingLoopOptions) {}

  /** Time of the last successful poll (epoch ms); 0 before the first. */
  get lastSuccessAt(): number {
    return this.lastSuccess;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.options.metrics.circuitOpen.set({ system: this.options.system }, 0);
    this.schedule(0);
  }

  async stop(): Promise<void> {
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
    await this.current;
  }

  /** One poll now (used by tests and by `start`). */
  async pollOnce(): Promise<number> {
    const { options } = this;
    const emitted = await options.poll();
    options.metrics.messages.inc({ service: options.name, topic: options.system, outcome: 'emitted' }, emitted);
    return emitted;
  }

  private schedule(delayMs: number): void {
    if (!this.running) return;
    this.timer = setTimeout(() => {
      this.current = this.tick();
    }, delayMs);
  }

  private async tick(): Promise<void> {
    const { options } = this;
    try {
      const emitted = await this.pollOnce();
      if (this.failures >= options.retryPolicy.maxAttempts) options.log.info({ system: options.system }, 'circuit closed: polls succeed again');
      this.failures = 0;
      this.lastSuccess = Date.now();
      options.metrics.circuitOpen.set({ system: options.system }, 0);
      if (emitted > 0) options.log.info({ emitted }, 'poll emitted changes');
      this.schedule(options.intervalMs);
    } catch (thrown) {
      const error = asIntegrationError(thrown);
      this.failures++;
      options.metrics.retries.inc({ service: options.name, code: error.code });
      const circuitOpen = this.failures >= options.retryPolicy.maxAttempts;
      if (circuitOpen) {
        options.metrics.circuitOpen.set({ system: options.system }, 1);
        options.log.warn({ code: error.code, error: error.message, failures: this.failures }, 'circuit open: polls keep failing, probing at the poll interval');
      } else {
        options.log.info({ code: error.code, error: error.message, attempt: this.failures }, 'poll failed, retrying');
      }
      this.schedule(circuitOpen ? options.intervalMs : Math.max(50, fullJitterDelay(options.retryPolicy, this.failures)));
    }
  }
}
