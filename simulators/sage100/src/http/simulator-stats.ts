import type { SimulatorStats } from '../simulator-types.js';

const empty = (): SimulatorStats => ({ requests: 0, byStatus: {}, byOperation: {}, maxConcurrentSeen: 0 });

export class StatsRecorder {
  private stats = empty();

  requestArrived(operation: string, inFlight: number): void {
    this.stats.requests += 1;
    this.stats.byOperation[operation] = (this.stats.byOperation[operation] ?? 0) + 1;
    this.stats.maxConcurrentSeen = Math.max(this.stats.maxConcurrentSeen, inFlight);
  }

  answered(status: number | 'no-response'): void {
    const key = String(status);
    this.stats.byStatus[key] = (this.stats.byStatus[key] ?? 0) + 1;
  }

  snapshot(): SimulatorStats {
    return structuredClone(this.stats);
  }

  reset(): void {
    this.stats = empty();
  }
}
