import { Gauge } from 'prom-client';
import { IntegrationError } from '@tributary/core';
import type { SalesforceApiUsage, SalesforceClient } from '@tributary/connectors-salesforce';
import type { TributaryMetrics } from '@tributary/observability';

/**
 * The org's daily API budget as `Sforce-Limit-Info` reports it (metrics
 * `tributary_salesforce_api_usage_ratio`, `_api_requests_used`, `_api_requests_limit`), and a
 * guard that stops this sink at a configured share of it: above the share every call waits
 * (a transient SALESFORCE.BUDGET with a retry-after, so the runtime pauses the partition and never
 * dead-letters), re-reading `/limits` at most once per wait so the budget is seen to recover.
 */
export class ApiBudget {
  private usage: SalesforceApiUsage | undefined;
  private checkedAt = 0;
  private readonly ratio: Gauge<'system'>;
  private readonly used: Gauge<'system'>;
  private readonly limit: Gauge<'system'>;

  constructor(metrics: TributaryMetrics, private readonly share: number, private readonly retryAfterMs: number, private readonly clock: () => number = Date.now) {
    this.ratio = new Gauge({ name: 'tributary_salesforce_api_usage_ratio', help: "Share (0..1) of the Salesforce org's daily API allocation used, from Sforce-Limit-Info.", labelNames: ['system'], registers: [metrics.registry] });
    this.used = new Gauge({ name: 'tributary_salesforce_api_requests_used', help: 'Daily API requests the org has used (Sforce-Limit-Info).', labelNames: ['system'], registers: [metrics.registry] });
    this.limit = new Gauge({ name: 'tributary_salesforce_api_requests_limit', help: "The org's daily API request allocation (Sforce-Limit-Info).", labelNames: ['system'], registers: [metrics.registry] });
  }

  /** The client's onLimits hook. */
  readonly onLimits = (usage: SalesforceApiUsage): void => {
    this.usage = usage;
    this.ratio.set({ system: 'salesforce' }, usage.share);
    this.used.set({ system: 'salesforce' }, usage.used);
    this.limit.set({ system: 'salesforce' }, usage.limit);
  };

  /** Throws a transient SALESFORCE.BUDGET while the org is at or above this sink's share. */
  async guard(client: Pick<SalesforceClient, 'fetchLimits'>): Promise<void> {
    if (!this.usage || this.usage.share < this.share) return;
    if (this.clock() - this.checkedAt >= Math.min(this.retryAfterMs, 60_000)) {
      this.checkedAt = this.clock();
      await client.fetchLimits().catch(() => undefined);
      if (this.usage.share < this.share) return;
    }
    throw IntegrationError.transient('SALESFORCE.BUDGET', `the org has used ${this.usage.used} of ${this.usage.limit} daily API requests; this sink stops at ${Math.round(this.share * 100)} %`, { used: this.usage.used, limit: this.usage.limit, retryAfterMs: this.retryAfterMs });
  }
}
