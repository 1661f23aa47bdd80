import { Counter, Gauge } from 'prom-client';
import type { TributaryMetrics } from '@tributary/observability';

/** What coalescing does, on the service's registry: levels read vs levels Clarity received. */
export class InventoryMetrics {
  readonly levels: Counter<'outcome'>;
  readonly pushes: Counter<'kind'>;
  readonly pending: Gauge;

  constructor(metrics: TributaryMetrics) {
    this.levels = new Counter({
      name: 'tributary_clarity_inventory_levels_total',
      help: 'Inventory levels by outcome: read (buffered, coalesced, stale), pushed to Clarity, dead_lettered.',
      labelNames: ['outcome'] as const, registers: [metrics.registry],
    });
    this.pushes = new Counter({
      name: 'tributary_clarity_inventory_pushes_total',
      help: 'PUT /api/v1/inventory calls that succeeded, by flush kind (interval, urgent, final).',
      labelNames: ['kind'] as const, registers: [metrics.registry],
    });
    this.pending = new Gauge({
      name: 'tributary_clarity_inventory_pending',
      help: 'SKU@location levels waiting for the next flush.',
      registers: [metrics.registry],
    });
  }
}
