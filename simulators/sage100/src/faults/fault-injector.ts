import type { FaultPlan } from '../simulator-types.js';
import { seededRandom } from './seeded-random.js';

/** A fault decided when a request arrives, before anything is processed. */
export type RequestFault = 'throttle' | 'http5xx' | 'timeout';

const REQUEST_FAULTS: readonly RequestFault[] = ['throttle', 'http5xx', 'timeout'];

/**
 * Turns a FaultPlan into per-request decisions. Counted faults are used up first, in the order
 * throttle, 5xx, timeout; then each rate is drawn from the seeded PRNG.
 */
export class FaultInjector {
  private plan: FaultPlan = {};
  private remaining = { throttle: 0, http5xx: 0, timeout: 0, locked: 0, commitThenFail: 0 };
  private random: () => number;

  constructor(private readonly seed: number) {
    this.random = seededRandom(seed);
  }

  set(plan: FaultPlan): void {
    this.plan = structuredClone(plan);
    this.remaining = {
      throttle: plan.throttle ?? 0,
      http5xx: plan.http5xx ?? 0,
      timeout: plan.timeout ?? 0,
      locked: plan.locked ?? 0,
      commitThenFail: plan.commitThenFail ?? 0,
    };
  }

  /** Clears the plan and restarts the PRNG, so a reset run replays the same faults. */
  reset(): void {
    this.set({});
    this.random = seededRandom(this.seed);
  }

  get latencyMs(): number {
    return this.plan.latencyMs ?? 0;
  }

  get commitThenFailMode(): 'http500' | 'hang' {
    return this.plan.commitThenFailMode ?? 'http500';
  }

  drawRequestFault(): RequestFault | undefined {
    for (const fault of REQUEST_FAULTS) {
      if (this.remaining[fault] > 0) {
        this.remaining[fault] -= 1;
        return fault;
      }
    }
    return REQUEST_FAULTS.find((fault) => this.chance(this.plan.rates?.[fault]));
  }

  /** Asked only for writes, before they run: a record open in another session. */
  drawLocked(): boolean {
    return this.drawCounted('locked');
  }

  /** Asked only for writes, after they were committed. */
  drawCommitThenFail(): boolean {
    return this.drawCounted('commitThenFail');
  }

  private drawCounted(fault: 'locked' | 'commitThenFail'): boolean {
    if (this.remaining[fault] > 0) {
      this.remaining[fault] -= 1;
      return true;
    }
    return this.chance(this.plan.rates?.[fault]);
  }

  private chance(rate: number | undefined): boolean {
    return rate !== undefined && rate > 0 && this.random() < rate;
  }
}
