import { z } from 'zod';
import type { OrderFacts } from './order-facts.js';
import type { OrderHistoryStats } from './order-history-stats.js';
import { SIGNALS, type AnomalyReason } from './signals.js';

export const assessOptionsSchema = z.object({
  /** Orders scoring at or above this are held for a human (default 0.7). */
  holdThreshold: z.number().min(0).max(1).default(0.7),
  /** Fewer past orders than this and a history says nothing; its signal stays silent (default 5). */
  minHistory: z.number().int().min(1).default(5),
});
export type AssessOptions = z.infer<typeof assessOptionsSchema>;

export interface AnomalyAssessment {
  /** 0..1; see `combine`. */
  score: number;
  hold: boolean;
  /** Each signal that fired, strongest first, with the numbers behind it. */
  reasons: AnomalyReason[];
}

/**
 * score = 1 − Π(1 − weightᵢ), the "noisy OR": each signal is independent evidence, one strong
 * signal can hold an order on its own, two moderate ones together can, and the score never
 * leaves [0, 1]. No signals, score 0.
 */
export const combine = (weights: readonly number[]): number =>
  Number((1 - weights.reduce((clear, weight) => clear * (1 - Math.min(1, Math.max(0, weight))), 1)).toFixed(3));

/**
 * How unusual an order is against the history seen so far, and why: deterministic, so the same
 * order and history always give the same verdict, and an operator can read each reason's numbers.
 * Assess before `stats.observe(order)`.
 */
export const assessOrder = (order: OrderFacts, stats: OrderHistoryStats, options: Partial<AssessOptions> = {}): AnomalyAssessment => {
  const { holdThreshold, minHistory } = assessOptionsSchema.parse(options);
  const reasons = SIGNALS.flatMap((signal) => signal(order, stats, minHistory)).sort((a, b) => b.weight - a.weight);
  const score = combine(reasons.map((reason) => reason.weight));
  return { score, hold: score >= holdThreshold, reasons };
};
