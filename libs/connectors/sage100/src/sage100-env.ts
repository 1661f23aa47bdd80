import { z } from 'zod';
import { env } from '@tributary/config';
import type { Sage100ClientOptions } from './sage100-types.js';

/** An integer variable within [min, max], with a message that says so. */
const intBetween = (min: number, max: number, fallback: number) => {
  const message = `expected an integer from ${min} to ${max}`;
  return z.coerce.number({ message }).int(message).min(min, message).max(max, message).default(fallback);
};

/** The environment variables that say how to reach the Sage 100 facade; every Sage 100 service uses them. */
export const sage100EnvSchema = z.object({
  SAGE100_API_URL: env.url().describe('Base URL of the Sage 100 facade: the BOI agent on the Sage server, or an adapted gateway.'),
  SAGE100_API_KEY: env.required('the facade API key (X-API-Key)'),
  SAGE100_COMPANY_CODE: z
    .string({ message: 'expected a Sage 100 company code of 1 to 3 characters' })
    .min(1, 'expected a Sage 100 company code of 1 to 3 characters')
    .max(3, 'expected a Sage 100 company code of 1 to 3 characters')
    .describe('Default company (X-Company-Code); routing rules may pick another per order.'),
  SAGE100_TIMEOUT_MS: env.positiveInt(30_000),
  SAGE100_MAX_CONCURRENT_REQUESTS: intBetween(1, 32, 4).describe(
    'Requests in flight at once to the agent, shared by all clients of it in the process; BOI sessions are heavy, ' +
      'and beyond its own cap the agent answers 429. Default 4.',
  ),
});
export type Sage100Env = z.infer<typeof sage100EnvSchema>;

/** Client options from those variables; `companyCode` overrides the configured company (company routing). */
export const sage100ClientOptions = (
  config: Sage100Env,
  extra: { companyCode?: string | undefined; onRequest?: Sage100ClientOptions['onRequest'] } = {},
): Sage100ClientOptions => ({
  apiUrl: config.SAGE100_API_URL,
  apiKey: config.SAGE100_API_KEY,
  companyCode: extra.companyCode ?? config.SAGE100_COMPANY_CODE,
  timeoutMs: config.SAGE100_TIMEOUT_MS,
  maxConcurrentRequests: config.SAGE100_MAX_CONCURRENT_REQUESTS,
  ...(extra.onRequest ? { onRequest: extra.onRequest } : {}),
});
