import type { ShopFaults } from './shop-types.js';

/** mulberry32: a tiny seeded PRNG, so a run with fault rates can be replayed exactly. */
const seededRandom = (seed: number): (() => number) => {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
};

export type DrawnFault = { kind: 'http5xx' } | { kind: 'throttle'; retryAfterSeconds: number };

/** Per-request fault decisions: `failNext` first, then the 5xx rate, then the 429 rate. */
export class FaultPlan {
  private plan: ShopFaults = {};
  private failNext = 0;
  private random: () => number;

  constructor(private readonly seed: number) {
    this.random = seededRandom(seed);
  }

  set(plan: ShopFaults): void {
    this.plan = { ...plan };
    this.failNext = plan.failNext ?? 0;
  }

  current(): ShopFaults {
    return { ...this.plan, failNext: this.failNext };
  }

  reset(): void {
    this.set({});
    this.random = seededRandom(this.seed);
  }

  get latencyMs(): number {
    return this.plan.latencyMs ?? 0;
  }

  draw(): DrawnFault | undefined {
    if (this.failNext > 0) {
      this.failNext -= 1;
      return { kind: 'http5xx' };
    }
    if (this.chance(this.plan.rate5xx)) return { kind: 'http5xx' };
    if (this.chance(this.plan.rate429)) return { kind: 'throttle', retryAfterSeconds: this.plan.retryAfterSeconds ?? 1 };
    return undefined;
  }

  private chance(rate: number | undefined): boolean {
    return rate !== undefined && rate > 0 && this.random() < rate;
  }
}
