import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/**
 * The metric names every service exposes (ARCHITECTURE.md, Observability). One instance per
 * process, passed to whoever records; nothing registers metrics on the global registry.
 */
export class TributaryMetrics {
  readonly registry = new Registry();

  readonly messages = new Counter({
    name: 'tributary_messages_total', help: 'Messages handled, by outcome (done, duplicate, skipped, dead_lettered, parked, failed).',
    labelNames: ['service', 'topic', 'outcome'] as const, registers: [this.registry],
  });
  readonly processingSeconds = new Histogram({
    name: 'tributary_processing_seconds', help: 'Time from receiving a message to committing its offset.',
    labelNames: ['service', 'topic'] as const, buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [this.registry],
  });
  readonly externalRequests = new Counter({
    name: 'tributary_external_requests_total', help: 'Calls to external systems (ERP, CRM, Clarity API), by status.',
    labelNames: ['system', 'operation', 'status'] as const, registers: [this.registry],
  });
  readonly externalRequestSeconds = new Histogram({
    name: 'tributary_external_request_seconds', help: 'Latency of calls to external systems.',
    labelNames: ['system', 'operation'] as const, buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [this.registry],
  });
  readonly dlqMessages = new Counter({
    name: 'tributary_dlq_messages_total', help: 'Messages written to a dead letter topic, by error code.',
    labelNames: ['service', 'topic', 'code'] as const, registers: [this.registry],
  });
  readonly consumerLag = new Gauge({
    name: 'tributary_consumer_lag', help: 'Messages between the committed position and the end of the partition.',
    labelNames: ['group', 'topic', 'partition'] as const, registers: [this.registry],
  });
  readonly circuitOpen = new Gauge({
    name: 'tributary_circuit_open', help: '1 while calls to a system keep failing transiently and its partitions are paused.',
    labelNames: ['system'] as const, registers: [this.registry],
  });
  readonly webhooks = new Counter({
    name: 'tributary_webhooks_total', help: 'Inbound webhooks, by type and outcome (accepted, bad_signature, stale, invalid, error).',
    labelNames: ['type', 'outcome'] as const, registers: [this.registry],
  });
  readonly retries = new Counter({
    name: 'tributary_retries_total', help: 'Transient failures retried in process, by code.',
    labelNames: ['service', 'code'] as const, registers: [this.registry],
  });

  readonly sourceWatermark = new Gauge({
    name: 'tributary_source_watermark_timestamp_seconds', help: 'The newest change a source has published (its watermark), as a Unix time, per feed.',
    labelNames: ['source', 'feed'] as const, registers: [this.registry],
  });
  readonly cdcReplayAge = new Gauge({
    name: 'tributary_cdc_replay_age_seconds', help: 'How far behind now the CDC replay position is (seconds); grows while the source cannot keep up or is stuck.',
    labelNames: ['source'] as const, registers: [this.registry],
  });
  private readonly budgets = new Map<string, () => { limit: number; inFlight: number }>();
  readonly erpBudgetRemaining = new Gauge({
    name: 'tributary_erp_budget_remaining', help: 'Concurrent request slots to an ERP/CRM this process may still start (its budget minus requests in flight).',
    labelNames: ['system'] as const, registers: [this.registry],
    collect: () => { for (const [system, read] of this.budgets) { const { limit, inFlight } = read(); this.erpBudgetRemaining.set({ system }, Math.max(0, limit - inFlight)); } },
  });
  readonly erpBudgetLimit = new Gauge({
    name: 'tributary_erp_budget_limit', help: 'Concurrent request slots to an ERP/CRM this process is allowed (the company budget divided by the replicas).',
    labelNames: ['system'] as const, registers: [this.registry],
    collect: () => { for (const [system, read] of this.budgets) this.erpBudgetLimit.set({ system }, read().limit); },
  });

  constructor(readonly service: string, options: { defaultMetrics?: boolean } = {}) {
    this.registry.setDefaultLabels({ service });
    if (options.defaultMetrics !== false) collectDefaultMetrics({ register: this.registry });
  }

  /** Exports `tributary_erp_budget_remaining` / `_limit` for `system`, read at each scrape. */
  watchBudget(system: string, read: () => { limit: number; inFlight: number }): void {
    this.budgets.set(system, read);
  }

  /** A connector's per-request hook (`onRequest`) that counts and times calls to `system`. */
  requestRecorder(system: string): (event: { operation: string; status: string; durationMs: number }) => void {
    return ({ operation, status, durationMs }) => {
      this.externalRequests.inc({ system, operation, status });
      this.externalRequestSeconds.observe({ system, operation }, durationMs / 1000);
    };
  }

  /** Times an external call and counts it by status; rethrows what the call throws. */
  async timeExternal<T>(system: string, operation: string, call: () => Promise<T>, statusOf: (error: unknown) => string = () => 'error'): Promise<T> {
    const stop = this.externalRequestSeconds.startTimer({ system, operation });
    try {
      const result = await call();
      this.externalRequests.inc({ system, operation, status: 'ok' });
      return result;
    } catch (error) {
      this.externalRequests.inc({ system, operation, status: statusOf(error) });
      throw error;
    } finally {
      stop();
    }
  }
}
