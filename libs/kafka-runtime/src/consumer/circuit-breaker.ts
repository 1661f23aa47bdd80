import type { Logger, TributaryMetrics } from '@tributary/observability';

/**
 * Open while any partition keeps failing transiently against a system. An open circuit pauses
 * those partitions (they probe instead of consuming) and raises `tributary_circuit_open` = 1.
 */
export class CircuitBreaker {
  private readonly openPartitions = new Map<string, Set<string>>();

  constructor(private readonly metrics: TributaryMetrics, private readonly log: Logger) {
  }

  register(system: string): void {
    if (!this.openPartitions.has(system)) {
      this.openPartitions.set(system, new Set());
      this.metrics.circuitOpen.set({ system }, 0);
    }
  }

  open(system: string, partitionId: string, reason: { code: string; message: string }): void {
    const open = this.openPartitions.get(system) ?? new Set<string>();
    this.openPartitions.set(system, open);
    if (open.has(partitionId)) return;
    open.add(partitionId);
    this.metrics.circuitOpen.set({ system }, 1);
    this.log.warn({ system, partition: partitionId, code: reason.code, error: reason.message }, 'circuit open: partition paused, probing until the system answers');
  }

  close(system: string, partitionId: string): void {
    const open = this.openPartitions.get(system);
    if (!open?.delete(partitionId)) return;
    if (open.size === 0) this.metrics.circuitOpen.set({ system }, 0);
    this.log.info({ system, partition: partitionId }, 'circuit closed: partition resumed');
  }

  isOpen(system: string): boolean {
    return (this.openPartitions.get(system)?.size ?? 0) > 0;
  }
}
