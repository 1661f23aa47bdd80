import type { SimulatorStats } from '../simulator-types.js';

const empty = (): SimulatorStats => ({ requests: 0, byStatus: {}, functions: {}, maxConcurrentSeen: 0 });

export class StatsRecorder {
  private stats = empty();

  requestArrived(inFlight: number): void {
    this.stats.requests += 1;
    this.stats.maxConcurrentSeen = Math.max(this.stats.maxConcurrentSeen, inFlight);
  }

  answered(status: number | 'no-response'): void {
    const key = String(status);
    this.stats.byStatus[key] = (this.stats.byStatus[key] ?? 0) + 1;
  }

  functionsRan(verbs: readonly string[]): void {
    for (const verb of verbs) this.stats.functions[verb] = (this.stats.functions[verb] ?? 0) + 1;
  }

  snapshot(): SimulatorStats {
    return structuredClone(this.stats);
  }

  reset(): void {
    this.stats = empty();
  }
}
