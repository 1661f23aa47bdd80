import { z } from 'zod';
import type { FaultPlan } from '../simulator-types.js';

const count = z.number().int().min(0).optional();
const rate = z.number().min(0).max(1).optional();

/** FaultPlan as posted to the admin API by other processes. */
export const faultPlanSchema = z
  .object({
    latencyMs: z.number().int().min(0).optional(),
    http5xx: count,
    throttle: count,
    timeout: count,
    commitThenFail: count,
    commitThenFailMode: z.enum(['http500', 'hang']).optional(),
    rates: z.object({ http5xx: rate, throttle: rate, timeout: rate, commitThenFail: rate }).strict().optional(),
  })
  .strict() satisfies z.ZodType<FaultPlan>;
