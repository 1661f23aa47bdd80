import { z } from 'zod';
import type { FaultPlan } from '../simulator-types.js';

const count = z.number().int().min(0).optional();
const rate = z.number().min(0).max(1).optional();

/** FaultPlan as posted to the admin API by other processes. */
export const faultPlanSchema = z
  .strictObject({
    latencyMs: z.number().int().min(0).optional(),
    throttle: count,
    http5xx: count,
    timeout: count,
    locked: count,
    commitThenFail: count,
    commitThenFailMode: z.enum(['http500', 'hang']).optional(),
    rates: z.strictObject({ throttle: rate, http5xx: rate, timeout: rate, locked: rate, commitThenFail: rate }).optional(),
  }) satisfies z.ZodType<FaultPlan>;
